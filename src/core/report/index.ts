/**
 * The report to the security desk (the seed's nine-item checklist), pure like the rest of the
 * core. `buildReport` reads the HTML body with parse5, so a pane that keeps parse5 out of its
 * first bundle should reach it through its engine chunk; `text.js`, `answers.js`, `defang.js`,
 * `inert-json.js`, `block.js` and `types.js` are light and can be imported directly.
 */
export {
  REPORT_SCHEMA_VERSION,
  REPORT_LIMITS,
  type SenderConfirmation,
  type YesNoUnknown,
  type ReportSource,
  type ReporterAnswers,
  type ReportEnvironment,
  type ReportLimits,
  type ReportInput,
  type Report,
  type ReportAddress,
  type ReportChecklist,
  type Item1ReceivedAt,
  type Item2Sender,
  type Item3Antivirus,
  type Item4Message,
  type Item5Recipients,
  type Item6WhatHappened,
  type Item7Damage,
  type Item8Environment,
  type Item9ShareWithVendors,
  type ReportAttachment,
  type ReportFinding,
  type ReportOrigin,
  type ReportAnalysis,
  type ReportUrl,
  type ReportIpRole,
  type ReportAddressRole,
  type ReportIndicators,
  type ReportOriginal,
  type ReportClip,
} from "./types.js";
export {
  newReportId,
  isReportId,
  jsonBeginLine,
  jsonEndLine,
  subjectTag,
  quoteLines,
  QUOTE,
  REPORT_ID_LENGTH,
  SUBJECT_ID_LENGTH,
  type RandomSource,
} from "./block.js";
export { defaultAnswers, normalizeAnswers } from "./answers.js";
export { buildReport } from "./build.js";
export { reportText, reportSubject, MAX_SUBJECT_CHARS, type ReportTextOptions } from "./text.js";
export { defang, defangText, type DefangTextOptions } from "./defang.js";
export { linkInertJson } from "./inert-json.js";
export {
  ITEM_HEADINGS,
  SENDER_CONFIRMATION_TEXT,
  YES_NO_UNKNOWN_TEXT,
  REPORT_VERDICT_TEXT,
  REPORT_TEXT,
} from "./strings.js";
