import type { RuleHit } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { clipUrl, displayUrl, isExpectedDestination } from "./common.js";

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/** Example links listed as evidence (the finding is about the <base>, not each link). */
const MAX_EXAMPLES = 3;

/**
 * HTML_BASE_TAG — a <base href> that decides where relative links go (HTML §4.2.3). Relative
 * hrefs look harmless to filters that read hrefs as written ("/login"), while the click goes to
 * the base's host. Only reported when at least one link was actually resolved through it; medium
 * when the base is outside the sender's and the organisation's sites, low otherwise.
 */
export const HTML_BASE_TAG = defineRule({
  id: "HTML_BASE_TAG",
  group: "links",
  severity: "medium",
  title: localized("リンクの行き先を書き換える <base> 指定があります", "A <base> tag decides where the links go"),
  explanation: localized(
    "HTML の <base> 指定により、本文のリンクは書かれている文字どおりではなく、別に指定された場所を基準にして開かれます。リンク先を分かりにくくしたり、メールの検査をすり抜けたりするために使われる手口です。下の実際のリンク先を確認してください。",
    "A <base> tag makes the links in the body open relative to another address than the one written in them. It is used to obscure destinations and to slip past mail scanners. Check the real destinations below.",
  ),
  check(context) {
    const { base, baseResolvedLinks, links } = context.body;
    if (!base || baseResolvedLinks.length === 0) return [];
    const host = hostOf(base);
    const ev = [evidence(LABEL.base, clipUrl(base))];
    for (const index of baseResolvedLinks.slice(0, MAX_EXAMPLES)) {
      const link = links[index]!;
      ev.push(evidence(LABEL.link, clipUrl(link.href)), evidence(LABEL.realTarget, displayUrl(link.target)));
    }
    const hit: RuleHit = { severity: isExpectedDestination(context, host) ? "low" : undefined, evidence: ev };
    return [hit];
  },
});
