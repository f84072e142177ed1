/**
 * Optional per-stage timing of one analysis, for the benchmarks (bench/) and the fuzzer's
 * non-vacuity counts (scripts/fuzz.js). Off by default, and then free: `stageTimer(undefined)`
 * calls the work directly. The core has no clock of its own (it is pure), so the host passes one.
 */

/** The stages of one analysis, in the order they usually run. */
export type Stage =
  /** The .eml host: postal-mime parse, header block, address fields (analyzeEml only). */
  | "mime"
  /** SHA-256 of the attachments (analyzeEml only): the wait after the analysis, WebCrypto hashing alongside it in its own thread. */
  | "digest"
  /** From address and its domain. */
  | "sender"
  /** parse5 parse of the HTML body and the walk over its tree (only for a mail with an HTML body). */
  | "html"
  /** Links, forms and targets built from the body (the HTML scan or the plain-text URLs). */
  | "body"
  /** Attachment names and content inspection (archives, PDF, OLE, OOXML, RTF, HTML...). */
  | "attachments"
  /** The Received chain: parsing, origin hop, countries. */
  | "route"
  /** Authentication-Results and ARC: parsing and which to trust. */
  | "authentication"
  /** The rules themselves, without the shared facts they asked for (those are their own stages). */
  | "rules"
  /** The rest of analyze(): options, organisation, sorting and assembling the result. */
  | "analyze";

export interface StageTimings {
  /** A monotonic clock in milliseconds (performance.now in every host). */
  readonly clock: () => number;
  /** Called once per stage run with its exclusive time: time spent in stages nested inside it is not counted twice. */
  readonly record: (stage: Stage, ms: number) => void;
}

/** Runs `compute` as `stage`. */
export type Timed = <T>(stage: Stage, compute: () => T) => T;

const untimed: Timed = (_stage, compute) => compute();

/**
 * A timer for one analysis. Stages nest (the rules ask for the body, the body asks for the
 * attachments' link targets): each stage records only its own time.
 */
export function stageTimer(timings: StageTimings | undefined): Timed {
  if (timings === undefined) return untimed;
  const { clock, record } = timings;
  // Time spent in stages nested in the one running now.
  let nested = 0;
  return (stage, compute) => {
    const outer = nested;
    nested = 0;
    const start = clock();
    try {
      return compute();
    } finally {
      const elapsed = clock() - start;
      record(stage, elapsed - nested);
      nested = outer + elapsed;
    }
  };
}
