import type { Severity } from "../../analysis.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { MACRO_EXTENSIONS, macroKindOfType, type MacroKind } from "../../attachments/names.js";
import { attachmentEvidence, checkedAttachments } from "./shared.js";

/**
 * ATT_MACRO_DOCUMENT, by name and declared type: Office formats made to carry macros. Add-ins
 * load their code into Office itself (high); macro-enabled documents and templates need the
 * person to enable content (medium); a binary workbook (.xlsb) may or may not hold macros (low).
 * Macros hidden in ordinary-looking files (vbaProject.bin in OOXML, VBA storage in .doc/.xls)
 * need the content inspection that comes later.
 */
const SEVERITY: Readonly<Record<MacroKind, Severity>> = { addin: "high", document: "medium", binary: "low" };
const RANK: Readonly<Record<MacroKind, number>> = { addin: 2, document: 1, binary: 0 };

export const ATT_MACRO_DOCUMENT = defineRule({
  id: "ATT_MACRO_DOCUMENT",
  group: "attachments",
  severity: "medium",
  title: localized("マクロを含められる Office ファイルが添付されています", "An Office file that can carry macros is attached"),
  explanation: localized(
    "ファイル名または宣言された種類から、マクロ(Office の中で動くプログラム)を含められる形式の Word・Excel・PowerPoint ファイルです。マクロを有効にすると、ウイルスに感染させる命令が動くおそれがあります。Excel や PowerPoint のアドイン(.xlam など)は、開くだけで中の処理が Office に組み込まれます。心当たりがなければ開かず、開いてしまった場合も「コンテンツの有効化」や「編集を有効にする」は押さないでください。",
    "By its name or declared type, this is a Word, Excel or PowerPoint file of a kind that can carry macros (programs that run inside Office). Enabling them can run commands that infect the computer. Excel and PowerPoint add-ins (.xlam and similar) load their code into Office as soon as they are opened. Do not open it unless you expected it; if you have opened it, do not click \"Enable Content\" or \"Enable Editing\".",
  ),
  check(context): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const a of checkedAttachments(context)) {
      const byName = MACRO_EXTENSIONS.get(a.extension);
      const byType = macroKindOfType(a.declaredType);
      const kind = byName === undefined ? byType : byType === undefined || RANK[byName] >= RANK[byType] ? byName : byType;
      if (kind !== undefined) hits.push({ severity: SEVERITY[kind], evidence: attachmentEvidence(a) });
    }
    return hits;
  },
});
