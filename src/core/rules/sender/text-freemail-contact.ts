import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { domainOfAddress } from "../../net/domain.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { addressesIn } from "../../text/written-names.js";
import { isFreemail } from "./domains.js";

/**
 * TEXT_FREEMAIL_CONTACT — the text asks the reader to write to a free mail address that is not
 * the sender's ("kindly respond … Email: someone@outlook.com", "Reply me via: …@gmail.com")
 * while the mail itself comes from a company or school domain. It is REPLY_TO_DIVERGES written
 * into the body: the mail borrows a real (often hijacked) account to get past filters, and the
 * conversation is meant to continue at the attacker's own mailbox. Advance-fee and business
 * e-mail compromise mail does this.
 *
 * Read from the plain-text body (for an HTML mail its text alternative, RFC 2046 §5.1.4), where
 * a word asking for contact must stand shortly before the address. Not counted: the sender's,
 * Reply-To's and recipients' own addresses (a newsletter prints "sent to you@gmail.com"), and
 * the lines of a quoted or forwarded mail ("From: …", "差出人: …", "> …", "On …, John
 * <john@gmail.com> wrote:"), which name whoever wrote the earlier mail. mailto: links of the
 * HTML are not read: an HTML reply quotes the earlier header as "From: John <mailto:…>", and
 * the text alternative says the same with the lines that can be told apart. Quiet when From is
 * itself a free mail address: then nothing diverges.
 */

/** Header lines a mail program writes above a quoted or forwarded mail, in the languages of the corpora we see. */
const QUOTED_HEADER = /^(?:from|to|cc|sent|date|reply-to|de|para|von|an|envoyé|enviado|da|a|inviato|差出人|送信者|宛先|送信日時|日時|件名|返信先)\s*[:：]/iu;

/**
 * Words that ask for a message, looked for shortly before the address: "reply", "contact me",
 * "E-mail me to", "Responda-me via", "ご連絡ください". Without one, an address in the text is
 * usually the reader's own ("User: you@hotmail.com" in a sign-up notice).
 */
const CONTACT_WORD = /\b(?:repl(?:y|ies)|respon[ds]|contact|write|e-?mail (?:me|us|to)\b|reach|get in touch|via|répond|écrivez|antwort|kontakt|schreib|rispond|contatt|scriv|escrev|escrib|contato)/iu;
const CONTACT_WORD_JA = /返信|返事|連絡|問い?合わ?せ|送って|メールください|メール下さい/u;

/** How far before the address (in characters) a contact word may stand: about two sentences. */
const CUE_WINDOW = 200;

/** Most addresses one mail reports. */
const MAX_ADDRESSES = 5;

/** Free mail addresses written in the text outside quoted header lines, lower-cased. */
function freemailAddressesInText(text: string): string[] {
  const out: string[] = [];
  let at = text.indexOf("@");
  while (at >= 0 && out.length < MAX_ADDRESSES) {
    const firstAt = at;
    const lineStart = text.lastIndexOf("\n", firstAt) + 1;
    const newline = text.indexOf("\n", firstAt);
    const lineEnd = newline < 0 ? text.length : newline;
    // Each line is read once, whatever number of "@" it holds.
    at = text.indexOf("@", lineEnd);
    const line = text.slice(lineStart, lineEnd);
    // "?email=you@hotmail.com" is a URL's parameter (the reader's own address), not an address to write to.
    const free = addressesIn(line)
      .map((address) => address.toLowerCase())
      .filter((address) => !/[/?=&]/.test(address) && isFreemail(domainOfAddress(address)));
    if (free.length === 0) continue;
    const trimmed = line.trim();
    // A quoted line, a forwarded mail's header, or the line that introduces a quote, which ends
    // in a colon in every client ("On Mon, … John <john@gmail.com> wrote:", "… <…>:").
    if (trimmed.startsWith(">") || QUOTED_HEADER.test(trimmed) || trimmed.endsWith(":") || trimmed.endsWith("：")) continue;
    const before = text.slice(Math.max(0, firstAt - CUE_WINDOW), firstAt);
    if (!CONTACT_WORD.test(before) && !CONTACT_WORD_JA.test(before)) continue;
    for (const address of free) if (!out.includes(address)) out.push(address);
  }
  return out;
}

export const TEXT_FREEMAIL_CONTACT = defineRule({
  id: "TEXT_FREEMAIL_CONTACT",
  group: "sender",
  severity: "medium",
  title: localized("本文で、差出人とは別のフリーメールのアドレスへの連絡を求めています", "The text asks you to write to a free mail address other than the sender's"),
  explanation: localized(
    "このメールは会社や学校などのアドレスから届いていますが、本文では返事や連絡の宛先として、別のフリーメールのアドレスが書かれています。乗っ取ったアカウントや偽の差出人でメールを送り、やり取りは攻撃者自身のアドレスで続けようとする手口です。書かれたアドレスには連絡せず、差出人には別の方法で確認してください。",
    "This mail comes from a company or school address, but its text names a different, free mail address to answer or write to. This is how mail sent from a hijacked account or a forged sender moves the conversation to the attacker's own mailbox. Do not write to that address; check with the sender by other means.",
  ),
  check(context) {
    const from = context.sender;
    if (!from.domain || isFreemail(from.domain)) return [];
    const snapshot = context.snapshot;
    const own = new Set(
      [snapshot.from, snapshot.sender, ...snapshot.replyTo, ...snapshot.to, ...snapshot.cc].flatMap((a) => (a?.address ? [a.address.toLowerCase()] : [])),
    );
    const seen = new Set<string>();
    const hits: RuleHit[] = [];
    for (const address of freemailAddressesInText(snapshot.text ?? "")) {
      if (own.has(address) || seen.has(address) || !isFreemail(domainOfAddress(address))) continue;
      seen.add(address);
      hits.push({ evidence: [evidence(LABEL.from, from.from?.address ?? from.domain), evidence(LABEL.addressInText, address)] });
      if (hits.length >= MAX_ADDRESSES) break;
    }
    return hits;
  },
});
