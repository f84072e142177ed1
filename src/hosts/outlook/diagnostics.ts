import { DIAGNOSTIC_TEXT, type Diagnostic, type DiagnosticLevel } from "../../core/diagnostics.js";
import { fillTemplate, localized, type Localized } from "../../core/i18n.js";
import { makeControlsVisible } from "../../core/visible.js";

/**
 * Diagnostics of the Outlook host: what the client could not hand over and why, in words a
 * person can read ("This Outlook client does not let add-ins read the internet headers …"). The
 * core adds what that skipped (NO_HEADERS: "route and authentication checks were skipped").
 */

export const WHAT = {
  eml: localized("メール全体(EML)", "the whole message (EML)"),
  headers: localized("インターネット ヘッダー(送信経路と認証結果)", "the internet headers (route and authentication results)"),
  htmlBody: localized("HTML 形式の本文", "the HTML body"),
  textBody: localized("テキスト形式の本文", "the plain-text body"),
  attachments: localized("添付ファイルの中身", "the contents of attachments"),
  attachment: (name: string): Localized => {
    const shown = makeControlsVisible(name.length > 80 ? `${name.slice(0, 80)}…` : name);
    return localized(`添付ファイル「${shown}」の中身`, `the content of attachment "${shown}"`);
  },
} as const;

export function unsupported(what: Localized, version: string): Diagnostic {
  return build("OUTLOOK_FEATURE_UNSUPPORTED", "info", what, { version });
}

export function failed(what: Localized, detail: string, level: DiagnosticLevel = "warning"): Diagnostic {
  const clipped = makeControlsVisible(detail.length > 200 ? `${detail.slice(0, 200)}…` : detail);
  return { ...build("OUTLOOK_CALL_FAILED", level, what, { detail: clipped }), detail: clipped };
}

function build(
  code: "OUTLOOK_FEATURE_UNSUPPORTED" | "OUTLOOK_CALL_FAILED",
  level: DiagnosticLevel,
  what: Localized,
  values: Readonly<Record<string, string>>,
): Diagnostic {
  const text = DIAGNOSTIC_TEXT[code];
  return {
    code,
    level,
    message: { ja: fillTemplate(text.ja, { ...values, what: what.ja }), en: fillTemplate(text.en, { ...values, what: what.en }) },
  };
}
