import { LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { inspectedAttachments } from "./content.js";
import { attachmentEvidence, contentEvidence, indicatorEvidence, indicatorsOf } from "./shared.js";

/**
 * ATT_EQUATION_EDITOR (high): an embedded Microsoft Equation 3.0 object — an "Equation Native"
 * stream, the Equation 3.0 class ID, or an RTF object of class "Equation.3". The Equation
 * Editor (EQNEDT32.EXE) had memory-corruption flaws (CVE-2017-11882, CVE-2018-0802) exploited
 * for years by documents that need no macro and no click; Microsoft removed it from Office in
 * 2018, and current Office writes equations in another format, so such an object in a mail
 * today is almost always an exploit.
 */
export const ATT_EQUATION_EDITOR = defineRule({
  id: "ATT_EQUATION_EDITOR",
  group: "attachments",
  severity: "high",
  title: localized("文書に旧式の数式エディターのオブジェクトが埋め込まれています", "The document embeds an old Equation Editor object"),
  explanation: localized(
    "この文書には、旧式の数式エディター(Microsoft Equation 3.0)のオブジェクトが埋め込まれています。数式エディターには、文書を開くだけで攻撃用のプログラムが動いてしまう弱点(CVE-2017-11882 など)があり、標的型攻撃で長く悪用されてきました。現在の Office はこの形式の数式を作らないため、最近のメールに含まれている場合はほぼ攻撃です。開かずに報告してください。Office は最新の状態にしておいてください。",
    "This document embeds an object of the old Equation Editor (Microsoft Equation 3.0). The Equation Editor has flaws (CVE-2017-11882 and others) that let a document run an attacker's program as soon as it is opened, and targeted attacks exploited them for years. Current Office no longer writes equations in this form, so in a recent mail such an object is almost always an attack. Do not open it; report the mail. Keep Office up to date.",
  ),
  check(context): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const { attachment: a, inspection } of inspectedAttachments(context, "document")) {
      const found = indicatorsOf(inspection, "equation-editor");
      if (found.length === 0) continue;
      hits.push({ evidence: attachmentEvidence(a, contentEvidence(inspection), ...indicatorEvidence(LABEL.embeddedObject, found, 5)) });
    }
    return hits;
  },
});
