import { hasKnownPublicSuffix, normalizeHostname, registrableDomain } from "../net/domain.js";
import { trimEdges } from "./trim.js";

/**
 * Addresses and domain names written in free text (a display name, a body line), as a person
 * would read them: the rules compare what the text claims with where the mail really is from.
 */

const LOCAL_CHARS = /[\w.%+!#$&'*/=?^`{|}~-]/;
const DOMAIN_CHARS = /[\w.-]/;

/** Addresses written in the text, found around each "@" (each character is looked at twice at most). */
export function addressesIn(text: string): string[] {
  const out: string[] = [];
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_CHARS.test(text[start - 1]!) && text[start - 1] !== "@") start--;
    let end = at + 1;
    while (end < text.length && DOMAIN_CHARS.test(text[end]!)) end++;
    if (start < at && end > at + 1) out.push(trimEdges(text.slice(start, end), "."));
  }
  return out;
}

/** Words of the text that are domain names under a known public suffix ("Amazon.co.jp"). */
export function domainsIn(text: string): string[] {
  const out: string[] = [];
  let word = "";
  const flush = (): void => {
    const w = trimEdges(word, ".-");
    word = "";
    if (!w.includes(".") || w.includes("@")) return;
    const host = normalizeHostname(w);
    if (host && hasKnownPublicSuffix(host) && registrableDomain(host) && /[a-z]/.test(host)) out.push(host);
  };
  for (const c of text) {
    if (DOMAIN_CHARS.test(c) || c === "@") word += c;
    else flush();
  }
  flush();
  return out;
}
