import { analyze } from "../../core/analyze.js";
import type { Analysis } from "../../core/analysis.js";
import { resolveLimits, type AnalyzeOptions } from "../../core/options.js";
import { digestAttachments, type Sha256 } from "../../core/attachments/digest.js";
import { withDigests } from "../../core/attachments/describe.js";
import type { MessageSnapshot } from "../../core/snapshot.js";
import type { Stage, StageTimings } from "../../core/timing.js";
import { snapshotFromEml } from "./snapshot.js";

export { snapshotFromEml, type EmlOptions } from "./snapshot.js";

export interface EmlAnalyzeOptions extends AnalyzeOptions {
  /** The attachments' SHA-256: default WebCrypto, which copies each attachment first (the Node entry point's analyzeEml defaults to node:crypto). */
  readonly sha256?: Sha256;
  /** Given the snapshot once it is read: a report made from the same mail reuses it instead of parsing the mail again. */
  readonly onSnapshot?: (snapshot: MessageSnapshot) => void;
}

/**
 * Parses an .eml (bytes or text) and analyses it, with the attachments' SHA-256 (the one
 * asynchronous step). Never rejects on bad mail.
 */
export async function analyzeEml(input: Uint8Array | ArrayBuffer | string, options: EmlAnalyzeOptions = {}): Promise<Analysis> {
  // Checked before the mail is read, not only by analyze(): a limit of the wrong type ("64MB")
  // would otherwise leave this host reading the whole input first.
  const limits = resolveLimits(options.limits);
  const timed = asyncStage(options.timings);
  const snapshot = await timed("mime", () =>
    snapshotFromEml(input, {
      maxInputBytes: limits.maxInputBytes,
      maxInputLines: limits.maxInputLines,
      maxMimeParts: limits.maxMimeParts,
      maxHeaderLines: limits.maxHeaderLines,
    }),
  );
  options.onSnapshot?.(snapshot);
  if (options.attachmentDigests) return analyze(snapshot, options);
  // WebCrypto hashes in a thread of its own (Node's thread pool, the browser's crypto thread), and
  // copies the bytes when called: start it, analyse meanwhile, then fill the hashes in. No check
  // reads them (see attachments/digest.ts).
  // A hash that is not WebCrypto's (node:crypto) does its work in this call: that is digest time too.
  const clock = options.timings?.clock;
  const startedAt = clock?.();
  const digests = digestAttachments(snapshot, limits.maxAttachments, options.sha256);
  if (startedAt !== undefined) options.timings!.record("digest", clock!() - startedAt);
  const analysis = analyze(snapshot, options);
  const attachmentDigests = await timed("digest", () => digests);
  return attachmentDigests.some((d) => d !== undefined) ? { ...analysis, attachments: withDigests(analysis.attachments, attachmentDigests) } : analysis;
}

/** AnalyzeOptions.timings for the asynchronous steps around analyze() (wall time, awaits included: "digest" is the hashing started before the analysis plus the wait after it). */
function asyncStage(timings: StageTimings | undefined): <T>(stage: Stage, run: () => Promise<T>) => Promise<T> {
  if (timings === undefined) return (_stage, run) => run();
  return async (stage, run) => {
    const start = timings.clock();
    try {
      return await run();
    } finally {
      timings.record(stage, timings.clock() - start);
    }
  };
}
