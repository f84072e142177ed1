import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { HTML_EXTENSIONS, HTML_TYPES, isMailerGeneratedHtmlName } from "../../attachments/names.js";
import { attachmentEvidence, checkedAttachments } from "./shared.js";

/**
 * ATT_HTML: a web page delivered as a file (HTML smuggling, local copies of sign-in pages).
 * Only real attachments count: the HTML body is not an attachment at all, and a part inside the
 * body's multipart/related with a Content-ID is a resource of the body, not a file the person
 * opens. Names mail servers generate for pieces of the body ("ATT00001.htm") are kept at low.
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
      if (!HTML_EXTENSIONS.has(a.extension) && !HTML_TYPES.has(a.declaredType)) continue;
      if (a.inline && context.snapshot.attachments[a.index]?.contentId !== undefined) continue;
      hits.push(isMailerGeneratedHtmlName(a.name) ? { severity: "low", evidence: attachmentEvidence(a) } : { evidence: attachmentEvidence(a) });
    }
    return hits;
  },
});
