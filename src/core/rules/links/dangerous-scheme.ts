import type { RuleHit } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { cleanHref, isUncPath } from "../../body/target.js";
import { clipUrl, distinctBy, shownEvidence } from "./common.js";

/**
 * Schemes a mail link has no business using, with why:
 * - javascript:, vbscript: run script in whatever renders the mail or the page it opens;
 * - data: carries a whole page (phishing forms) inside the link, with no domain to check;
 * - file: opens local or network files — over SMB, Windows sends the user's NTLM hash;
 * - ms-msdt: Follina (CVE-2022-30190); search-ms:/search: open a remote folder in Explorer
 *   that looks local (used to deliver .lnk malware); ms-officecmd: CVE-2021-42321-era Teams/
 *   Office launch abuse; ms-appinstaller: installs MSIX packages (abused by Emotet, 2021);
 *   ms-cxh*, ms-settings: launch system UI; its:/mk:/mhtml:, hcp: legacy help handlers with
 *   a history of code execution;
 * - Office URI schemes (ms-word:, ms-excel:, …, "ofe|u|https://…") open a remote document
 *   directly in the desktop application, bypassing the browser's download warnings.
 */
const DANGEROUS_SCHEMES: ReadonlySet<string> = new Set([
  "javascript", "vbscript", "data", "file",
  "ms-msdt", "search-ms", "search", "ms-officecmd", "ms-appinstaller", "ms-cxh", "ms-cxh-full", "ms-settings",
  "its", "mk", "mhtml", "hcp",
  "ms-word", "ms-excel", "ms-powerpoint", "ms-visio", "ms-access", "ms-project", "ms-publisher", "ms-spd", "ms-infopath",
]);

/** "javascript:", "javascript:void(0)", "javascript:;" do nothing: template leftovers, not attacks. */
function isNoOpScript(href: string): boolean {
  const body = href.slice(href.indexOf(":") + 1).replace(/\s+/g, "").toLowerCase();
  return body === "" || body === ";" || body === "void(0)" || body === "void(0);" || body === "void0" || body === "void0;";
}

/**
 * LINK_DANGEROUS_SCHEME — a link (or form action, or refresh target) that does not open a web
 * page but runs script, opens a file or network share, or launches a Windows or Office handler.
 */
export const LINK_DANGEROUS_SCHEME = defineRule({
  id: "LINK_DANGEROUS_SCHEME",
  group: "links",
  severity: "high",
  title: localized("Web ページ以外のものを開く危険なリンクがあります", "A link opens something other than a web page"),
  explanation: localized(
    "このリンクは通常の Web ページ(http/https)ではなく、スクリプトの実行(javascript: など)、パソコンや共有フォルダーのファイル(file:、\\\\サーバー名)、Windows や Office の機能を直接呼び出すもの(ms-msdt:、search-ms:、ms-word: など)を指しています。いずれも過去に、不正プログラムの実行やパスワード情報の流出に悪用された種類のリンクです。",
    "This link does not open a web page. It runs script (javascript:, vbscript:), opens files on the computer or a network share (file:, \\\\server), or calls Windows or Office features directly (ms-msdt:, search-ms:, ms-word: …). Links of these kinds have been used to run malware and to leak Windows credentials.",
  ),
  check(context) {
    const hits: RuleHit[] = [];
    const dangerous = context.body.links.filter((link) => {
      const href = cleanHref(link.href);
      if (isUncPath(href)) return true;
      return DANGEROUS_SCHEMES.has(link.target.scheme) && !(link.target.scheme === "javascript" && isNoOpScript(href));
    });
    for (const link of distinctBy(dangerous, (l) => cleanHref(l.href))) {
      const href = cleanHref(link.href);
      hits.push({
        evidence: [
          ...shownEvidence(link),
          evidence(LABEL.link, clipUrl(href)),
          evidence(LABEL.scheme, isUncPath(href) ? "\\\\ (UNC)" : `${link.target.scheme}:`),
        ],
      });
    }
    return hits;
  },
});
