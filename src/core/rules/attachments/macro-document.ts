import type { Severity } from "../../analysis.js";
import { SEVERITY_ORDER } from "../../analysis.js";
import { LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { MACRO_EXTENSIONS, macroKindOfType, type MacroKind } from "../../attachments/names.js";
import { DOCUMENT_CONTENT_RULES, isDocument } from "./content.js";
import { attachmentEvidence, checkedAttachments, contentEvidence, contentOf, indicatorEvidence, indicatorsOf, reportContentNotInspected } from "./shared.js";

/**
 * ATT_MACRO_DOCUMENT, by name and declared type: Office formats made to carry macros. Add-ins
 * load their code into Office itself (high); macro-enabled documents and templates need the
 * person to enable content (medium); a binary workbook (.xlsb) may or may not hold macros (low).
 *
 * By content: a VBA project (vbaProject.bin in OOXML, the VBA storage in a 97-2003 file), a
 * macro-enabled main content type, OpenDocument Basic macros or ActiveX controls: medium —
 * also under an ordinary name (.doc, .xls, .docx), which is how macro documents travel now
 * that the "m" extensions are blocked. Excel 4.0 (XLM) macro sheets: high — they run without a
 * VBA project, legitimate use has all but disappeared, and malware hides them ("very hidden").
 */
const SEVERITY: Readonly<Record<MacroKind, Severity>> = { addin: "high", document: "medium", binary: "low" };
const RANK: Readonly<Record<MacroKind, number>> = { addin: 2, document: 1, binary: 0 };

function higher(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return SEVERITY_ORDER.indexOf(a) <= SEVERITY_ORDER.indexOf(b) ? a : b;
}

export const ATT_MACRO_DOCUMENT = defineRule({
  id: "ATT_MACRO_DOCUMENT",
  group: "attachments",
  severity: "medium",
  title: localized("マクロを含む(含められる)Office ファイルが添付されています", "An Office file that carries (or can carry) macros is attached"),
  explanation: localized(
    "ファイル名や種類、または中身から、マクロ(Office の中で動くプログラム)を含む、または含められる形式の Word・Excel・PowerPoint などのファイルです。マクロを有効にすると、ウイルスに感染させる命令が動くおそれがあります。Excel や PowerPoint のアドイン(.xlam など)や Excel 4.0 マクロは、特に危険です。心当たりがなければ開かず、開いてしまった場合も「コンテンツの有効化」や「編集を有効にする」は押さないでください。",
    "By its name, declared type or content, this is a Word, Excel, PowerPoint or similar file that carries — or is of a kind that can carry — macros (programs that run inside Office). Enabling them can run commands that infect the computer. Excel and PowerPoint add-ins (.xlam and similar) and Excel 4.0 macros are especially dangerous. Do not open it unless you expected it; if you have opened it, do not click \"Enable Content\" or \"Enable Editing\".",
  ),
  check(context): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const a of checkedAttachments(context)) {
      const byName = MACRO_EXTENSIONS.get(a.extension);
      const byType = macroKindOfType(a.declaredType);
      const kind = byName === undefined ? byType : byType === undefined || RANK[byName] >= RANK[byType] ? byName : byType;
      let severity = kind === undefined ? undefined : SEVERITY[kind];
      const inspection = contentOf(context, a);
      if (!inspection && isDocument(a)) reportContentNotInspected(context, a, DOCUMENT_CONTENT_RULES);
      const found = indicatorsOf(inspection, "vba-macros", "macro-enabled-format", "odf-macros", "activex", "xlm-macros");
      if (found.length > 0) severity = higher(severity, found.some((i) => i.code === "xlm-macros") ? "high" : "medium");
      if (severity === undefined) continue;
      const extra = inspection && found.length > 0 ? [contentEvidence(inspection), ...indicatorEvidence(LABEL.macro, found, 5)] : [];
      hits.push({ severity, evidence: attachmentEvidence(a, ...extra) });
    }
    return hits;
  },
});
