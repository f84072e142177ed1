import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { isPdf, PDF_CONTENT_RULES } from "./content.js";
import { checkedAttachments, reportContentNotInspected } from "./shared.js";

/**
 * ATT_PDF_ACTIVE: a PDF with /JavaScript, /OpenAction, /Launch or /EmbeddedFile. These are
 * keys inside the file, so the name says nothing about them; until content is inspected the
 * rule produces no finding and records ATTACHMENT_CONTENT_NOT_INSPECTED for each PDF. (That a
 * PDF came at all is ATT_EXPLOITED_FORMAT's business.)
 */
export const ATT_PDF_ACTIVE = defineRule({
  id: "ATT_PDF_ACTIVE",
  group: "attachments",
  severity: "medium",
  title: localized("PDF に自動で動く仕掛けが含まれています", "The PDF contains parts that act on their own"),
  explanation: localized(
    "この PDF には、開いたときに自動で動く処理(JavaScript、開いた瞬間の自動実行、ほかのプログラムの起動、埋め込まれたファイルなど)が含まれています。普通の書類にはほとんど必要ないものです。開かずに報告してください。",
    "This PDF contains things that act on their own when it is opened (JavaScript, an action run on opening, launching another program, embedded files). Ordinary documents rarely need any of them. Do not open it; report the mail.",
  ),
  check(context): RuleHit[] {
    for (const a of checkedAttachments(context)) if (isPdf(a)) reportContentNotInspected(context, a, PDF_CONTENT_RULES);
    return [];
  },
});
