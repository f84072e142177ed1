import { analyze } from "../../core/analyze.js";
import type { Analysis } from "../../core/analysis.js";
import type { AnalyzeOptions } from "../../core/options.js";
import { digestAttachments } from "../../core/attachments/digest.js";
import { snapshotFromEml } from "./snapshot.js";

export { snapshotFromEml, type EmlOptions } from "./snapshot.js";

/**
 * Parses an .eml (bytes or text) and analyses it, with the attachments' SHA-256 (the one
 * asynchronous step: WebCrypto). Never rejects on bad mail.
 */
export async function analyzeEml(input: Uint8Array | ArrayBuffer | string, options: AnalyzeOptions = {}): Promise<Analysis> {
  const snapshot = await snapshotFromEml(input, { maxInputBytes: options.limits?.maxInputBytes });
  const attachmentDigests = options.attachmentDigests ?? (await digestAttachments(snapshot, options.limits?.maxAttachments));
  return analyze(snapshot, { ...options, attachmentDigests });
}
