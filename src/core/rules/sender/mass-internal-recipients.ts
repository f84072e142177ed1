import type { Severity } from "../../analysis.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { domainOfAddress } from "../../net/domain.js";
import { defineRule } from "../../rule.js";
import { authOf, headersMissing, organizationMissing, reportOriginUnknown } from "./common.js";

/**
 * The seed's case 3: a warning mail sent to 150 executives was reused, two hours later, to send
 * malware to the same 150 people. Many of the organisation's addresses in To/Cc *and* a sign
 * that the mail is not what it claims — it came from outside, or its authentication failed.
 * (Internal announcements to many people come from inside and stay quiet.)
 * High when From also shows the organisation's own domain (the reused-internal-mail pattern).
 */
export const MASS_INTERNAL_RECIPIENTS = defineRule({
  id: "MASS_INTERNAL_RECIPIENTS",
  group: "sender",
  severity: "medium",
  title: localized(
    "組織内の多数の宛先に、外部から一斉に届いています",
    "Sent from outside to many people in the organisation",
  ),
  explanation: localized(
    "このメールは組織内の多くのアドレスに同時に送られていますが、組織の外から届いたか、送信元の認証に失敗しています。組織内のメールを流用して、多数の職員に一斉に送りつける標的型攻撃が知られています。同じメールを受け取った人が多いほど被害が広がるため、開く前にセキュリティ窓口に報告してください。",
    "This mail was sent to many addresses in the organisation at once, but it came from outside or failed sender authentication. Known targeted attacks reuse internal mail and send it to many staff at once. The more people received it, the wider the possible damage: report it to the security desk before opening anything.",
  ),
  check(context) {
    if (organizationMissing(context)) return [];
    const organization = context.organization;
    const internal = new Set<string>();
    for (const r of [...context.snapshot.to, ...context.snapshot.cc]) {
      if (organization.isOwnHost(domainOfAddress(r.address))) internal.add(r.address.toLowerCase());
    }
    if (internal.size < organization.massRecipientThreshold) return [];
    if (headersMissing(context)) return [];
    const route = context.route;
    const summary = context.authentication;
    const authFailed =
      !authOf(context).fromAuthenticated && (summary.dmarc === "fail" || summary.compauth === "fail" || summary.spf === "fail");
    if (route.enteredFromOutside !== true && !authFailed) {
      if (route.enteredFromOutside === undefined) reportOriginUnknown(context);
      return [];
    }
    const fromOwn = organization.isOwnHost(context.sender.domain);
    const severity: Severity = fromOwn ? "high" : "medium";
    const items = [evidence(LABEL.recipients, String(internal.size)), evidence(LABEL.from, context.sender.from?.address ?? "")];
    if (route.origin) items.push(evidence(LABEL.originIp, route.origin.ip));
    return [{ severity, evidence: items }];
  },
});
