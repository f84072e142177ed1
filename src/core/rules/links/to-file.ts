import type { Severity } from "../../analysis.js";
import type { RuleHit } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { distinctBy, effectiveTarget, isWeb, linkEvidence } from "./common.js";

/**
 * Extensions of files that run when opened (high) or that carry such files past mail filters
 * (medium): the delivery formats of malspam campaigns (Emotet, Qakbot, IcedID) once attachments
 * were blocked and the payload moved behind a link. Unix tarballs are low: they are how free
 * software is published (release announcements link them), and malspam aimed at Windows users
 * favours formats Windows opens with a double-click.
 */
const RUNS: ReadonlySet<string> = new Set([
  "exe", "scr", "pif", "cpl", "msi", "msix", "appx", "appxbundle", "appinstaller", "bat", "cmd",
  "js", "jse", "vbs", "vbe", "wsf", "wsh", "hta", "ps1", "lnk", "url", "scf", "reg", "jar", "chm", "xll", "msc",
  "library-ms", "searchconnector-ms", "settingcontent-ms", "apk",
]);
const CARRIES: ReadonlySet<string> = new Set([
  "zip", "rar", "7z", "cab", "ace", "arj", "lzh",
  "iso", "img", "vhd", "vhdx", "dmg",
  "one", "docm", "xlsm", "pptm", "dotm", "xlam", "ppam",
]);
const TARBALLS: ReadonlySet<string> = new Set(["tar", "gz", "tgz", "bz2", "tbz", "xz", "txz", "z"]);

/** File name at the end of the URL's path (percent-decoded), or "" when the path ends in "/". */
export function fileNameOf(url: string): string {
  const path = pathOf(url);
  if (path === undefined) return "";
  const name = path.slice(path.lastIndexOf("/") + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export function fileSeverity(name: string): Severity | undefined {
  // Windows drops trailing dots and spaces ("invoice.exe. " runs as invoice.exe); a loop, not /[\s.]+$/, keeps it linear.
  let end = name.length;
  while (end > 0 && (name[end - 1] === "." || /\s/.test(name[end - 1]!))) end--;
  const trimmed = name.slice(0, end);
  const dot = trimmed.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const extension = trimmed.slice(dot + 1).toLowerCase();
  if (RUNS.has(extension)) return "high";
  if (CARRIES.has(extension)) return "medium";
  if (TARBALLS.has(extension)) return "low";
  return undefined;
}

/** LINK_TO_FILE — the link's path ends in a program, script, shortcut, disk image or archive. */
export const LINK_TO_FILE = defineRule({
  id: "LINK_TO_FILE",
  group: "links",
  severity: "medium",
  title: localized("プログラムや圧縮ファイルを直接ダウンロードするリンクがあります", "A link downloads a program or an archive"),
  explanation: localized(
    "リンク先が Web ページではなく、プログラム(.exe など)、スクリプト、ショートカット(.lnk)、ディスクイメージ(.iso など)、圧縮ファイル(.zip など)そのものです。メールのリンクからこうしたファイルをダウンロードさせるのは、ウイルスに感染させる代表的な方法です。開かずに、必要なら差出人に別の方法で確認してください。",
    "The link points straight at a program (.exe …), a script, a shortcut (.lnk), a disk image (.iso …) or an archive (.zip …) instead of a web page. Getting people to download such files from a mail link is one of the main ways malware spreads. Do not open it; if you need the file, check with the sender by other means.",
  ),
  check(context) {
    const hits: RuleHit[] = [];
    const files = context.body.links.filter((link) => isWeb(effectiveTarget(link)) && fileSeverity(fileNameOf(effectiveTarget(link).url)) !== undefined);
    for (const link of distinctBy(files, (l) => effectiveTarget(l).url)) {
      const name = fileNameOf(effectiveTarget(link).url);
      hits.push({ severity: fileSeverity(name), evidence: [...linkEvidence(link), evidence(LABEL.fileName, name)] });
    }
    return hits;
  },
});

/**
 * The path of a URL. Link targets are already serialised by the URL parser, so for http(s) the
 * path is the text between the authority and "?" or "#" (an authority holds none of "/?#" once
 * serialised, WHATWG URL §4.5); anything else goes through the parser again.
 */
function pathOf(url: string): string | undefined {
  const scheme = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : 0;
  if (scheme > 0) {
    let end = url.length;
    for (const mark of ["?", "#"]) {
      const at = url.indexOf(mark, scheme);
      if (at >= 0 && at < end) end = at;
    }
    const slash = url.indexOf("/", scheme);
    return slash < 0 || slash > end ? "/" : url.slice(slash, end);
  }
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}
