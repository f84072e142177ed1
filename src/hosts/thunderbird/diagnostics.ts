/**
 * Diagnostics of the Thunderbird host: a MailExtension call that failed, in words a person can
 * read ("Thunderbird could not provide the whole message (EML): …"). The core adds what that
 * skipped (NO_HEADERS, NO_BODY). No API call of its own.
 */
import { DIAGNOSTIC_TEXT, type Diagnostic, type DiagnosticLevel } from "../../core/diagnostics.js";
import { fillTemplate, type Localized } from "../../core/i18n.js";
import { makeControlsVisible } from "../../core/visible.js";
export { WHAT } from "../outlook/diagnostics.js";

export function failed(what: Localized, detail: string, level: DiagnosticLevel = "warning"): Diagnostic {
  const clipped = makeControlsVisible(detail.length > 200 ? `${detail.slice(0, 200)}…` : detail);
  const text = DIAGNOSTIC_TEXT.THUNDERBIRD_CALL_FAILED;
  return {
    code: "THUNDERBIRD_CALL_FAILED",
    level,
    message: { ja: fillTemplate(text.ja, { what: what.ja, detail: clipped }), en: fillTemplate(text.en, { what: what.en, detail: clipped }) },
    detail: clipped,
  };
}
