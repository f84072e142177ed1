/**
 * MailExtension call: `messenger.i18n.getUILanguage()` — Thunderbird's own UI language (a BCP 47
 * tag such as "ja" or "en-US"). Synchronous, no permission. i18n API (inherited from Firefox): every
 * Thunderbird with Manifest V3, i.e. 128 ESR and later.
 */
import type { Language } from "../../core/i18n.js";
import { languageOf } from "../outlook/display-language.js";

export function uiLanguage(fallback: string): Language {
  try {
    return languageOf(messenger.i18n.getUILanguage());
  } catch {
    return languageOf(fallback);
  }
}
