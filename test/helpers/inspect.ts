/** Runs the attachment content inspection on bytes, with default or overridden limits, for tests. */
import { inspectContent, type ContentInspection } from "../../src/core/attachments/content/inspect.js";
import { resolveLimits, type Limits } from "../../src/core/options.js";

export function inspect(bytes: Uint8Array | string, limits: Partial<Limits> = {}): ContentInspection {
  const resolved = resolveLimits(limits);
  const input = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  return inspectContent(input, resolved, { inflate: resolved.maxInflatedBytes });
}

/** "code=detail" for each indicator. */
export function facts(inspection: ContentInspection): string[] {
  return inspection.indicators.map((i) => (i.detail === undefined ? i.code : `${i.code}=${i.detail}`));
}

export function names(inspection: ContentInspection): string[] {
  return inspection.entries.map((e) => e.name);
}

export function notes(inspection: ContentInspection): string[] {
  return inspection.notes.map((n) => n.text.en);
}
