import type { Analysis } from "../core/analysis.js";
import type { analyze } from "../core/analyze.js";
import type { digestAttachments } from "../core/attachments/digest.js";
import type { Config } from "../core/config.js";
import type { CountryLookup } from "../core/geo/index.js";
import type { AnalyzeOptions } from "../core/options.js";
import type { ReadMessage } from "../hosts/outlook/read-message.js";

/**
 * One check of one message, and the rule that keeps the pinned pane honest: every check gets a
 * number, and a result that arrives after a newer check started (the person selected another
 * mail while Outlook was still handing over the first) is dropped, never shown or written into
 * the notification bar of the wrong mail.
 */

export type PaneState =
  | { readonly kind: "loading" }
  | { readonly kind: "no-item" }
  | { readonly kind: "analysis"; readonly analysis: Analysis; readonly read: ReadMessage }
  | { readonly kind: "error"; readonly detail: string };

export interface CheckerDeps<Item> {
  readonly read: (item: Item) => Promise<ReadMessage>;
  readonly analyze: typeof analyze;
  readonly digestAttachments: typeof digestAttachments;
  readonly config?: Config;
  /** The country table, loaded on first need (see ./geo.ts). */
  readonly loadGeo: () => Promise<CountryLookup | undefined>;
  readonly render: (state: PaneState, check: number) => void;
  /** Writes (or clears) the notification bar line of the checked item. */
  readonly notify: (item: Item, analysis: Analysis) => Promise<void>;
  readonly now?: () => Date;
}

/** The origin hop is known but has no country yet: only the offline table can place it. */
export function needsCountry(analysis: Analysis): boolean {
  const origin = analysis.route.origin;
  return origin !== undefined && origin.ip !== "" && origin.country === undefined;
}

/** Marks each stage as a performance measure ("ctm:read", "ctm:analyze", ...): the bench reads them. */
function measure(name: string, start: number): void {
  try {
    performance.measure(`ctm:${name}`, { start, end: performance.now() });
  } catch {
    // User Timing is optional: never let it break a check.
  }
}

export class Checker<Item> {
  private current = 0;
  /** The country table once loaded: later mails use it from the start (one analysis, not two). */
  private lookupCountry: CountryLookup | undefined;

  constructor(private readonly deps: CheckerDeps<Item>) {}

  /** The number of the latest check started. */
  get latest(): number {
    return this.current;
  }

  /** Checks `item` (null: nothing selected). Resolves with the analysis shown, or undefined when none was (stale, no item, failure). */
  async check(item: Item | null): Promise<Analysis | undefined> {
    const check = ++this.current;
    const stale = (): boolean => check !== this.current;
    const { deps } = this;
    if (item === null) {
      deps.render({ kind: "no-item" }, check);
      return undefined;
    }
    deps.render({ kind: "loading" }, check);
    try {
      let t = performance.now();
      const read = await deps.read(item);
      measure("read", t);
      if (stale()) return undefined;
      t = performance.now();
      const attachmentDigests = await deps.digestAttachments(read.snapshot);
      measure("digest", t);
      if (stale()) return undefined;
      const options: AnalyzeOptions = { config: deps.config, now: deps.now, attachmentDigests, lookupCountry: this.lookupCountry };
      t = performance.now();
      let analysis = deps.analyze(read.snapshot, options);
      measure("analyze", t);
      if (this.lookupCountry === undefined && needsCountry(analysis)) {
        t = performance.now();
        this.lookupCountry = await deps.loadGeo();
        measure("geo", t);
        if (stale()) return undefined;
        if (this.lookupCountry) analysis = deps.analyze(read.snapshot, { ...options, lookupCountry: this.lookupCountry });
      }
      t = performance.now();
      deps.render({ kind: "analysis", analysis, read }, check);
      measure("render", t);
      // The notification bar is best effort: a client without it still has the pane.
      await deps.notify(item, analysis).catch(() => undefined);
      return analysis;
    } catch (error) {
      if (!stale()) deps.render({ kind: "error", detail: error instanceof Error ? error.message : String(error) }, check);
      return undefined;
    }
  }
}
