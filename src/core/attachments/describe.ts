import type { AttachmentInfo } from "../analysis.js";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import type { Limits } from "../options.js";
import type { MessageSnapshot } from "../snapshot.js";

/** Final extension, lower-case, without trailing dots/spaces that Windows strips anyway. */
export function extensionOf(name: string): string {
  const trimmed = trimEndWhere(name, (c) => c === "." || /\s/.test(c));
  const dot = trimmed.lastIndexOf(".");
  return dot < 0 || dot === trimmed.length - 1 ? "" : trimmed.slice(dot + 1).toLowerCase();
}

/** Drops trailing characters matching `drop` (a loop, not a regex: linear on hostile names). */
export function trimEndWhere(text: string, drop: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1]!)) end--;
  return text.slice(0, end);
}

export function describeAttachments(
  snapshot: MessageSnapshot,
  limits: Limits,
  report: (d: Diagnostic) => void,
): AttachmentInfo[] {
  const all = snapshot.attachments;
  if (all.length > limits.maxAttachments) report(diagnostic("TOO_MANY_ATTACHMENTS", "warning", { limit: limits.maxAttachments }));
  if (all.length > 0 && snapshot.available.attachmentContent === false) report(diagnostic("NO_ATTACHMENT_CONTENT", "info"));
  return all.slice(0, limits.maxAttachments).map((a, index) => {
    const name = a.name ?? "";
    return {
      index,
      name,
      declaredType: a.declaredType,
      size: a.size,
      inline: a.inline,
      extension: extensionOf(name),
      contentAvailable: a.bytes !== undefined,
    };
  });
}
