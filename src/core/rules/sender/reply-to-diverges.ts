import type { Severity } from "../../analysis.js";
import type { RuleContext } from "../../context.js";
import { evidence, LABEL } from "../../evidence.js";
import { headerValues } from "../../headers/block.js";
import { localized } from "../../i18n.js";
import { domainOfAddress, normalizeHostname, registrableDomain } from "../../net/domain.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { brandLabelsOfDomain, isBrandDomain } from "./brands.js";
import { isFreemail } from "./domains.js";

/**
 * Reply-To on another organisation's domain than From: replies go somewhere else than the
 * apparent sender — the classic way to continue a conversation with a forged sender.
 *
 * Quiet for mailing lists, which set Reply-To to the list (RFC 2369 List-Post, RFC 2919
 * List-Id) and for a Reply-To on the Sender's domain (RFC 5322 §3.6.2: the agent that really
 * sent it). Medium when replies go to a free mail account while From is not one, or leave the
 * organisation while From is the organisation's own, or leave a well-known organisation's own
 * domain for someone else's (brands.ts: a bank answers on its own domains, and its name in From
 * with replies going elsewhere is the forged-bank pattern); low otherwise (newsletters
 * legitimately route replies to a help desk domain).
 */

/** Registrable domains a mailing list or the submitting agent legitimately routes replies to. */
function listDomains(context: RuleContext): Set<string> {
  const out = new Set<string>();
  const add = (host: string | null | undefined): void => {
    const reg = registrableDomain(host ?? null);
    if (reg) out.add(reg);
  };
  const headers = context.snapshot.headers;
  for (const value of headerValues(headers, "list-post")) {
    const mailto = value.toLowerCase().indexOf("mailto:");
    if (mailto >= 0) add(domainOfAddress(value.slice(mailto + 7).split(/[>?,\s]/)[0]));
  }
  for (const value of headerValues(headers, "list-id")) {
    // List-Id: Description <list-label.example.org>
    const open = value.lastIndexOf("<");
    const close = value.lastIndexOf(">");
    const id = open >= 0 && close > open ? value.slice(open + 1, close) : value.trim();
    add(normalizeHostname(id));
  }
  add(domainOfAddress(context.snapshot.sender?.address));
  return out;
}

export const REPLY_TO_DIVERGES = defineRule({
  id: "REPLY_TO_DIVERGES",
  group: "sender",
  severity: "low",
  title: localized("返信先が差出人とは別の組織になっています", "Replies go to a different organisation than the sender"),
  explanation: localized(
    "このメールに返信すると、差出人(From)とは別のドメインのアドレスに届くよう設定されています。差出人を装ったまま、返信を攻撃者の手元に届けるための手口としてよく使われます。特に、返信先がフリーメールのアドレスの場合は注意してください。返信する前に、返信先のアドレスを確認してください。",
    "Replying to this mail sends your answer to an address on a different domain than the sender's. Attackers use this to pose as someone while receiving the replies themselves — be especially careful when replies go to a free mail account. Check the reply address before answering.",
  ),
  check(context) {
    const from = context.sender;
    if (!from.domain || !from.registrableDomain || context.snapshot.replyTo.length === 0) return [];
    const lists = listDomains(context);
    const fromFree = isFreemail(from.domain);
    const fromOwn = context.organization.isOwnHost(from.domain);
    const fromBrand = brandLabelsOfDomain(from.domain);
    const hits: RuleHit[] = [];
    for (const reply of context.snapshot.replyTo) {
      const domain = domainOfAddress(reply.address);
      const reg = registrableDomain(domain);
      if (!domain || !reg || reg === from.registrableDomain) continue;
      if (context.organization.sameOrganization(domain, from.domain) || lists.has(reg)) continue;
      const replyFree = isFreemail(domain);
      let severity: Severity = "low";
      if (replyFree && !fromFree) severity = "medium";
      if (fromOwn && !context.organization.isOwnHost(domain)) severity = "medium";
      if (fromBrand && !isBrandDomain(domain, fromBrand)) severity = "medium";
      hits.push({ severity, evidence: [evidence(LABEL.from, from.from?.address ?? from.domain), evidence(LABEL.replyTo, reply.address)] });
    }
    return hits;
  },
});
