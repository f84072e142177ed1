import type { Severity } from "../../analysis.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule } from "../../rule.js";
import { authOf, headersMissing, organizationMissing, reportOriginUnknown } from "./common.js";

/**
 * The seed's case 3: an internal mail, stolen and sent back in from outside with the original
 * internal sender's address. From shows one of the organisation's own domains, yet the mail
 * entered the organisation from an outside address.
 *
 * Softer when the From domain authenticated (the organisation authorised that outside sender:
 * a newsletter service, a SaaS) or the outside hop was an authenticated submission (RFC 3848
 * ESMTPSA: one of the organisation's accounts logged in — a person working from home, or a
 * stolen password, which the low finding still shows). Unless the outside hop is in another
 * country than the organisation's (config organization.country): an own account submitting
 * from abroad is the stolen-password case of the seed's case 3, so medium.
 */
/** A real country (not "private"/"special") other than the organisation's configured one. */
function abroad(country: string | undefined, organizationCountry: string | undefined): boolean {
  return !!country && !!organizationCountry && /^[A-Z]{2}$/.test(country) && country !== organizationCountry;
}

export const INTERNAL_SENDER_EXTERNAL_ORIGIN = defineRule({
  id: "INTERNAL_SENDER_EXTERNAL_ORIGIN",
  group: "sender",
  severity: "high",
  title: localized(
    "組織内の差出人なのに、組織の外から届いています",
    "Looks internal, but came from outside the organisation",
  ),
  explanation: localized(
    "差出人は組織内のアドレスですが、このメールは組織の外のサーバーから届いています。組織内でやりとりしたメールを攻撃者が入手し、内容を流用して送り返してくる手口があります。内容に心当たりがあっても、添付ファイルやリンクを開く前に、差出人本人に電話などで確認し、セキュリティ窓口に報告してください。",
    "The sender's address is one of the organisation's own, but this mail came in from a server outside the organisation. Attackers obtain internal mail and send altered copies back in under the original sender's name. Even if the content looks familiar, confirm with the sender by phone before opening attachments or links, and report it to the security desk.",
  ),
  check(context) {
    if (organizationMissing(context)) return [];
    const domain = context.sender.domain;
    if (!domain || !context.organization.isOwnHost(domain)) return [];
    if (headersMissing(context)) return [];
    const route = context.route;
    if (route.enteredFromOutside === undefined) {
      reportOriginUnknown(context);
      return [];
    }
    if (!route.enteredFromOutside) return [];
    let severity: Severity = "high";
    const origin = route.origin;
    if (authOf(context).fromAuthenticated || origin?.authenticated) {
      severity = abroad(origin?.country, context.organization.country) ? "medium" : "low";
    }
    const items = [evidence(LABEL.from, context.sender.from?.address ?? domain)];
    if (origin) {
      items.push(evidence(LABEL.originIp, origin.host ? `${origin.ip} (${origin.host})` : origin.ip));
      if (origin.country) items.push(evidence(LABEL.originCountry, origin.country));
      if (abroad(origin.country, context.organization.country)) items.push(evidence(LABEL.expectedCountry, context.organization.country!));
      const hop = route.hops[origin.hopIndex];
      if (hop) items.push(evidence(LABEL.receivedHop, hop.raw));
    }
    return [{ severity, evidence: items }];
  },
});
