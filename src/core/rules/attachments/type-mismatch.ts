import type { Severity } from "../../analysis.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { extensionFamily, isHarmlessFamilyPair, typeFamily, ZIP_BASED_EXECUTABLES, type FileFamily } from "../../attachments/names.js";
import { attachmentEvidence, checkedAttachments } from "./shared.js";

/**
 * ATT_TYPE_MISMATCH by name against DECLARED type (the magic-bytes comparison the catalogue
 * also names needs content inspection, which comes later).
 *
 * Only a disagreement between two things we recognise counts: generic types
 * (application/octet-stream, text/plain ...) and unknown extensions say nothing, and pairs that
 * differ innocently (a .docx declared as application/zip, .m4a as video/mp4) are ignored — mail
 * programs get declared types wrong all the time, and legitimate mail must not light up.
 * How much a disagreement matters depends on what the declared type would let happen:
 * - declared a program under a harmless name (".pdf" as application/x-msdownload): high;
 * - declared a web page under another name (".jpg" as text/html), or a program's or web page's
 *   name declared as something harmless (".exe" or ".html" as image/jpeg, hiding from filters
 *   that go by type): medium;
 * - any other recognised disagreement (".pdf" as image/jpeg): low.
 */
function severityOf(byName: FileFamily, byType: FileFamily): Severity {
  if (byType === "executable") return "high";
  if (byType === "html" || byName === "executable" || byName === "html") return "medium";
  return "low";
}

export const ATT_TYPE_MISMATCH = defineRule({
  id: "ATT_TYPE_MISMATCH",
  group: "attachments",
  severity: "medium",
  title: localized("ファイル名と宣言された種類が食い違っています", "The file name and its declared type disagree"),
  explanation: localized(
    "メールの中でこの添付ファイルに付けられた種類(Content-Type)が、ファイル名の拡張子と合っていません。たとえば名前は「.pdf」なのに、種類はプログラムになっている、といった場合です。メールの検査をすり抜けたり、開く人をだましたりするために、わざと食い違わせていることがあります。送信者に確認が取れるまで開かないでください。",
    "The type the mail declares for this attachment (its Content-Type) does not match the extension of its name — for example, a name ending in \".pdf\" declared as a program. Attackers do this on purpose to slip past mail filters or to mislead the person opening the file. Do not open it until the sender has confirmed it.",
  ),
  check(context): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const a of checkedAttachments(context)) {
      const byName = extensionFamily(a.extension);
      const byType = typeFamily(a.declaredType);
      if (byName === undefined || byType === undefined || byName === byType) continue;
      if (isHarmlessFamilyPair(byName, byType)) continue;
      // A jar, apk or msix is a zip file: declaring it as one is honest.
      if (byType === "archive" && ZIP_BASED_EXECUTABLES.has(a.extension)) continue;
      hits.push({ severity: severityOf(byName, byType), evidence: attachmentEvidence(a) });
    }
    return hits;
  },
});
