import type { Severity } from "../../analysis.js";
import { LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { HTML_EXTENSIONS, HTML_TYPES, isMailerGeneratedHtmlName } from "../../attachments/names.js";
import { attachmentEvidence, checkedAttachments, contentEvidence, contentOf, indicatorEvidence, indicatorsOf } from "./shared.js";

/**
 * ATT_HTML: a web page delivered as a file (HTML smuggling, local copies of sign-in pages) —
 * by name, declared type, or content (a page named "invoice.pdf.txt" or with no name at all).
 * Only real attachments count: the HTML body is not an attachment at all, and a part inside the
 * body's multipart/related with a Content-ID is a resource of the body, not a file the person
 * opens. Names mail servers generate for pieces of the body ("ATT00001.htm") are kept at low.
 * The content raises it to high when the page asks for a password (a form with a password
 * field: a local phishing page) or builds a file and saves it (HTML smuggling).
 */
export const ATT_HTML = defineRule({
  id: "ATT_HTML",
  group: "attachments",
  severity: "medium",
  title: localized("Web ページ(HTML)のファイルが添付されています", "A web page (HTML) file is attached"),
  explanation: localized(
    "HTML や SVG など Web ページ形式の添付ファイルは、開くとブラウザーで表示され、中のスクリプトが動きます。本物そっくりのログイン画面を出してパスワードを盗んだり、パソコンの中でウイルスを組み立てて保存させたりする手口に使われます。開いてしまった場合も、表示された画面に ID やパスワードを入力しないでください。",
    "An attachment in a web page format (HTML, SVG and similar) opens in the browser, and any script in it runs. Attackers use this to show a perfect copy of a sign-in page that steals the password, or to assemble malware on the computer and save it there. If you have opened it, do not type an ID or password into what it shows.",
  ),
  check(context): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const a of checkedAttachments(context)) {
      const inspection = contentOf(context, a);
      const byContent = inspection !== undefined && (inspection.kind === "html" || inspection.kind === "svg");
      if (!HTML_EXTENSIONS.has(a.extension) && !HTML_TYPES.has(a.declaredType) && !byContent) continue;
      if (a.inline && context.snapshot.attachments[a.index]?.contentId !== undefined) continue;
      let severity: Severity = isMailerGeneratedHtmlName(a.name) ? "low" : "medium";
      const danger = indicatorsOf(inspection, "html-password-field", "html-smuggling");
      if (danger.length > 0) severity = "high";
      const features = indicatorsOf(inspection, "html-password-field", "html-smuggling", "html-form", "html-data-uri", "html-redirect", "html-script", "html-iframe");
      const extra = inspection && byContent ? [contentEvidence(inspection), ...indicatorEvidence(LABEL.pageFeature, features, 8)] : [];
      hits.push(severity === "medium" ? { evidence: attachmentEvidence(a, ...extra) } : { severity, evidence: attachmentEvidence(a, ...extra) });
    }
    return hits;
  },
});
