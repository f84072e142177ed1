import type { Severity } from "../../analysis.js";
import { dkimDomain, spfDomain } from "../../auth/alignment.js";
import type { RuleContext } from "../../context.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { domainOfAddress, hasKnownPublicSuffix, normalizeHostname, registrableDomain } from "../../net/domain.js";
import { parseIp } from "../../net/ip.js";
import { defineRule } from "../../rule.js";
import { isFreemail, isMailPlatform } from "./domains.js";

/**
 * The Message-ID's right-hand side (RFC 5322 §3.6.4: conventionally the generating host's
 * domain) is unrelated to the From domain. Most of the time this is harmless — Exchange Online,
 * Gmail and every sending service use their own host names — so known platforms and the domains
 * that actually carried the mail (bounce address, Sender, DKIM signer, SPF identity, the origin's
 * verified name) are excluded, and the finding is informational. It is low when From is a free
 * mail address: Gmail, Yahoo! and Outlook.com generate their own IDs, so a "gmail.com" From with
 * a foreign ID was not written through that service.
 */

function messageIdDomain(messageId: string): string | null {
  const trimmed = messageId.trim();
  const at = trimmed.lastIndexOf("@");
  if (at < 0) return null;
  let right = trimmed.slice(at + 1);
  if (right.endsWith(">")) right = right.slice(0, -1);
  if (right.startsWith("[") || parseIp(right)) return null;
  const host = normalizeHostname(right);
  return host && host.includes(".") && hasKnownPublicSuffix(host) ? host : null;
}

function carrierDomains(context: RuleContext): Set<string> {
  const out = new Set<string>();
  const add = (host: string | null | undefined): void => {
    const reg = registrableDomain(host ?? null);
    if (reg) out.add(reg);
  };
  add(domainOfAddress(context.snapshot.returnPath));
  add(domainOfAddress(context.snapshot.sender?.address));
  for (const r of context.authentication.results) {
    if (r.method === "dkim") add(dkimDomain(r));
    if (r.method === "spf") add(spfDomain(r));
  }
  const origin = context.route.origin;
  if (origin) add(context.route.hops[origin.hopIndex]?.fromHost);
  return out;
}

export const MESSAGE_ID_DOMAIN_MISMATCH = defineRule({
  id: "MESSAGE_ID_DOMAIN_MISMATCH",
  group: "sender",
  severity: "info",
  title: localized(
    "メールの識別番号(Message-ID)が差出人とは無関係なドメインで作られています",
    "The Message-ID was made on a domain unrelated to the sender",
  ),
  explanation: localized(
    "メールには作成したシステムが付ける識別番号(Message-ID)があり、通常は差出人側のドメイン名が入ります。このメールの識別番号は差出人とは関係のないドメインのもので、差出人が使っているはずのメールシステムとは別の場所で作られた可能性があります。単独では問題ないことも多い参考情報です。",
    "Every mail carries an identifier (Message-ID) made by the system that created it, normally with the sender side's domain name in it. This one names a domain unrelated to the sender, so the mail may have been made somewhere other than the sender's own mail system. On its own this is often harmless; it is shown for context.",
  ),
  check(context) {
    const from = context.sender;
    const messageId = context.snapshot.messageId;
    if (!from.domain || !from.registrableDomain || !messageId) return [];
    const host = messageIdDomain(messageId);
    const reg = registrableDomain(host);
    if (!host || !reg || reg === from.registrableDomain) return [];
    if (context.organization.sameOrganization(host, from.domain) || isMailPlatform(host)) return [];
    if (carrierDomains(context).has(reg)) return [];
    const severity: Severity = isFreemail(from.domain) ? "low" : "info";
    return [{ severity, evidence: [evidence(LABEL.messageId, messageId), evidence(LABEL.from, from.from?.address ?? from.domain)] }];
  },
});
