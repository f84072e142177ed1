import type { RuleHit } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { displayUrl, distinctBy, effectiveTarget, isExpectedDestination } from "./common.js";

/**
 * HTML_META_REFRESH — <meta http-equiv="refresh" content="0; url=…"> to a site outside the
 * sender's and the organisation's: the HTML sends whoever views it in a browser (an HTML preview,
 * a saved copy, a web mail without sanitising) to another page without a click.
 */
export const HTML_META_REFRESH = defineRule({
  id: "HTML_META_REFRESH",
  group: "links",
  severity: "medium",
  title: localized("表示すると別のページへ自動で移動する指定があります", "The mail's HTML redirects to another page by itself"),
  explanation: localized(
    "HTML の中に、表示しただけで別のページへ自動的に移動する指定(meta refresh)があり、移動先は差出人と関係のないサイトです。普通のメールには不要なもので、ブラウザーで開いた人をクリックなしで不審なサイトへ送るために使われます。",
    "The HTML contains an instruction (meta refresh) to move to another page as soon as it is displayed, and the page is on a site unrelated to the sender. Ordinary mail has no use for it; it sends whoever opens the mail in a browser to a malicious site without a click.",
  ),
  check(context) {
    const refresh = context.body.links.filter((link) => link.element === "meta" && !isExpectedDestination(context, effectiveTarget(link).host));
    return distinctBy(refresh, (l) => effectiveTarget(l).url).map((link): RuleHit => ({ evidence: [evidence(LABEL.redirect, displayUrl(effectiveTarget(link)))] }));
  },
});
