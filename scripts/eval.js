#!/usr/bin/env node
// Evaluation over folders of real mail: verdict counts and how often each rule fired, per folder.
//   npm run eval -- ../shared/corpora/phish ../shared/corpora/ham [--config FILE] [--json]
// Reads bytes only (corpora hold live malware: nothing is opened or executed).
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { analyzeEml, nodeCountryLookup, parseConfig } from "../lib/index.js";
import { expandInputs } from "../lib/cli/inputs.js";

const args = process.argv.slice(2);
const folders = [];
let config;
let asJson = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--config") {
    const result = parseConfig(await readFile(args[++i], "utf8"));
    if (!result.ok) {
      for (const e of result.errors) console.error(`config: ${e.path} ${e.message.en}`);
      process.exit(2);
    }
    config = result.config;
  } else if (args[i] === "--json") asJson = true;
  else folders.push(args[i]);
}
if (folders.length === 0) {
  console.error("usage: npm run eval -- FOLDER... [--config FILE] [--json]");
  process.exit(2);
}

const pct = (n, total) => (total === 0 ? "-" : `${((100 * n) / total).toFixed(1)} %`);
const summaries = [];
const started = performance.now();
for (const folder of folders) {
  const inputs = await expandInputs([folder]);
  const verdicts = { danger: 0, caution: 0, incomplete: 0, clean: 0 };
  const rules = new Map();
  const diagnostics = new Map();
  let slowest = { file: "", ms: 0 };
  let totalMs = 0;
  for (const [i, input] of inputs.entries()) {
    if (process.stderr.isTTY) process.stderr.write(`\r${folder}: ${i + 1}/${inputs.length}`);
    const bytes = await input.read();
    const t0 = performance.now();
    const analysis = await analyzeEml(bytes, { config, lookupCountry: nodeCountryLookup });
    const ms = performance.now() - t0;
    totalMs += ms;
    if (ms > slowest.ms) slowest = { file: input.name, ms };
    verdicts[analysis.verdict]++;
    for (const f of analysis.findings) {
      const entry = rules.get(f.id) ?? { high: 0, medium: 0, low: 0, info: 0, files: 0 };
      entry[f.severity]++;
      entry.files++;
      rules.set(f.id, entry);
    }
    for (const code of new Set(analysis.diagnostics.map((d) => d.code))) diagnostics.set(code, (diagnostics.get(code) ?? 0) + 1);
  }
  if (process.stderr.isTTY) process.stderr.write("\n");
  summaries.push({ folder, files: inputs.length, verdicts, rules: Object.fromEntries([...rules].sort((a, b) => b[1].files - a[1].files)), diagnostics: Object.fromEntries([...diagnostics].sort((a, b) => b[1] - a[1])), totalMs, slowest });
}
const elapsed = performance.now() - started;

if (asJson) {
  console.log(JSON.stringify({ summaries, elapsedMs: Math.round(elapsed) }, null, 2));
} else {
  for (const s of summaries) {
    const n = s.files;
    const { danger, caution, incomplete, clean } = s.verdicts;
    console.log(`\n## ${s.folder}  (${n} files)`);
    console.log(`  danger  ${String(danger).padStart(5)}  ${pct(danger, n)}`);
    console.log(`  caution ${String(caution).padStart(5)}  ${pct(caution, n)}`);
    console.log(`  incomplete ${String(incomplete).padStart(2)}  ${pct(incomplete, n)}`);
    console.log(`  clean   ${String(clean).padStart(5)}  ${pct(clean, n)}`);
    console.log(`  flagged (caution or danger): ${pct(danger + caution, n)}`);
    console.log(`  rules fired (files: high/medium/low/info):`);
    for (const [id, r] of Object.entries(s.rules)) {
      console.log(`    ${id.padEnd(32)} ${String(r.files).padStart(5)}  ${pct(r.files, n).padStart(8)}   ${r.high}/${r.medium}/${r.low}/${r.info}`);
    }
    if (Object.keys(s.diagnostics).length) {
      console.log(`  diagnostics (files):`);
      for (const [code, count] of Object.entries(s.diagnostics)) console.log(`    ${code.padEnd(32)} ${String(count).padStart(5)}`);
    }
    console.log(`  analysis time: ${s.totalMs.toFixed(0)} ms total, ${(s.totalMs / Math.max(1, n)).toFixed(1)} ms mean, slowest ${s.slowest.ms.toFixed(0)} ms (${s.slowest.file})`);
  }
  console.log(`\nwall time: ${(elapsed / 1000).toFixed(1)} s`);
}
