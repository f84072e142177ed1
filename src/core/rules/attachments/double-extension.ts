import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { disguisedName } from "../../attachments/names.js";
import { attachmentEvidence, checkedAttachments } from "./shared.js";

/**
 * ATT_DOUBLE_EXTENSION: a document-looking extension in front of an active one ("資料.pdf.exe",
 * "report.pdf_.exe", "invoice.doc      .scr"), or a long run of blanks that pushes the real
 * end of the name out of sight. "Active" is a program, a web page or a macro-enabled Office file:
 * whatever would do more than show a document when the person opens "the PDF".
 */
export const ATT_DOUBLE_EXTENSION = defineRule({
  id: "ATT_DOUBLE_EXTENSION",
  group: "attachments",
  severity: "high",
  title: localized("ファイル名が別の種類のファイルを装っています", "The file name pretends to be a different kind of file"),
  explanation: localized(
    "ファイル名の途中に「.pdf」のような書類らしい拡張子があり、本当の拡張子(名前の末尾)はプログラムや Web ページなどの危険な種類です。空白をたくさん入れて、末尾が画面に表示されないようにしている場合もあります。書類のつもりで開くと、プログラムが動くおそれがあります。開かずに報告してください。",
    "The name shows a document-like extension such as \".pdf\", but the real extension at the very end is a program, a web page or another dangerous type — sometimes pushed out of sight with a long run of spaces. Opening it as a document could start a program. Do not open it; report the mail.",
  ),
  check(context): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const a of checkedAttachments(context)) {
      const disguise = disguisedName(a.name);
      if (!disguise) continue;
      const extra = disguise.shown === undefined ? [] : [evidence(LABEL.shownExtension, `.${disguise.shown}`)];
      hits.push({ evidence: attachmentEvidence(a, ...extra, evidence(LABEL.realExtension, `.${disguise.real}`)) });
    }
    return hits;
  },
});
