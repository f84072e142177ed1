import type { Severity } from "../../analysis.js";
import type { RuleContext } from "../../context.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { findObfuscation } from "../../text/obfuscation.js";
import { makeControlsVisible } from "../../visible.js";
import { brandNamed } from "./brands.js";

/**
 * OBFUSCATED_TEXT: the subject or the sender's display name is written with hidden characters
 * or look-alike letters, so that it reads normally to a person but not to a spam or phishing
 * filter ("Co[U+E0139]inbase", "A\u073Fm\u073Fa\u073Fz\u073Fon", "𝗡𝗲𝘁𝗳𝗹𝗶𝘅"). Beyond the DESIGN.md
 * catalogue: seen in a fifth of the honeypot phishing that passed authentication, never in ham.
 *
 * Invisible characters, foreign marks or a digit standing for a letter inside words ("CL0UD"):
 * medium, high when they hide a well-known organisation's name. Mathematical letters alone are
 * sometimes used for emphasis: low, medium when they spell such a name.
 */
const FIELDS = [
  { label: LABEL.subject, read: (c: RuleContext) => c.snapshot.subject },
  { label: LABEL.displayName, read: (c: RuleContext) => c.sender.from?.name },
] as const;

function severityOf(kinds: ReadonlySet<string>, hidesBrand: boolean): Severity {
  const hidden = kinds.has("invisible") || kinds.has("foreign-mark") || kinds.has("digit-for-letter");
  if (hidden) return hidesBrand ? "high" : "medium";
  return hidesBrand ? "medium" : "low";
}

function check(context: RuleContext): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const field of FIELDS) {
    const text = field.read(context);
    if (!text) continue;
    const report = findObfuscation(text);
    if (!report) continue;
    // A brand the folded text names but the text as written does not (to a filter).
    const brand = brandNamed(report.folded);
    const hidesBrand = brand !== undefined && !text.toLowerCase().includes(brand.name);
    hits.push({
      severity: severityOf(report.kinds, hidesBrand),
      evidence: [evidence(field.label, makeControlsVisible(text)), evidence(LABEL.readsAs, report.folded)],
    });
  }
  return hits;
}

export const OBFUSCATED_TEXT = defineRule({
  id: "OBFUSCATED_TEXT",
  group: "sender",
  severity: "medium",
  title: localized(
    "件名や差出人名に、見えない文字や紛らわしい文字が混ぜられています",
    "Hidden or look-alike characters are mixed into the subject or sender name",
  ),
  explanation: localized(
    "件名や差出人の表示名に、画面には表示されない文字や、普通の英字に似せた特殊な文字が使われています。人には普通に読めても、迷惑メールフィルターをすり抜けるための細工で、正規の企業がこのような書き方をすることはまずありません。メール内のリンクや添付ファイルは開かないでください。",
    "The subject or the sender's display name contains characters that are not shown on screen, or special characters made to look like ordinary letters. It reads normally to a person but slips past spam filters; real companies practically never write like this. Do not open the links or attachments in this mail.",
  ),
  check,
});
