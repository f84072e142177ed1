import type { AttachmentInfo, Evidence } from "../../analysis.js";
import type { RuleContext } from "../../context.js";
import { diagnostic } from "../../diagnostics.js";
import { evidence, LABEL } from "../../evidence.js";
import type { Localized } from "../../i18n.js";
import { isInlineImage, visibleName } from "../../attachments/names.js";
import type { ContentInspection } from "../../attachments/content/inspect.js";
import { describeKind } from "../../attachments/content/kinds.js";
import type { ContentIndicator, IndicatorCode } from "../../attachments/content/scope.js";

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

/** The content inspection of an attachment; undefined when the host gave no bytes. */
export function contentOf(context: RuleContext, attachment: AttachmentInfo): ContentInspection | undefined {
  return context.attachmentContent[attachment.index];
}

export function indicatorsOf(inspection: ContentInspection | undefined, ...codes: readonly IndicatorCode[]): ContentIndicator[] {
  return inspection ? inspection.indicators.filter((i) => codes.includes(i.code)) : [];
}

/** "Content: Word document (OOXML)". */
export function contentEvidence(inspection: ContentInspection): Evidence {
  return evidence(LABEL.content, describeKind(inspection.kind));
}

/** Evidence items for indicators (their details), at most `max`, then how many more. */
export function indicatorEvidence(label: Localized, indicators: readonly ContentIndicator[], max = 10): Evidence[] {
  const details = [...new Set(indicators.map((i) => i.detail).filter((d): d is string => d !== undefined && d !== ""))];
  const out = details.slice(0, max).map((d) => evidence(label, d));
  if (details.length > max) out.push(evidence(label, `+${details.length - max}`));
  return out;
}
