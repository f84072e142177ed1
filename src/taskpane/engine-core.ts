/**
 * What every host's analysis engine holds (./engine.ts for Outlook, src/hosts/thunderbird/engine.ts
 * for Thunderbird): the core, the country table's reader and the report model. Each host adds its
 * own message reader.
 */
export { analyze } from "../core/analyze.js";
export { digestAttachments } from "../core/attachments/digest.js";
export { createCountryLookup } from "../core/geo/lookup.js";
// The report to the security desk (built when the person presses Report, from the same analysis).
export { buildReport, defaultAnswers, reportSubject, reportText } from "../core/report/index.js";
