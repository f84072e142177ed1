#!/usr/bin/env node
// Benchmarks of the compiled library (npm run bench builds lib/ first).
//   npm run bench [-- NAME-FILTER...]
// Every bench/*.bench.js exports `benchmarks`, a list of named benchmarks of two kinds:
//   { name, setup?(), batch(state) -> operations done, unit }  throughput: operations per second
//   { name, once() }                                            timing: first, best and median of 7 runs
//                                                               (once may return a promise: it is awaited)
//   { name, async report() -> string }                          a measurement that reports itself (browser figures)
// A filter keeps the benchmarks whose name contains it.
import { readdirSync } from "node:fs";
import { performance } from "node:perf_hooks";

const SECONDS = 1;
const WARMUP_SECONDS = 0.3;
const RUNS = 7;

const dir = new URL("./", import.meta.url);
const filters = process.argv.slice(2);
const selected = (name) => filters.length === 0 || filters.some((f) => name.includes(f));

const rate = (n) => Math.round(n).toLocaleString("en-US");

function throughput(bench) {
  const state = bench.setup ? bench.setup() : undefined;
  const until = (seconds) => {
    let operations = 0;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    let elapsed = 0;
    while (elapsed < seconds * 1000) {
      operations += bench.batch(state);
      elapsed = performance.now() - start;
    }
    const cpu = process.cpuUsage(cpuStart);
    return { wall: (operations * 1000) / elapsed, cpu: (operations * 1e6) / (cpu.user + cpu.system) };
  };
  until(WARMUP_SECONDS);
  const { wall, cpu } = until(SECONDS);
  // Per CPU-second as well: on a busy (shared) machine the wall-clock rate understates the code.
  return `${rate(wall)} ${bench.unit ?? "operations"}/s (${rate(cpu)} per CPU-second)`;
}

async function timing(bench) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await bench.once();
    times.push(performance.now() - start);
  }
  // The first run is what a process pays once (cold code); the others show the steady cost.
  const first = times[0];
  times.sort((a, b) => a - b);
  return `first ${first.toFixed(1)} ms, best ${times[0].toFixed(1)} ms, median ${times[Math.floor(RUNS / 2)].toFixed(1)} ms`;
}

const files = readdirSync(dir).filter((f) => f.endsWith(".bench.js")).sort();
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
for (const file of files) {
  const { benchmarks } = await import(new URL(file, dir).href);
  for (const bench of benchmarks) {
    if (!selected(bench.name)) continue;
    const result = bench.report ? await bench.report() : bench.once ? await timing(bench) : throughput(bench);
    console.log(`${bench.name.padEnd(56)} ${result}`);
  }
}
