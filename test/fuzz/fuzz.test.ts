/**
 * A few thousand runs of the mutation fuzzer (scripts/fuzz/engine.js, the engine of `npm run
 * fuzz`) inside `npm test`, over the source: bit flips, truncation, boundary, header and encoding
 * mangling and huge repetitions of the corpus mails and the synthetic seeds. No input may throw,
 * take a second, or end in an internal error the analysis caught; and every parser must have
 * been reached often enough for the run to mean something (non-vacuity).
 *
 * The corpora are not in the repository (../shared/corpora; CI has them): without them this test
 * fails rather than skips, like test/corpora/malformed.test.ts. Some attachments are live
 * malware: the engine only reads bytes and keeps mutated inputs in memory.
 *
 * Smaller than `npm run fuzz` to stay well under a minute: seed mails up to 64 KB (the full run
 * uses every corpus file, so its input numbers differ), inputs up to 128 KB. A failure prints
 * the input's number, seed mail and mutations.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CORPUS_FOLDERS, generate, LIMIT_MS, loadSeeds, newCounts, observe, parserCounts, runInput, seedsFingerprint } from "../../scripts/fuzz/engine.js";
import { parseConfig } from "../../src/core/config.js";
import { analyzeEml } from "../../src/hosts/eml/index.js";
import { nodeCountryLookup } from "../../src/hosts/node/geo.js";
import { CORPORA, requireCorpusDir } from "../helpers/corpora.js";

const SEED = 20261126;
const RUNS = 2000;
const MAX_SEED_BYTES = 64 * 1024;
const MAX_INPUT_BYTES = 128 * 1024;
/** Each parser must have been reached by at least this many inputs. */
const AT_LEAST = 15;

describe("mutation fuzzing (a quick run; `npm run fuzz` for long ones)", () => {
  it(`${RUNS} mutated mails: no throw, no caught internal error, none over ${LIMIT_MS} ms, every parser reached`, async () => {
    for (const name of CORPUS_FOLDERS) requireCorpusDir(name);
    const seeds = loadSeeds(CORPORA, { maxBytes: MAX_SEED_BYTES });
    const parsed = parseConfig(readFileSync(new URL("../../samples/config.example.json", import.meta.url), "utf8"));
    if (!parsed.ok) throw new Error("samples/config.example.json does not validate");
    const counts = newCounts();
    const failures: string[] = [];
    const clock = (): number => performance.now();

    // Compile the whole path once, so the first input is not charged for it.
    await analyzeEml("From: a@example.jp\r\nSubject: warm-up\r\n\r\nhttp://example.jp/\r\n");
    for (let index = 0; index < RUNS; index++) {
      const input = generate(seeds, SEED, index, { maxBytes: MAX_INPUT_BYTES });
      const options = { config: input.configured ? parsed.config : undefined, lookupCountry: nodeCountryLookup, clock, unpadded: input.unpadded };
      const result = await runInput(analyzeEml, input.bytes, options);
      // Over the limit once may be a cold code path, a GC pause or the other test files on the
      // CPUs: the best of three decides, as in `npm run fuzz`.
      let ms = result.ms;
      for (let k = 0; k < 2 && !result.error && ms > LIMIT_MS; k++) ms = Math.min(ms, (await runInput(analyzeEml, input.bytes, options)).ms);
      const where = `input ${index} (from ${input.seed}; ${input.ops.join(", ")}; ${input.bytes.length} bytes)`;
      if (result.error) failures.push(`${where}: ${result.error}`);
      else if (ms > LIMIT_MS) failures.push(`${where}: ${ms.toFixed(0)} ms, best of 3`);
      if (result.analysis) observe(counts, result.analysis, result.stages);
    }

    const reached = parserCounts(counts);
    console.info(`fuzz: seed ${SEED}, ${RUNS} runs; ${seedsFingerprint(seeds)}; reached: ${JSON.stringify(reached)}`);
    expect(failures, `${failures.join("\n")}\n(seed ${SEED}; seed mails up to ${MAX_SEED_BYTES} bytes, inputs up to ${MAX_INPUT_BYTES} bytes: scripts/fuzz/engine.js generate())`).toEqual([]);
    for (const [parser, count] of Object.entries(reached)) expect(count, `${parser} reached by only ${count} inputs`).toBeGreaterThanOrEqual(AT_LEAST);
  });
});
