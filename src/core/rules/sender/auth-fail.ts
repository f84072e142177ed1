import type { AuthResult, Severity } from "../../analysis.js";
import { aboutFromDomain, arcOriginalFailure, dmarcPolicy } from "../../auth/alignment.js";
import { diagnostic } from "../../diagnostics.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { authOf, describeResult, headersMissing } from "./common.js";
import { isPublicSector } from "./country.js";

/**
 * SPF / DKIM / DMARC / composite authentication failures, read only from results the
 * organisation's own receiver wrote (see auth/authentication.ts for what is trusted).
 *
 * Severities, and why:
 * - dmarc=fail: high when the domain publishes p=reject or p=quarantine (its owner says "mail
 *   that fails is not ours") and for government senders (go.jp, gov.*: posing as a public
 *   office is the seed's case 1), medium otherwise under p=none or an unknown policy (many
 *   legitimate senders still fail a monitoring-only policy).
 * - compauth=fail (Microsoft 365's composite verdict, which also covers domains without DMARC):
 *   medium; high for reason 000 (explicit DMARC fail under reject/quarantine).
 * - spf=fail: medium; softfail ("~all": "probably not, but do not reject") low; a result on the
 *   HELO identity only (null reverse-path: bounces, RFC 7208 §2.3) low.
 * - dkim=fail with no passing signature: low (mailing lists that add footers break signatures).
 * - softfail and dkim=fail rise to medium when *nothing* passes (no SPF, DKIM, DMARC or composite
 *   pass at all): then no mechanism vouches for the sender and one of them speaks against it.
 * Forwarding and mailing lists break SPF (new connecting IP) and often DKIM: when the
 * receiver's own ARC verification passed (RFC 8617 — the forwarder vouches for the original
 * results) every failure drops to low unless the first ARC hop saw the original fail too; an
 * aligned DKIM pass (which DMARC accepts on its own, RFC 7489 §4.2) silences SPF failures; and
 * a passing compauth (Microsoft's overall verdict) lowers the rest to low.
 * - Failed first, passed later: the receiver's own checks pass, but the first intermediary of a
 *   verified ARC chain recorded DMARC or composite failure for the same mail: medium. Forwarding
 *   turns a pass into a fail, never a fail into a pass; a pass after a fail means the mail was
 *   sent again through servers the domain authorises (an abused Microsoft 365 tenant relay is
 *   the common case), which launders a forged or unauthorised sending.
 */
export const AUTH_FAIL = defineRule({
  id: "AUTH_FAIL",
  group: "sender",
  severity: "medium",
  title: localized("送信元の認証に失敗しています", "Sender authentication failed"),
  explanation: localized(
    "受信側のメールサーバーが、このメールが本当に差出人のドメインから送られたかを確認しました(SPF・DKIM・DMARC)。その結果が「失敗」です。差出人のアドレスが偽装されている可能性があります。メーリングリストや転送で失敗することもありますが、心当たりのないメールであれば、添付ファイルやリンクを開かないでください。",
    "The receiving mail server checked whether this mail really came from the sender's domain (SPF, DKIM, DMARC), and the check failed. The sender's address may be forged. Mailing lists and forwarding can cause this too, but if you did not expect this mail, do not open its attachments or links.",
  ),
  check(context) {
    if (headersMissing(context)) return [];
    const summary = context.authentication;
    const trusted = summary.results.filter((r) => r.trusted && !r.fromArc);
    if (trusted.length === 0) {
      context.report(diagnostic("AUTH_RESULTS_MISSING", "info"));
      return [];
    }
    const auth = authOf(context);
    // Microsoft's composite verdict weighs SPF, DKIM, DMARC, ARC and its own sender history;
    // when it passes or soft-passes, the individual failures it overrode are context only. A
    // passing ARC chain does the same, unless its first hop saw the original fail as well.
    const compositeOk = summary.compauth === "pass" || summary.compauth === "softpass";
    const vouched = compositeOk || (auth.arcPass && auth.arcOriginal !== "fail");
    // Nothing at all vouches for the sender: no passing SPF, DKIM, DMARC or composite result.
    const nothingPasses = !vouched && !trusted.some((r) => r.result === "pass" && r.method !== "other" && r.method !== "arc");
    const hits: RuleHit[] = [];
    const hit = (severity: Severity, result: AuthResult): void => {
      hits.push({ severity: vouched ? "low" : severity, evidence: [evidence(LABEL.authResult, describeResult(result))] });
    };
    const first = (method: AuthResult["method"]): AuthResult | undefined => trusted.find((r) => r.method === method);

    const dmarc = first("dmarc");
    if (dmarc?.result === "fail") {
      const policy = dmarcPolicy(dmarc);
      const publicSector = context.sender.domain !== null && isPublicSector(context.sender.domain);
      hit(policy === "reject" || policy === "quarantine" || publicSector ? "high" : "medium", dmarc);
    }
    const compauth = first("compauth");
    if (compauth?.result === "fail") hit(compauth.reason?.startsWith("000") ? "high" : "medium", compauth);

    const spf = first("spf");
    if (spf && (spf.result === "fail" || spf.result === "softfail") && !auth.dkimAlignedPass) {
      const heloOnly = spf.properties["smtp.mailfrom"] === undefined && spf.properties["smtp.mail"] === undefined;
      let severity: Severity = spf.result === "fail" || nothingPasses ? "medium" : "low";
      if (heloOnly) severity = "low";
      hit(severity, spf);
    }
    const dkim = trusted.filter((r) => r.method === "dkim");
    if (dkim.length > 0 && !dkim.some((r) => r.result === "pass")) {
      const failed = dkim.find((r) => r.result === "fail");
      if (failed) hit(nothingPasses ? "medium" : "low", failed);
    }
    // Checked after the receiver's own results: only a pass here makes the earlier fail news.
    // The failure must be the same From domain's: a mailing list that rewrote From for DMARC
    // passes for its own domain after the original failed for the author's.
    const original = auth.arcOriginal === "fail" ? arcOriginalFailure(summary) : undefined;
    if (original && aboutFromDomain(original, context.sender.registrableDomain) && dmarc?.result !== "fail" && compauth?.result !== "fail") hits.push({ severity: "medium", evidence: [evidence(LABEL.firstReceiverResult, describeResult(original))] });
    if (hits.length > 0 && context.sender.from) hits.unshift({ severity: "info", evidence: [evidence(LABEL.from, context.sender.from.address)] });
    return hits;
  },
});
