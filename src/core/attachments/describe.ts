import type { AttachmentContent, AttachmentInfo } from "../analysis.js";
import { diagnostic, localizedDiagnostic, type Diagnostic } from "../diagnostics.js";
import type { Limits } from "../options.js";
import type { MessageSnapshot } from "../snapshot.js";
import { inspectContent, type ContentInspection } from "./content/inspect.js";
import { describeKind } from "./content/kinds.js";
import type { Budget } from "./content/scope.js";
import { extensionOf } from "./extension.js";
import { visibleName } from "./names.js";

export { extensionOf, trimEndWhere } from "./extension.js";

/** Entries listed per attachment in the analysis (the checks see all of them, up to Limits.maxArchiveEntries). */
export const MAX_REPORTED_ENTRIES = 100;

export interface DescribedAttachments {
  readonly attachments: readonly AttachmentInfo[];
  /** The full content inspection of each attachment, by index; undefined where the host gave no bytes. */
  readonly inspections: readonly (ContentInspection | undefined)[];
}

function label(name: string, index: number): string {
  return name === "" ? `#${index + 1}` : visibleName(name);
}

function summary(inspection: ContentInspection): AttachmentContent {
  return {
    kind: inspection.kind,
    description: describeKind(inspection.kind),
    entries: inspection.entries.slice(0, MAX_REPORTED_ENTRIES).map((e) => ({ ...e, name: visibleName(e.name) })),
    entryCount: inspection.entries.length,
    indicators: inspection.indicators,
    complete: inspection.notes.length === 0,
  };
}

/**
 * The attachments as the rules see them: name facts, and — when the host gave the bytes —
 * what the content is (see content/inspect.ts). One decompression budget serves the whole
 * message, so a mail of a hundred small zip bombs costs no more than one.
 */
export function describeAttachments(
  snapshot: MessageSnapshot,
  limits: Limits,
  report: (d: Diagnostic) => void,
  digests: readonly (string | undefined)[] = [],
): DescribedAttachments {
  const all = snapshot.attachments;
  if (all.length > limits.maxAttachments) report(diagnostic("TOO_MANY_ATTACHMENTS", "warning", { limit: limits.maxAttachments }));
  if (all.length > 0 && snapshot.available.attachmentContent === false) report(diagnostic("NO_ATTACHMENT_CONTENT", "info"));
  const budget: Budget = { inflate: limits.maxInflatedBytes };
  const inspections: (ContentInspection | undefined)[] = [];
  const attachments = all.slice(0, limits.maxAttachments).map((a, index): AttachmentInfo => {
    const name = a.name ?? "";
    const inspection = a.bytes === undefined ? undefined : inspectContent(a.bytes, limits, budget);
    inspections.push(inspection);
    for (const note of inspection?.notes ?? []) {
      const code = note.level === "limit" ? "ATTACHMENT_CONTENT_LIMIT" : "ATTACHMENT_CONTENT_UNREADABLE";
      report(localizedDiagnostic(code, "warning", { name: label(name, index), what: note.text }, note.detail));
    }
    const sha256 = digests[index];
    return {
      index,
      name,
      declaredType: a.declaredType,
      size: a.size,
      inline: a.inline,
      extension: extensionOf(name),
      contentAvailable: a.bytes !== undefined,
      ...(sha256 === undefined ? {} : { sha256 }),
      ...(inspection === undefined ? {} : { content: summary(inspection) }),
    };
  });
  return { attachments, inspections };
}

/**
 * The attachments with their SHA-256 filled in, for digests that finished after the analysis
 * (analyzeEml hashes while it analyses). Same fields in the same order as describeAttachments
 * writes them, so the JSON output does not depend on which way the hashes came.
 */
export function withDigests(attachments: readonly AttachmentInfo[], digests: readonly (string | undefined)[]): AttachmentInfo[] {
  return attachments.map((a) => {
    const sha256 = digests[a.index];
    if (sha256 === undefined) return a;
    const { content, ...facts } = a;
    return { ...facts, sha256, ...(content === undefined ? {} : { content }) };
  });
}
