import type { Severity } from "../../analysis.js";
import { LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { ZIP_BASED_EXECUTABLES } from "../../attachments/names.js";
import { inspectedAttachments } from "./content.js";
import { attachmentEvidence, contentEvidence, indicatorEvidence, indicatorsOf } from "./shared.js";

/**
 * ATT_ARCHIVE_WITH_EXECUTABLE: an archive (or another container: a disk image, a OneNote
 * section, a document with a packaged file) that holds a program — by the entry's name
 * (.exe, .js, .lnk, a disguised "請求書.pdf.exe") or by its first bytes (an "invoice.pdf"
 * that is really a Windows program), directly or inside an archive in the archive (one level).
 * The names come from the archive's own directory, which stays readable even when the entries
 * are encrypted. High; a macro-enabled document inside is medium. Program packages that are
 * zips by design (.jar, .apk, .msix) are left to ATT_EXECUTABLE. Without the bytes the rule
 * records ATTACHMENT_CONTENT_NOT_INSPECTED for each archive.
 */
export const ATT_ARCHIVE_WITH_EXECUTABLE = defineRule({
  id: "ATT_ARCHIVE_WITH_EXECUTABLE",
  group: "attachments",
  severity: "high",
  title: localized("圧縮ファイルなどの中にプログラムが入っています", "An archive or other container holds a program"),
  explanation: localized(
    "添付の圧縮ファイル(またはディスクイメージ、OneNote、文書に埋め込まれたファイルなど)の中に、開くとプログラムとして動くファイル(.exe、.js、.lnk など)が入っています。名前を書類に見せかけていても、中身がプログラムの場合もあります。圧縮して送るのは、メールサーバーでの検査を避けるためによく使われる手口です。展開したり中のファイルを開いたりせず、報告してください。",
    "The attached archive (or disk image, OneNote section, or a file embedded in a document) contains a file that runs as a program when opened (.exe, .js, .lnk and similar) — sometimes under a document's name. Packing it into an archive is a common way to get past the mail server's checks. Do not extract it or open anything inside; report the mail.",
  ),
  check(context): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const { attachment: a, inspection } of inspectedAttachments(context, "archive")) {
      if (ZIP_BASED_EXECUTABLES.has(a.extension) || ["java-archive", "apk", "app-package"].includes(inspection.kind)) continue;
      const programs = indicatorsOf(inspection, "executable-entry", "disguised-entry", "executable-content-entry");
      const macros = indicatorsOf(inspection, "macro-entry");
      if (programs.length === 0 && macros.length === 0) continue;
      const severity: Severity = programs.length > 0 ? "high" : "medium";
      hits.push({ severity, evidence: attachmentEvidence(a, contentEvidence(inspection), ...indicatorEvidence(LABEL.entry, [...programs, ...macros])) });
    }
    return hits;
  },
});
