import type { Severity } from "../../analysis.js";
import { SEVERITY_ORDER } from "../../analysis.js";
import { LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { ARCHIVE_EXTENSIONS, disguisedName, EXECUTABLE_EXTENSIONS, HTML_EXTENSIONS, MACRO_EXTENSIONS } from "../../attachments/names.js";
import { extensionOf } from "../../attachments/extension.js";
import type { ContentIndicator } from "../../attachments/content/scope.js";
import { inspectedAttachments } from "./content.js";
import { attachmentEvidence, indicatorEvidence, indicatorsOf } from "./shared.js";

/**
 * ATT_PDF_ACTIVE: a PDF (by content) with parts that act on their own (ISO 32000 actions and
 * embedded content), graded by what they can do:
 * - high: /Launch (runs a program), a key written with #xx escapes to dodge scanners
 *   ("/J#61vaScript"), JavaScript that runs on opening (/JavaScript or /JS with /OpenAction or
 *   /AA), an embedded file that is a program or a disguised name;
 * - medium: JavaScript without an automatic trigger, an embedded archive, web page or macro
 *   document, other embedded files;
 * - low: XFA forms, RichMedia (Flash), form submission.
 * /OpenAction alone (open at a page) and /AcroForm alone (a fillable form) are ordinary and say
 * nothing. Link targets (/URI) go to the link rules. Without the bytes the rule records
 * ATTACHMENT_CONTENT_NOT_INSPECTED for each PDF. (That a PDF came at all is
 * ATT_EXPLOITED_FORMAT's business.)
 */
function embeddedSeverity(name: string): Severity {
  const ext = extensionOf(name);
  if (EXECUTABLE_EXTENSIONS.has(ext) || disguisedName(name)?.shown !== undefined) return "high";
  if (ARCHIVE_EXTENSIONS.has(ext) || HTML_EXTENSIONS.has(ext) || MACRO_EXTENSIONS.has(ext)) return "medium";
  return "medium";
}

function highest(severities: readonly Severity[]): Severity | undefined {
  return SEVERITY_ORDER.find((s) => severities.includes(s));
}

export const ATT_PDF_ACTIVE = defineRule({
  id: "ATT_PDF_ACTIVE",
  group: "attachments",
  severity: "medium",
  title: localized("PDF に自動で動く仕掛けが含まれています", "The PDF contains parts that act on their own"),
  explanation: localized(
    "この PDF には、開いたときに自動で動く処理(JavaScript、開いた瞬間の自動実行、ほかのプログラムの起動、埋め込まれたファイルなど)が含まれています。普通の書類にはほとんど必要ないものです。検査をすり抜けるために名前を崩して書いている場合もあります。開かずに報告してください。",
    "This PDF contains things that act on their own when it is opened (JavaScript, an action run on opening, launching another program, embedded files), sometimes written in a scrambled form to slip past scanners. Ordinary documents rarely need any of them. Do not open it; report the mail.",
  ),
  check(context): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const { attachment: a, inspection } of inspectedAttachments(context, "pdf")) {
      if (inspection.kind !== "pdf") continue;
      const severities: Severity[] = [];
      const shown: ContentIndicator[] = [];
      const take = (found: ContentIndicator[], severity: Severity): void => {
        if (found.length === 0) return;
        severities.push(severity);
        shown.push(...found);
      };
      const script = indicatorsOf(inspection, "pdf-javascript");
      const auto = indicatorsOf(inspection, "pdf-auto-action");
      take(indicatorsOf(inspection, "pdf-launch"), "high");
      take(indicatorsOf(inspection, "pdf-obfuscated-name"), "high");
      if (script.length > 0) take([...script, ...auto], auto.length > 0 ? "high" : "medium");
      const embedded = indicatorsOf(inspection, "pdf-embedded-file");
      if (embedded.length > 0) {
        const names = embedded.filter((i) => i.detail !== undefined && !i.detail.startsWith("/"));
        take(embedded, highest(names.map((i) => embeddedSeverity(i.detail!))) ?? "medium");
      }
      take(indicatorsOf(inspection, "pdf-xfa", "pdf-richmedia", "pdf-submit-form"), "low");
      const severity = highest(severities);
      if (severity === undefined) continue;
      hits.push({ severity, evidence: attachmentEvidence(a, ...indicatorEvidence(LABEL.pdfFeature, shown, 12)) });
    }
    return hits;
  },
});
