import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { freeHostingKind } from "../../body/services.js";
import { normalizeHostname } from "../../net/domain.js";
import { isAsciiAlnum } from "../../text/ascii.js";
import { trimEdges } from "../../text/trim.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { distinctBy, effectiveTarget, isClickable, isOpaque, isSenderParty, isWeb, linkEvidence } from "./common.js";
import { fileNameOf } from "./to-file.js";

/**
 * LINK_FREE_HOSTING — a link, or a host name written in the text, to a site on a free hosting
 * service (body/services.ts: Cloudflare Pages, Firebase, Azure static sites, Netlify…), or a
 * link to a web page served from public cloud storage (an S3 or Google Cloud Storage bucket).
 * Anyone can put a page there in minutes under the service's good name, which is why credential
 * phishing lives there; a company's real sign-in or invoice page does not. A link to a file in
 * cloud storage (a PDF brochure, an image) is how companies share files and is left to the file
 * rules.
 *
 * Host names written without a link count too ("acme.pages.dev/login" in a sign-up
 * notification's user name): the text asks the reader to type them in. They are read from the
 * plain-text body, which for an HTML mail is its text alternative (RFC 2046 §5.1.4). A storage
 * host written alone says nothing about what it serves and is not counted.
 *
 * Low when the site is the sender's own (mail from a project on firebaseapp.com linking to that
 * same project): that says nothing beyond who sent it.
 */

/** Host-name characters: letters, digits, "-" and "." (RFC 1123 §2.1). */
function isHostChar(code: number): boolean {
  return isAsciiAlnum(code) || code === 0x2d || code === 0x2e;
}

/** What a browser shows as a page: a path ending in one of these, or in no file name at all. */
const PAGE_EXTENSIONS: ReadonlySet<string> = new Set(["html", "htm", "shtml", "xhtml", "svg", "php", "asp", "aspx", "jsp"]);

function servesPage(url: string): boolean {
  const name = fileNameOf(url);
  const dot = name.lastIndexOf(".");
  return dot < 0 || PAGE_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

/** Longest host name (RFC 1035 §2.3.4): a longer word is not read as one. */
const MAX_HOST_LENGTH = 253;

/** Most host names one text reports: enough for evidence, bounded for hostile text. */
const MAX_TEXT_HOSTS = 20;

/** Host names in the text of sites on a free hosting service, each once, in order of appearance. */
export function freeHostsInText(text: string): string[] {
  const out: string[] = [];
  // A host name has a dot in it: the text is searched dot by dot, and each word around a dot
  // is read once (the search resumes after it).
  for (let dot = text.indexOf("."); dot >= 0; ) {
    let start = dot;
    while (start > 0 && isHostChar(text.charCodeAt(start - 1))) start--;
    let end = dot + 1;
    while (end < text.length && isHostChar(text.charCodeAt(end))) end++;
    // The word may carry sentence punctuation at its ends ("see acme.pages.dev.").
    const word = trimEdges(text.slice(start, end), ".-");
    const host = word.includes(".") && word.length <= MAX_HOST_LENGTH ? normalizeHostname(word) : null;
    if (host && freeHostingKind(host) === "site" && !out.includes(host)) {
      out.push(host);
      if (out.length >= MAX_TEXT_HOSTS) break;
    }
    dot = text.indexOf(".", end);
  }
  return out;
}

export const LINK_FREE_HOSTING = defineRule({
  id: "LINK_FREE_HOSTING",
  group: "links",
  severity: "medium",
  title: localized("誰でも無料でページを置けるサービスへ誘導しています", "The mail leads to a free hosting service where anyone can publish a page"),
  explanation: localized(
    "リンクや本文に書かれたアドレスの行き先は、誰でも無料ですぐにページを公開できるサービス(Cloudflare Pages、Firebase、Azure のストレージなど)です。サービス自体は正規のものでも、ページを作ったのが誰かは分かりません。偽のログイン画面や請求書のページがよく置かれます。開いた先で ID やパスワード、カード番号を入力しないでください。",
    "Where this mail's links or written addresses lead is a service on which anyone can publish a page for free in minutes (Cloudflare Pages, Firebase, Azure storage and the like). The service is genuine, but it tells you nothing about who made the page, and fake sign-in and invoice pages are often put there. Do not enter an ID, password or card number on a page opened from it.",
  ),
  check(context) {
    const links = context.body.links.filter((link) => {
      const target = effectiveTarget(link);
      if (!isClickable(link) || !isWeb(target) || isOpaque(link)) return false;
      const kind = freeHostingKind(target.host);
      return kind === "site" || (kind === "storage" && servesPage(target.url));
    });
    const hits: RuleHit[] = distinctBy(links, (l) => effectiveTarget(l).host ?? "").map((link) => ({
      severity: isSenderParty(context, effectiveTarget(link).host) ? "low" : undefined,
      evidence: linkEvidence(link),
    }));
    const linked = new Set(links.map((l) => effectiveTarget(l).host));
    for (const host of freeHostsInText(context.snapshot.text ?? "")) {
      if (linked.has(host)) continue;
      hits.push({ severity: isSenderParty(context, host) ? "low" : undefined, evidence: [evidence(LABEL.hostInText, host)] });
    }
    return hits;
  },
});
