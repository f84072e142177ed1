import type { Language } from "../core/i18n.js";
import { makeControlsVisible } from "../core/visible.js";
import type { Problem, Reason } from "./inputs.js";

/**
 * The command line's messages about its inputs, in both languages. A path is written by whoever
 * named the file (an attachment saved as `evil<ESC>]0;…<BEL>.eml`): it is shown like a mail's
 * subject, control and bidi characters as [U+XXXX], so it cannot drive the terminal.
 */
export const visiblePath = (path: string): string => makeControlsVisible(path);

const PREFIX = "check-this-mail: ";

export function cannotRead(path: string, reason: Reason, lang: Language): string {
  const name = visiblePath(path);
  return `${PREFIX}${lang === "ja" ? `${name} を読めません: ${reason.ja}` : `cannot read ${name}: ${reason.en}`}\n`;
}

export function problemMessage(problem: Problem, lang: Language): string {
  const name = visiblePath(problem.name);
  const { ja, en } = problem.reason;
  if (problem.level === "warning") return `${PREFIX}${lang === "ja" ? `${name} を飛ばしました: ${ja}` : `skipped ${name}: ${en}`}\n`;
  if (problem.what === "file") return cannotRead(problem.name, problem.reason, lang);
  if (problem.what === "folder") return `${PREFIX}${lang === "ja" ? `フォルダー ${name} を読めません: ${ja}` : `cannot read folder ${name}: ${en}`}\n`;
  return `${PREFIX}${lang === "ja" ? `シンボリックリンク ${name} をたどれません: ${ja}` : `cannot follow ${name}: ${en}`}\n`;
}

/** An input that is not a mail: its name and the NOT_A_MAIL message. */
export function notMailMessage(path: string, message: string): string {
  return `${PREFIX}${visiblePath(path)}: ${message}\n`;
}

export function noMailFound(lang: Language): string {
  return `${PREFIX}${lang === "ja" ? "指定したフォルダーにメールのファイルがありません" : "no mail files found in the given folders"}\n`;
}
