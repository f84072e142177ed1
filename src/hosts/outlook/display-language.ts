/**
 * Office.js property: `Office.context.displayLanguage` — the language of Outlook's own UI
 * (an RFC 1766 tag such as "ja-JP"). Requirement set: Mailbox 1.1.
 */
import type { Language } from "../../core/i18n.js";

/** ja* → Japanese, anything else → English. */
export function languageOf(tag: string | undefined | null): Language {
  return typeof tag === "string" && tag.toLowerCase().startsWith("ja") ? "ja" : "en";
}

export function displayLanguage(): Language {
  try {
    return languageOf(Office.context.displayLanguage);
  } catch {
    return "en";
  }
}
