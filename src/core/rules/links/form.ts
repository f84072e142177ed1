import type { Severity } from "../../analysis.js";
import type { RuleHit } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { clipUrl, displayUrl, isExpectedDestination } from "./common.js";
import type { FormFact } from "../../body/extract.js";

/**
 * How bad a form is:
 * - a password field: a credential harvest inside the mail (high);
 * - two or more data fields (name, card number, address…) sent outside the sender's and the
 *   organisation's sites, or to no parsable site: high; to the sender's own site: medium;
 * - at most one field (a newsletter's search box or sign-up field, a one-click button): low —
 *   2002-era newsletters in the ham corpus carry such search forms to partner sites.
 */
function formSeverity(context: Parameters<typeof isExpectedDestination>[0], form: FormFact): Severity {
  if (form.hasPasswordField) return "high";
  if (form.dataFields < 2) return "low";
  const target = form.target;
  const web = target !== undefined && target.host !== null && (target.scheme === "http" || target.scheme === "https");
  return web && isExpectedDestination(context, target.host) ? "medium" : "high";
}

/** HTML_FORM — a form inside the mail body (people are asked to type data into the mail itself). */
export const HTML_FORM = defineRule({
  id: "HTML_FORM",
  group: "links",
  severity: "medium",
  title: localized("メールの中に入力フォームがあります", "The mail contains an input form"),
  explanation: localized(
    "メール本文に、情報を入力して送信するフォームが埋め込まれています。正規の企業や官公庁が、メールの中でパスワードや個人情報を入力させることはまずありません。特にパスワード欄がある場合や、送信先が差出人と関係のないサイトの場合は、何も入力しないでください。",
    "The body contains a form for typing in and sending information. Legitimate companies and public offices practically never ask for passwords or personal data inside a mail. Do not type anything into it, especially when it has a password field or sends to a site unrelated to the sender.",
  ),
  check(context) {
    return context.body.forms.map((form): RuleHit => {
      const ev = [evidence(LABEL.form, form.target ? displayUrl(form.target) : clipUrl(form.action) || "-")];
      if (form.hasPasswordField) ev.push(evidence(LABEL.passwordField, '<input type="password">'));
      return { severity: formSeverity(context, form), evidence: ev };
    });
  },
});
