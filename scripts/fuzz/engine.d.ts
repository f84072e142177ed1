// Types of engine.js for the fuzz test in `npm test` (test/fuzz/fuzz.test.ts); the engine itself
// is plain JavaScript so that `npm run fuzz` runs it over lib/ without a TypeScript step.
import type { Analysis, AnalyzeOptions, Config, Stage } from "../../src/index.js";

export interface Seed {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface Input {
  readonly bytes: Uint8Array;
  /** The seed it was made from. */
  readonly seed: string;
  /** The mutations applied, in order. */
  readonly ops: readonly string[];
  /** Analyse it with the example organisation's configuration. */
  readonly configured: boolean;
  /** When the last mutation padded the mail past a limit: the mail before it (runInput's reference). */
  readonly unpadded?: Uint8Array;
}

export interface Counts {
  inputs: number;
  mimeParsed: number;
  html: number;
  received: number;
  receivedParsed: number;
  authResults: number;
  links: number;
  linksHtml: number;
  linksText: number;
  linksAttachment: number;
  attachments: number;
  kinds: Record<string, number>;
  findings: Record<string, number>;
  diagnostics: Record<string, number>;
}

export interface RunResult {
  readonly ms: number;
  readonly analysis?: Analysis;
  readonly stages: ReadonlySet<Stage>;
  /** A throw, or an internal error the analysis caught (RULE_FAILED, an attachment reader's last-resort catch). */
  readonly error?: string;
  readonly threw?: boolean;
}

export const CORPUS_FOLDERS: readonly ("phish" | "ham" | "malformed" | "headers")[];
export const LIMIT_MS: number;
export const DEFAULT_MAX_BYTES: number;
export const READERS: Readonly<Record<string, readonly string[]>>;

export function inputSeed(seed: number, index: number): number;
export function loadSeeds(corpora: string, options?: { maxBytes?: number; folders?: readonly string[] }): Seed[];
export function seedsFingerprint(seeds: readonly Seed[]): string;
export function generate(seeds: readonly Seed[], seed: number, index: number, options?: { maxBytes?: number }): Input;
export function newCounts(): Counts;
export function observe(counts: Counts, analysis: Analysis, stages: ReadonlySet<Stage>): void;
export function mergeCounts(into: Counts, from: Counts): Counts;
export function readerCounts(counts: Counts): Record<string, number>;
export function parserCounts(counts: Counts): Record<string, number>;
export function runInput(
  analyzeEml: (input: Uint8Array, options?: AnalyzeOptions) => Promise<Analysis>,
  bytes: Uint8Array,
  options: { config?: Config; lookupCountry?: (ip: string) => string | undefined; clock: () => number; unpadded?: Uint8Array },
): Promise<RunResult>;
