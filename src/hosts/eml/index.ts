import { analyze } from "../../core/analyze.js";
import type { Analysis } from "../../core/analysis.js";
import type { AnalyzeOptions } from "../../core/options.js";
import { digestAttachments } from "../../core/attachments/digest.js";
import type { Stage, StageTimings } from "../../core/timing.js";
import { snapshotFromEml } from "./snapshot.js";

export { snapshotFromEml, type EmlOptions } from "./snapshot.js";

/**
 * Parses an .eml (bytes or text) and analyses it, with the attachments' SHA-256 (the one
 * asynchronous step: WebCrypto). Never rejects on bad mail.
 */
export async function analyzeEml(input: Uint8Array | ArrayBuffer | string, options: AnalyzeOptions = {}): Promise<Analysis> {
  const timed = asyncStage(options.timings);
  const snapshot = await timed("mime", () => snapshotFromEml(input, { maxInputBytes: options.limits?.maxInputBytes }));
  const attachmentDigests = options.attachmentDigests ?? (await timed("digest", () => digestAttachments(snapshot, options.limits?.maxAttachments)));
  return analyze(snapshot, { ...options, attachmentDigests });
}

/** AnalyzeOptions.timings for the asynchronous steps before analyze() (wall time, awaits included). */
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
