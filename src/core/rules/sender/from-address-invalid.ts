import { evidence, LABEL } from "../../evidence.js";
import { headerValues } from "../../headers/block.js";
import { localized } from "../../i18n.js";
import { domainOfAddress, hasKnownPublicSuffix } from "../../net/domain.js";
import { parseIp } from "../../net/ip.js";
import { defineRule } from "../../rule.js";
import type { MailAddress } from "../../snapshot.js";

/**
 * A From field no legitimate mail system writes (RFC 5322 §3.6.2): missing, a mailbox without
 * an address ("PayPal, Support <x@evil.example>" — an unquoted comma splits the name into an
 * empty mailbox and the real one, and clients disagree on which to show), an address without a
 * real domain ("info@correios", a quoted "a@b.example" local part with no domain), or several
 * mailboxes without the Sender field the RFC then requires. Every MTA and mail client writes a
 * well-formed From; these shapes come from bulk tools tricking the display or the filters.
 * (Not in the DESIGN.md catalogue yet: an addition of the sender rules, see the report.)
 */

function validDomain(address: string): boolean {
  const domain = domainOfAddress(address);
  if (!domain) return false;
  // Address literals (user@[192.0.2.1], RFC 5321 §4.1.3) are legal if odd; only names need a suffix.
  if (parseIp(domain)) return true;
  // RFC 2606 / RFC 6761 names reserved for documentation and tests ("example", "test") are
  // kept valid, so samples and documentation read as what they stand for.
  const tld = domain.slice(domain.lastIndexOf(".") + 1);
  if (domain.includes(".") && (tld === "example" || tld === "test")) return true;
  return hasKnownPublicSuffix(domain);
}

function problemOf(mailboxes: readonly MailAddress[], hasSender: boolean): boolean {
  if (mailboxes.some((m) => m.address.trim() === "" || !validDomain(m.address))) return true;
  return mailboxes.length > 1 && !hasSender;
}

export const FROM_ADDRESS_INVALID = defineRule({
  id: "FROM_ADDRESS_INVALID",
  group: "sender",
  severity: "medium",
  title: localized("差出人(From)の書き方が不正です", "The sender (From) field is malformed"),
  explanation: localized(
    "差出人(From)の欄が、正規のメールソフトやメールサーバーでは作られない形になっています(アドレスがない、ドメインが実在しない形式、アドレスが複数あるなど)。メールソフトの表示をごまかしたり、迷惑メールの判定をすり抜けたりするために、不正なメールでよく使われる手口です。",
    "The sender (From) field has a shape that real mail programs and servers never produce (no address, a domain that cannot exist, several addresses at once). Fraudulent mail uses this to confuse how mail programs display the sender or to slip past filters.",
  ),
  check(context) {
    const snapshot = context.snapshot;
    if (snapshot.available.headers === false) return [];
    const raw = headerValues(snapshot.headers, "from");
    const hasSender = headerValues(snapshot.headers, "sender").length > 0 || snapshot.sender !== undefined;
    // A snapshot with no header list (some hosts) is judged by its parsed From alone.
    if (raw.length === 0 && snapshot.headers.length > 0 && snapshot.fromAll.length === 0) {
      return [{ evidence: [evidence(LABEL.from, "—")] }];
    }
    const mailboxes = snapshot.fromAll.length > 0 ? snapshot.fromAll : snapshot.from ? [snapshot.from] : [];
    // RFC 5322 §3.6: exactly one From field; a field present but unreadable counts as malformed.
    const malformed = raw.length > 1 || (raw.length === 1 && mailboxes.length === 0) || (mailboxes.length > 0 && problemOf(mailboxes, hasSender));
    if (!malformed) return [];
    return [{ evidence: [evidence(LABEL.from, raw[0] ?? mailboxes.map((m) => `${m.name} <${m.address}>`).join(", "))] }];
  },
});
