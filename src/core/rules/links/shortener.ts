import { defineRule } from "../../rule.js";
import { localized } from "../../i18n.js";
import { isShortenerHost } from "../../body/services.js";
import { distinctBy, effectiveTarget, hasSenderLink, isSendersRedirector, linkEvidence } from "./common.js";

/**
 * LINK_SHORTENER — a public URL shortener (body/services.ts): the destination is unknown until
 * clicked. Like LINK_HIDDEN_TARGET: medium when the mail has no link to the sender's own site
 * (plain-text "see https://bit.ly/…" from a free-mail address is a common lure), low when it does
 * (a company's mail with one shortened campaign link).
 */
export const LINK_SHORTENER = defineRule({
  id: "LINK_SHORTENER",
  group: "links",
  severity: "medium",
  title: localized("短縮 URL が使われています", "A link uses a URL shortener"),
  explanation: localized(
    "短縮 URL サービスのリンクは、開くまで本当の行き先が分かりません。普通の連絡で使われることもありますが、不審なサイトを隠すためにもよく使われます。差出人に心当たりがない場合は開かないでください。",
    "A shortened link does not reveal where it goes until it is opened. Shorteners have honest uses, but they are also a common way to hide a malicious site. Do not open it unless you know the sender.",
  ),
  check(context) {
    const links = context.body.links.filter((link) => {
      const host = effectiveTarget(link).host;
      return isShortenerHost(host) && !isSendersRedirector(context, host);
    });
    if (links.length === 0) return [];
    const severity = hasSenderLink(context) ? "low" : undefined;
    return distinctBy(links, (l) => effectiveTarget(l).url).map((link) => ({ severity, evidence: linkEvidence(link) }));
  },
});
