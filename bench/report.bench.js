// The report path against the check (issue 15, part 7's budget): `check-this-mail report
// --format json` on a 30 MiB mail (bench/analysis.bench.js's, with a 22 MB attachment) within
// 1.5× the time and the peak memory of the plain check, `check-this-mail --format json`.
// Each command runs as a person runs it, in a fresh process with stdout to /dev/null: the time of
// main() (the mail read, analysed and written out) and the peak resident set size of the process,
// in turns, median of RUNS each. Memory is also given over the process before main() started
// (modules loaded): that part is what the mail itself costs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { largeMail } from "./analysis.bench.js";

const LIMIT = 1.5;
const RUNS = 3;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** One command in a fresh process: { ms, peak, before, written }. */
function run(args, resultFile) {
  const lib = new URL("../lib/cli/main.js", import.meta.url).href;
  const child = `
    import { writeFileSync } from "node:fs";
    const { main } = await import(${JSON.stringify(lib)});
    globalThis.gc();
    const before = process.memoryUsage.rss();
    let written = 0;
    const started = performance.now();
    const code = await main(${JSON.stringify(args)}, {
      stdout: (text) => { written += text.length; process.stdout.write(text); },
      stderr: (text) => process.stderr.write(text),
      env: {}, stdoutIsTty: false, stderrIsTty: false,
    });
    const ms = performance.now() - started;
    writeFileSync(${JSON.stringify(resultFile)}, JSON.stringify({ code, ms, before, written, peak: process.resourceUsage().maxRSS * 1024 }));`;
  const result = spawnSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", child], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  const measured = JSON.parse(readFileSync(resultFile, "utf8"));
  if (measured.code !== 0) throw new Error(`${args.join(" ")}: exit ${measured.code}`);
  return measured;
}

function compare() {
  const dir = mkdtempSync(join(tmpdir(), "ctm-bench-"));
  const file = join(dir, "large.eml");
  writeFileSync(file, largeMail("attachment"));
  const resultFile = join(dir, "result.json");
  const commands = { check: ["--format", "json", file], report: ["report", "--format", "json", file] };
  const runs = { check: [], report: [] };
  try {
    for (let i = 0; i < RUNS; i++) for (const name of ["check", "report"]) runs[name].push(run(commands[name], resultFile));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const figures = Object.fromEntries(
    Object.entries(runs).map(([name, list]) => [
      name,
      { ms: median(list.map((r) => r.ms)), peak: median(list.map((r) => r.peak)), mail: median(list.map((r) => r.peak - r.before)), written: list[0].written },
    ]),
  );
  const { check, report } = figures;
  const time = report.ms / check.ms;
  const memory = report.peak / check.peak;
  const pass = time <= LIMIT && memory <= LIMIT;
  return (
    `report ${report.ms.toFixed(0)} ms, peak RSS ${mb(report.peak)} (+${mb(report.mail)} over the process before main); ` +
    `check ${check.ms.toFixed(0)} ms, ${mb(check.peak)} (+${mb(check.mail)}); ` +
    `report/check: time ${time.toFixed(2)}×, memory ${memory.toFixed(2)}× (${(report.mail / check.mail).toFixed(2)}× over the process) — ` +
    `${pass ? "PASS" : "FAIL"} (≤ ${LIMIT}×; ${mb(report.written)} of JSON written, median of ${RUNS})`
  );
}

export const benchmarks = [{ name: "report: 30 MB mail, report --format json vs the check", report: async () => compare() }];
