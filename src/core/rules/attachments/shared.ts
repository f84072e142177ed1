import type { AttachmentInfo, Evidence } from "../../analysis.js";
import type { RuleContext } from "../../context.js";
import { diagnostic } from "../../diagnostics.js";
import { evidence, LABEL } from "../../evidence.js";
import { isInlineImage, visibleName } from "../../attachments/names.js";

/** The attachments the rules look at: everything except pictures shown inside the body. */
export function checkedAttachments(context: RuleContext): readonly AttachmentInfo[] {
  return context.attachments.filter((a) => !isInlineImage(a));
}

/** "1234567" → "1,234,567": written by hand so the output never depends on the machine's locale. */
export function formatSize(bytes: number): string {
  const digits = String(Math.max(0, Math.trunc(bytes)));
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return `${out} B`;
}

/** How the evidence names an attachment: its name with hidden characters made visible, or its number. */
export function attachmentLabel(attachment: AttachmentInfo): string {
  return attachment.name === "" ? `#${attachment.index + 1}` : visibleName(attachment.name);
}

/** The evidence every attachment finding carries: name, declared type, size (then anything rule-specific). */
export function attachmentEvidence(attachment: AttachmentInfo, ...extra: readonly Evidence[]): Evidence[] {
  const out: Evidence[] = [
    attachment.name === "" ? evidence(LABEL.unnamedAttachment, attachmentLabel(attachment)) : evidence(LABEL.attachment, attachmentLabel(attachment)),
  ];
  if (attachment.declaredType !== "") out.push(evidence(LABEL.declaredType, attachment.declaredType));
  out.push(evidence(LABEL.size, formatSize(attachment.size)), ...extra);
  return out;
}

/**
 * Says that a content check was not done for this attachment. Every rule that needs the same
 * look inside passes the same list, so one attachment yields one diagnostic (the context drops
 * exact duplicates), not one per rule.
 */
export function reportContentNotInspected(context: RuleContext, attachment: AttachmentInfo, rules: readonly string[]): void {
  context.report(diagnostic("ATTACHMENT_CONTENT_NOT_INSPECTED", "warning", { name: attachmentLabel(attachment), rules: rules.join(", ") }));
}
