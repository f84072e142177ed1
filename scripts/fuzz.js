#!/usr/bin/env node
// Seeded mutation fuzzer over the mail corpora (../shared/corpora) and synthetic seed mails:
// analyzeEml must never throw and never take more than a second on one input.
//   npm run fuzz -- [--runs N] [--seed S] [--from I] [--jobs J] [--out DIR]
//   npm run fuzz -- --seed S --replay I [--write]     one input again, with what was done to it
//   npm run fuzz -- --file PATH                       a saved input
// Input I of seed S is the same on every machine with the same corpora (the seed list's
// fingerprint is printed), so `--from` splits a long campaign across invocations.
// Runs the compiled library (lib/): the npm script builds it first.
//
// The corpora hold live malware: inputs live in memory only. A failing input is written, as the
// whole mail, to --out (a temporary folder outside the repository), never opened or run.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { clearInterval, setInterval } from "node:timers";
import { fileURLToPath } from "node:url";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { DEFAULT_MAX_BYTES, LIMIT_MS, generate, loadSeeds, mergeCounts, newCounts, observe, parserCounts, runInput, seedsFingerprint } from "./fuzz/engine.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const LIB = new URL("../lib/index.js", import.meta.url).href;
const CONFIG = join(ROOT, "samples/config.example.json");
/** A worker stuck this long on one input is stopped, and the input reported as a hang. */
const HANG_MS = 60_000;
const PROGRESS_MS = 10_000;
const SLOWEST = 10;

async function loadLibrary() {
  try {
    const lib = await import(LIB);
    const parsed = lib.parseConfig(readFileSync(CONFIG, "utf8"));
    if (!parsed.ok) throw new Error(`${CONFIG}: ${JSON.stringify(parsed.errors)}`);
    return { analyzeEml: lib.analyzeEml, lookupCountry: lib.nodeCountryLookup, config: parsed.config };
  } catch (error) {
    throw new Error(`Cannot load lib/ (run "npm run build:lib"): ${error.message}`, { cause: error });
  }
}

const clock = () => performance.now();

/**
 * The best of three timings of an input, in this process with the workers finished: an input
 * over the limit in a worker may have met a GC pause or a busy machine (the workers share the
 * CPUs), and only one that is slow alone is a failure.
 */
async function bestOfThree(lib, input) {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const result = await runInput(lib.analyzeEml, input.bytes, { config: input.configured ? lib.config : undefined, lookupCountry: lib.lookupCountry, clock, unpadded: input.unpadded });
    if (result.error) return { ms: result.ms, error: result.error };
    best = Math.min(best, result.ms);
  }
  return { ms: best };
}

function saveInput(out, seed, index, bytes) {
  mkdirSync(out, { recursive: true, mode: 0o700 });
  const file = join(out, `seed-${seed}-input-${index}.eml`);
  writeFileSync(file, bytes, { mode: 0o600 });
  return file;
}

const replayCommand = (seed, index) => `npm run fuzz -- --seed ${seed} --replay ${index}`;

// ---------------------------------------------------------------------------------------------
// Worker: runs inputs from, from + step, from + 2 step ... below `to`.

async function worker() {
  const { job, jobs, seed, from, to, corpora, maxBytes, out, shared } = workerData;
  const lib = await loadLibrary();
  const seeds = loadSeeds(corpora);
  const watch = new Float64Array(shared);
  const counts = newCounts();
  const slowest = [];
  let done = 0;
  let lastPost = clock();
  for (let index = from; index < to; index += jobs) {
    // Marked before the input is made: a crash in the generator is put down to this input too.
    watch[job * 2] = index;
    watch[job * 2 + 1] = Date.now();
    const input = generate(seeds, seed, index, { maxBytes });
    const result = await runInput(lib.analyzeEml, input.bytes, { config: input.configured ? lib.config : undefined, lookupCountry: lib.lookupCountry, clock, unpadded: input.unpadded });
    watch[job * 2 + 1] = 0;
    done++;
    if (result.analysis) observe(counts, result.analysis, result.stages);
    const entry = { index, ms: result.ms, seed: input.seed, ops: input.ops, bytes: input.bytes.length };
    if (slowest.length < SLOWEST || result.ms > slowest.at(-1).ms) {
      slowest.push(entry);
      slowest.sort((a, b) => b.ms - a.ms);
      slowest.length = Math.min(slowest.length, SLOWEST);
    }
    if (result.error) {
      const file = saveInput(out, seed, index, input.bytes);
      parentPort.postMessage({ type: "failure", failure: { ...entry, reason: result.error, file } });
    } else if (result.ms > LIMIT_MS) {
      // Timed again alone once the workers are done (bestOfThree).
      parentPort.postMessage({ type: "slow", entry });
    }
    if (clock() - lastPost > 1000 || index + jobs >= to) {
      parentPort.postMessage({ type: "progress", job, done, counts, slowest });
      lastPost = clock();
    }
  }
  parentPort.postMessage({ type: "done", job, done, counts, slowest });
}

// ---------------------------------------------------------------------------------------------
// Main: argument parsing, the workers and their watchdog, the report.

function parseArgs(argv) {
  const args = { runs: 10_000, seed: undefined, from: 0, jobs: Math.min(2, availableParallelism()), out: undefined, corpora: join(ROOT, "../shared/corpora"), maxBytes: DEFAULT_MAX_BYTES };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const number = () => {
      const n = Number(value());
      if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${arg} needs a whole number`);
      return n;
    };
    if (arg === "--runs") args.runs = number();
    else if (arg === "--seed") args.seed = number() >>> 0;
    else if (arg === "--from") args.from = number();
    else if (arg === "--jobs") args.jobs = Math.max(1, number());
    else if (arg === "--replay") args.replay = number();
    else if (arg === "--write") args.write = true;
    else if (arg === "--file") args.file = value();
    else if (arg === "--out") args.out = value();
    else if (arg === "--corpora") args.corpora = value();
    else if (arg === "--max-bytes") args.maxBytes = number();
    else if (arg === "--help" || arg === "-h") args.help = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  args.seed ??= (Date.now() ^ (process.pid << 16)) >>> 0;
  args.out ??= join(tmpdir(), `ctm-fuzz-${args.seed}`);
  return args;
}

const n = (v) => v.toLocaleString("en-US");

function printCounts(counts) {
  console.log("non-vacuity (inputs that reached each parser):");
  for (const [name, count] of Object.entries(parserCounts(counts))) console.log(`  ${name.padEnd(34)} ${n(count).padStart(9)}  ${((100 * count) / Math.max(1, counts.inputs)).toFixed(1).padStart(5)} %`);
  const kinds = Object.entries(counts.kinds).sort((a, b) => b[1] - a[1]);
  console.log(`  attachment content kinds (inputs): ${kinds.map(([k, v]) => `${k} ${n(v)}`).join(", ")}`);
  const diagnostics = Object.entries(counts.diagnostics).sort((a, b) => b[1] - a[1]);
  console.log(`  diagnostics (inputs): ${diagnostics.map(([k, v]) => `${k} ${n(v)}`).join(", ")}`);
  console.log(`  rules that fired: ${Object.keys(counts.findings).length}`);
}

async function replay(args) {
  const lib = await loadLibrary();
  let input;
  if (args.file) {
    const file = readFileSync(args.file);
    input = { bytes: new Uint8Array(file.buffer, file.byteOffset, file.length), seed: args.file, ops: [], configured: false };
  } else {
    const seeds = loadSeeds(args.corpora);
    console.log(`seed ${args.seed}, input ${args.replay}; corpus: ${seedsFingerprint(seeds)}`);
    input = generate(seeds, args.seed, args.replay, { maxBytes: args.maxBytes });
    console.log(`from ${input.seed}, mutations: ${input.ops.join(", ")}, ${n(input.bytes.length)} bytes${input.configured ? ", with samples/config.example.json" : ""}`);
    if (args.write) console.log(`written to ${saveInput(args.out, args.seed, args.replay, input.bytes)}`);
  }
  const times = [];
  let result;
  for (let k = 0; k < 3; k++) {
    result = await runInput(lib.analyzeEml, input.bytes, { config: input.configured ? lib.config : undefined, lookupCountry: lib.lookupCountry, clock, unpadded: input.unpadded });
    times.push(result.ms);
  }
  console.log(`times: ${times.map((t) => `${t.toFixed(1)} ms`).join(", ")}`);
  if (result.analysis) {
    const a = result.analysis;
    console.log(`verdict ${a.verdict}; ${a.findings.length} findings; ${a.links.length} links; ${a.route.hops.length} hops; ${a.authentication.results.length} auth results; attachments: ${a.attachments.map((x) => x.content?.kind ?? "-").join(", ") || "none"}`);
    console.log(`diagnostics: ${a.diagnostics.map((d) => d.code).join(", ")}`);
  }
  if (result.error) {
    console.log(`FAILURE: ${result.error}`);
    process.exitCode = 1;
  } else if (Math.min(...times) > LIMIT_MS) {
    console.log(`FAILURE: slower than ${LIMIT_MS} ms`);
    process.exitCode = 1;
  } else console.log("ok");
}

async function campaign(args) {
  const to = args.from + args.runs;
  const seeds = loadSeeds(args.corpora);
  console.log(`fuzz: seed ${args.seed}, inputs ${n(args.from)}..${n(to - 1)} (${n(args.runs)} runs), ${args.jobs} worker(s), per-input limit ${LIMIT_MS} ms, inputs up to ${n(args.maxBytes)} bytes`);
  console.log(`corpus: ${args.corpora}: ${seedsFingerprint(seeds)}`);
  console.log(`failing inputs go to ${args.out}`);
  const shared = new SharedArrayBuffer(args.jobs * 2 * 8);
  const watch = new Float64Array(shared);
  const finished = newCounts();
  const latest = new Array(args.jobs).fill(null);
  const doneBefore = new Array(args.jobs).fill(0);
  const doneNow = new Array(args.jobs).fill(0);
  const slowest = [];
  const failures = [];
  /** Inputs over the limit in a worker, to time again alone. */
  const candidates = [];
  const started = clock();
  const workers = new Array(args.jobs);
  let timer;

  const addSlowest = (list) => {
    for (const e of list) if (!slowest.some((s) => s.index === e.index)) slowest.push(e);
    slowest.sort((a, b) => b.ms - a.ms);
    slowest.length = Math.min(slowest.length, SLOWEST);
  };

  await new Promise((resolveAll) => {
    let running = 0;
    const start = (job, from) => {
      if (from >= to) return;
      running++;
      // No input yet: a worker that dies before its first one is a broken harness, not a finding.
      watch[job * 2] = -1;
      const w = new Worker(new URL(import.meta.url), {
        workerData: { job, jobs: args.jobs, seed: args.seed, from, to, corpora: args.corpora, maxBytes: args.maxBytes, out: args.out, shared },
        resourceLimits: { maxOldGenerationSizeMb: 4096 },
      });
      workers[job] = w;
      let ended = false;
      const retire = () => {
        if (latest[job]) mergeCounts(finished, latest[job]);
        latest[job] = null;
        doneBefore[job] += doneNow[job];
        doneNow[job] = 0;
      };
      const end = () => {
        if (ended) return;
        ended = true;
        running--;
        if (running === 0) resolveAll();
      };
      /** The worker died on input `index` (a hang it was stopped for, or a crash): report it, go on after it. */
      const died = (reason) => {
        const index = watch[job * 2];
        if (index < 0) throw new Error(`fuzz worker ${job} died before its first input: ${reason}`);
        retire();
        let input;
        try {
          input = generate(seeds, args.seed, index, { maxBytes: args.maxBytes });
        } catch (error) {
          // The mutation engine, not the product: reported as such, there is no input to save.
          throw new Error(`the fuzzer's generator fails on input ${index}: ${error.message}`, { cause: error });
        }
        const file = saveInput(args.out, args.seed, index, input.bytes);
        failures.push({ index, ms: NaN, seed: input.seed, ops: input.ops, bytes: input.bytes.length, reason, file });
        console.log(`FAILURE input ${index}: ${reason}\n  ${file}\n  replay: ${replayCommand(args.seed, index)}`);
        doneBefore[job]++;
        watch[job * 2 + 1] = 0;
        end();
        start(job, index + args.jobs);
      };
      w.on("message", (m) => {
        if (m.type === "slow") {
          candidates.push(m.entry);
          return;
        }
        if (m.type === "failure") {
          failures.push(m.failure);
          console.log(`FAILURE input ${m.failure.index} (from ${m.failure.seed}; ${m.failure.ops.join(", ")}): ${m.failure.reason.split("\n").slice(0, 6).join("\n    ")}\n  saved: ${m.failure.file}\n  replay: ${replayCommand(args.seed, m.failure.index)}`);
          return;
        }
        latest[job] = m.counts;
        doneNow[job] = m.done;
        addSlowest(m.slowest);
        if (m.type === "done") {
          retire();
          end();
        }
      });
      w.on("error", (error) => {
        if (!ended) died(`worker crashed: ${error.message}`);
      });
      w.on("exit", (code) => {
        if (!ended && code !== 0 && !w.killedForHang) died(`worker exited with code ${code}`);
        else if (!ended && w.killedForHang) died(`no result after ${HANG_MS / 1000} s (hang)`);
      });
      w.killedForHang = false;
    };
    for (let job = 0; job < args.jobs; job++) start(job, args.from + job);

    let lastReport = clock();
    timer = setInterval(() => {
      for (let job = 0; job < args.jobs; job++) {
        const since = watch[job * 2 + 1];
        if (since !== 0 && Date.now() - since > HANG_MS && workers[job] && !workers[job].killedForHang) {
          workers[job].killedForHang = true;
          void workers[job].terminate();
        }
      }
      if (clock() - lastReport >= PROGRESS_MS) {
        lastReport = clock();
        const done = doneBefore.reduce((a, b) => a + b, 0) + doneNow.reduce((a, b) => a + b, 0);
        const seconds = (clock() - started) / 1000;
        const top = slowest[0];
        console.log(`  ${n(done)}/${n(args.runs)} runs, ${seconds.toFixed(0)} s, ${(done / seconds).toFixed(0)} runs/s, failures ${failures.length}${top ? `, slowest ${top.ms.toFixed(0)} ms (input ${top.index})` : ""}`);
      }
    }, 250);
  });
  clearInterval(timer);

  const seconds = (clock() - started) / 1000;
  const done = doneBefore.reduce((a, b) => a + b, 0);
  if (candidates.length > 0) {
    console.log(`timing ${candidates.length} input(s) that were over ${LIMIT_MS} ms in a worker again, alone (best of 3)...`);
    const lib = await loadLibrary();
    for (const entry of candidates) {
      const input = generate(seeds, args.seed, entry.index, { maxBytes: args.maxBytes });
      const again = await bestOfThree(lib, input);
      const known = slowest.find((s) => s.index === entry.index);
      if (known) known.ms = again.ms;
      if (again.error || again.ms > LIMIT_MS) {
        const file = saveInput(args.out, args.seed, entry.index, input.bytes);
        const reason = again.error ?? `took ${again.ms.toFixed(0)} ms alone, best of 3 (limit ${LIMIT_MS} ms; ${entry.ms.toFixed(0)} ms in the worker)`;
        failures.push({ ...entry, ms: again.ms, reason, file });
        console.log(`FAILURE input ${entry.index} (from ${entry.seed}; ${entry.ops.join(", ")}): ${reason}\n  saved: ${file}\n  replay: ${replayCommand(args.seed, entry.index)}`);
      }
    }
    slowest.sort((a, b) => b.ms - a.ms);
  }
  console.log(`\ndone: seed ${args.seed}, ${n(done)} runs in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(1)} runs/s with ${args.jobs} worker(s)); failures: ${failures.length}; over ${LIMIT_MS} ms in a worker: ${candidates.length}`);
  printCounts(finished);
  console.log(`slowest inputs (those over ${LIMIT_MS} ms in a worker: best of 3 alone):`);
  for (const s of slowest) console.log(`  ${s.ms.toFixed(1).padStart(8)} ms  input ${String(s.index).padEnd(7)} ${n(s.bytes).padStart(10)} bytes  from ${s.seed} (${s.ops.join(", ")})  replay: ${replayCommand(args.seed, s.index)}`);
  if (failures.length > 0) {
    console.log(`\n${failures.length} FAILURE(S):`);
    for (const f of failures) console.log(`  input ${f.index}: ${f.reason.split("\n")[0]}\n    ${f.file}\n    replay: ${replayCommand(args.seed, f.index)}  (or: node scripts/fuzz.js --file ${f.file})`);
    process.exitCode = 1;
  }
}

if (isMainThread) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`fuzz: ${error.message}`);
    process.exit(2);
  }
  if (args.help) {
    console.log("npm run fuzz -- [--runs N] [--seed S] [--from I] [--jobs J] [--out DIR] [--corpora DIR] [--max-bytes N]\nnpm run fuzz -- --seed S --replay I [--write]\nnpm run fuzz -- --file PATH");
  } else if (args.replay !== undefined || args.file !== undefined) {
    await replay(args);
  } else {
    await campaign(args);
  }
} else {
  await worker();
}
