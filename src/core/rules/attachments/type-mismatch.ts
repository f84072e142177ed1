import type { Evidence, Severity } from "../../analysis.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { extensionFamily, isHarmlessFamilyPair, typeFamily, ZIP_BASED_EXECUTABLES, type FileFamily } from "../../attachments/names.js";
import { familyOfKind, type ContentKind } from "../../attachments/content/kinds.js";
import { SEVERITY_ORDER } from "../../analysis.js";
import { attachmentEvidence, checkedAttachments, contentEvidence, contentOf } from "./shared.js";

/**
 * ATT_TYPE_MISMATCH: the name, the declared type and the content do not agree.
 *
 * Name against DECLARED type: only a disagreement between two things we recognise counts:
 * generic types (application/octet-stream, text/plain ...) and unknown extensions say nothing,
 * and pairs that differ innocently (a .docx declared as application/zip, .m4a as video/mp4) are
 * ignored — mail programs get declared types wrong all the time, and legitimate mail must not
 * light up. How much a disagreement matters depends on what the declared type would let happen:
 * - declared a program under a harmless name (".pdf" as application/x-msdownload): high;
 * - declared a web page under another name (".jpg" as text/html), or a program's or web page's
 *   name declared as something harmless (".exe" or ".html" as image/jpeg, hiding from filters
 *   that go by type): medium;
 * - any other recognised disagreement (".pdf" as image/jpeg): low.
 *
 * Name against CONTENT (magic bytes and structure, src/core/attachments/content): Windows opens
 * a file by its extension, so the name decides what happens and the content what it really is.
 * - content is a program, script, shortcut or disk image under a document's name: high; under
 *   a name with no known extension ("Document20250910"): medium;
 * - content is a web page under another name: medium (low under an Office name: Excel and
 *   Word exports as HTML named .xls/.doc are common and open in Office);
 * - content is an archive under a PDF's or a picture's name: medium (the person expects a
 *   document and gets something to unpack);
 * - any other recognised disagreement: low.
 */
function severityOf(byName: FileFamily, byType: FileFamily): Severity {
  if (byType === "executable") return "high";
  if (byType === "html" || byName === "executable" || byName === "html") return "medium";
  return "low";
}

export function contentMismatch(extension: string, declaredType: string, kind: ContentKind): Severity | undefined {
  const byContent = familyOfKind(kind);
  if (byContent === undefined) return undefined;
  const byName = extensionFamily(extension);
  if (byName === byContent) return undefined;
  if (byName !== undefined && isHarmlessFamilyPair(byName, byContent)) return undefined;
  // A jar, apk or msix is a zip: a plain zip under that name, or that name's package under a zip name, is honest.
  if (ZIP_BASED_EXECUTABLES.has(extension) && byContent === "archive") return undefined;
  if (byName === "archive" && (kind === "java-archive" || kind === "apk" || kind === "app-package")) return undefined;
  if (byContent === "executable") return byName === undefined ? "medium" : "high";
  if (byName === undefined) {
    const byType = typeFamily(declaredType);
    return byContent === "html" && byType !== undefined && byType !== "html" ? "medium" : undefined;
  }
  if (byContent === "html") return byName === "office" ? "low" : "medium";
  if (byContent === "archive" && (byName === "pdf" || byName === "image")) return "medium";
  return "low";
}

function higher(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return SEVERITY_ORDER.indexOf(a) <= SEVERITY_ORDER.indexOf(b) ? a : b;
}

export const ATT_TYPE_MISMATCH = defineRule({
  id: "ATT_TYPE_MISMATCH",
  group: "attachments",
  severity: "medium",
  title: localized("ファイル名と宣言された種類・中身が食い違っています", "The file name disagrees with the declared type or the content"),
  explanation: localized(
    "この添付ファイルは、ファイル名の拡張子と、メールの中で付けられた種類(Content-Type)や実際の中身が合っていません。たとえば名前は「.pdf」なのに、種類がプログラムになっている、あるいは中身が実際にはプログラムや圧縮ファイルである、といった場合です。メールの検査をすり抜けたり、開く人をだましたりするために、わざと食い違わせていることがあります。送信者に確認が取れるまで開かないでください。",
    "The extension of this attachment's name does not match the type the mail declares for it (its Content-Type) or what the file really contains — for example, a name ending in \".pdf\" declared as a program, or whose content is really a program or an archive. Attackers do this on purpose to slip past mail filters or to mislead the person opening the file. Do not open it until the sender has confirmed it.",
  ),
  check(context): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const a of checkedAttachments(context)) {
      let severity: Severity | undefined;
      const byName = extensionFamily(a.extension);
      const byType = typeFamily(a.declaredType);
      if (byName !== undefined && byType !== undefined && byName !== byType && !isHarmlessFamilyPair(byName, byType)) {
        // A jar, apk or msix is a zip file: declaring it as one is honest.
        if (!(byType === "archive" && ZIP_BASED_EXECUTABLES.has(a.extension))) severity = severityOf(byName, byType);
      }
      const inspection = contentOf(context, a);
      const extra: Evidence[] = [];
      if (inspection) {
        const byContent = contentMismatch(a.extension, a.declaredType, inspection.kind);
        if (byContent !== undefined) extra.push(contentEvidence(inspection));
        severity = higher(severity, byContent);
      }
      if (severity !== undefined) hits.push({ severity, evidence: attachmentEvidence(a, ...extra) });
    }
    return hits;
  },
});
