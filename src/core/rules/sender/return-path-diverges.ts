import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { domainOfAddress, registrableDomain } from "../../net/domain.js";
import { defineRule } from "../../rule.js";
import { authOf, headersMissing } from "./common.js";
import { isFreemail } from "./domains.js";

/**
 * Return-Path (the envelope sender, RFC 5321 §4.4) on an unrelated domain. On its own this is
 * normal — every newsletter and transactional service bounces to its own domain (VERP) — so
 * the rule only speaks when something else backs it up: the receiver's authentication failed,
 * or the bounce address is a free mail account while From is not (a company's mail does not
 * go out through somebody's Gmail). Always low: it adds context, never the verdict.
 */
export const RETURN_PATH_DIVERGES = defineRule({
  id: "RETURN_PATH_DIVERGES",
  group: "sender",
  severity: "low",
  title: localized("エラー返送先が差出人とは無関係なドメインです", "Bounce address is on an unrelated domain"),
  explanation: localized(
    "配信エラーの返送先(Return-Path)が、差出人(From)とは関係のないドメインになっています。メール配信サービスでは普通のことですが、このメールでは認証の失敗やフリーメールの利用と重なっており、実際の送り主が差出人とは別である可能性があります。",
    "The address that receives delivery errors (Return-Path) is on a domain unrelated to the sender's. Mailing services do this routinely, but here it comes together with failed authentication or a free mail account, so the real sender may be someone other than the one shown.",
  ),
  check(context) {
    const from = context.sender;
    const returnPath = context.snapshot.returnPath;
    // "" is the null reverse-path of bounces and auto-replies (RFC 5321 §4.5.5): nothing to compare.
    if (!from.domain || !from.registrableDomain || !returnPath) return [];
    if (headersMissing(context)) return [];
    const domain = domainOfAddress(returnPath);
    const reg = registrableDomain(domain);
    if (!domain || !reg || reg === from.registrableDomain || context.organization.sameOrganization(domain, from.domain)) return [];
    const summary = context.authentication;
    const auth = authOf(context);
    // A forwarder's own bounce address is expected when the receiver's ARC check vouches for it.
    if (auth.arcPass) return [];
    const authFailed =
      !auth.fromAuthenticated &&
      (summary.dmarc === "fail" || summary.compauth === "fail" || summary.spf === "fail");
    const freemailBounce = isFreemail(domain) && !isFreemail(from.domain);
    if (!authFailed && !freemailBounce) return [];
    return [{ evidence: [evidence(LABEL.from, from.from?.address ?? from.domain), evidence(LABEL.returnPath, returnPath)] }];
  },
});
