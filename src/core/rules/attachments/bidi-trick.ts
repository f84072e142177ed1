import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { hiddenCharacters } from "../../attachments/names.js";
import { attachmentEvidence, checkedAttachments } from "./shared.js";

/**
 * ATT_BIDI_TRICK: bidirectional-text controls in a file name ("請求書[U+202E]cod.exe" is shown
 * as "請求書exe.doc"). Override, embedding and isolate controls have no business in a file
 * name: high. The marks (LRM, RLM, ALM) can only move punctuation and digits, and they are
 * ordinary inside Arabic or Hebrew text: medium in an otherwise left-to-right name, low next to
 * right-to-left letters. The evidence shows every control as "[U+202E]".
 */
export const ATT_BIDI_TRICK = defineRule({
  id: "ATT_BIDI_TRICK",
  group: "attachments",
  severity: "high",
  title: localized("ファイル名に表示の向きを変える制御文字が入っています", "The file name contains characters that change how it is displayed"),
  explanation: localized(
    "ファイル名に、文字の表示順を入れ替える目に見えない制御文字(U+202E など)が含まれています。これを使うと、実際は「請求書[U+202E]cod.exe」というプログラムが、画面上は「請求書exe.doc」と書類のように表示されます。普通のファイル名に使われることはまずありません。根拠の欄では、制御文字を [U+202E] のように見える形にして示しています。開かずに報告してください。",
    "The name contains invisible control characters (such as U+202E) that change the order in which text is displayed. With them, a program really named \"invoice[U+202E]cod.exe\" is shown as \"invoiceexe.doc\", as if it were a document. Genuine file names practically never contain them. The evidence shows each control character written out, like [U+202E]. Do not open it; report the mail.",
  ),
  check(context): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const a of checkedAttachments(context)) {
      const hidden = hiddenCharacters(a.name);
      if (hidden.reordering === 0 && hidden.marks === 0) continue;
      const severity = hidden.reordering > 0 ? "high" : hidden.hasRtlLetters ? "low" : "medium";
      const real = a.extension === "" ? [] : [evidence(LABEL.realExtension, `.${a.extension}`)];
      hits.push({ severity, evidence: attachmentEvidence(a, ...real) });
    }
    return hits;
  },
});
