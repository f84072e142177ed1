import type { RuleHit } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { isNonPublicIp, parseIp, type IpAddress } from "../../net/ip.js";
import type { LinkInfo, Severity } from "../../analysis.js";
import { distinctBy, effectiveTarget, hasSenderLink, linkEvidence } from "./common.js";

/** The reader sees the address: a plain-text URL (the text is the URL, wrapped or not), or link text showing the same IP. */
function isVisible(link: LinkInfo, ip: string): boolean {
  if (link.source === "text") return true;
  const shown = link.shownHost ? parseIp(link.shownHost) : undefined;
  return shown !== undefined && shown.text === ip;
}

function severityOf(link: LinkInfo, ip: IpAddress, linksHome: boolean): Severity {
  if (isVisible(link, ip.text)) return "low";
  return isNonPublicIp(ip) || linksHome ? "medium" : "high";
}

/**
 * LINK_IP_LITERAL — a link to a bare IP address. High when the link text hides it: legitimate
 * senders link to names. Medium for private/reserved addresses behind text (an intranet server is
 * odd in mail but not a public attack server), and in a mail that otherwise links to the
 * sender's own site (old portal software linked servers by address; the mail is not only a lure). Low when the reader sees the address itself (a
 * URL in plain text, or the link text showing that IP): mailing lists and monitoring alerts cite
 * servers by address, and nothing is disguised. WHATWG URL normalises the tricks
 * ("http://0x7f.1/", "http://2130706433/"), so the evidence shows the real address.
 */
export const LINK_IP_LITERAL = defineRule({
  id: "LINK_IP_LITERAL",
  group: "links",
  severity: "high",
  title: localized("ドメイン名ではなく IP アドレスを指すリンクがあります", "A link points to a bare IP address"),
  explanation: localized(
    "リンク先がドメイン名ではなく、数字だけの IP アドレスになっています。正規の企業や官公庁がメールで IP アドレスのリンクを送ることはほとんどなく、使い捨ての攻撃用サーバーへの誘導によく使われます。",
    "The link goes to a numeric IP address instead of a domain name. Real companies and public offices almost never send such links; they are typical of throwaway attack servers.",
  ),
  check(context) {
    const hits: RuleHit[] = [];
    const linksHome = hasSenderLink(context);
    const withIp = context.body.links.filter((link) => {
      const host = effectiveTarget(link).host;
      return host !== null && parseIp(host) !== undefined;
    });
    for (const link of distinctBy(withIp, (l) => effectiveTarget(l).host!)) {
      const ip = parseIp(effectiveTarget(link).host!)!;
      hits.push({
        severity: severityOf(link, ip, linksHome),
        evidence: [...linkEvidence(link), evidence(LABEL.host, ip.text)],
      });
    }
    return hits;
  },
});
