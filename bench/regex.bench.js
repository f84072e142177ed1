// Every regular expression of the code that reads mail (scripts/regex-inventory.js) on
// adversarial strings of n and 10n characters: a linear regex takes ~10× the time on 10n (up to
// ~20× measured on a busy machine, where a few milliseconds are noisy and ten times the string
// no longer fits the same caches), a quadratic one ~100×, an exponential one never ends. The
// verdict is per regex against 30×, which no linear regex reaches and no quadratic one stays under. The test (test/core/regex.test.ts) checks that they
// finish; this measures how their time grows.
import { performance } from "node:perf_hooks";
import { adversarialInputs, regexInventory } from "../scripts/regex-inventory.js";

const N = 10_000;
/** Linear with noise and cache effects stays under this; quadratic is ~100×. */
const LIMIT = 30;
const ROUNDS = 7;

/**
 * A search from every start position, as test() does: what a backtracking engine pays for a
 * super-linear pattern or move. (The test also runs "g" regexes over every match; here that
 * would mostly measure the garbage collector, which the replaced strings keep busy.)
 */
function timeOnce(regex, inputs) {
  const start = performance.now();
  for (const input of inputs) regex.test(input.text);
  return performance.now() - start;
}

/** Best times on the small and the large inputs, measured in turns so both see the same machine. */
function times(regex, small, large) {
  let t1 = Infinity;
  let t10 = Infinity;
  for (let k = 0; k < ROUNDS; k++) {
    t1 = Math.min(t1, timeOnce(regex, small));
    t10 = Math.min(t10, timeOnce(regex, large));
  }
  return { t1, t10 };
}

function report() {
  const inventory = regexInventory();
  const small = adversarialInputs(N);
  const large = adversarialInputs(10 * N);
  const rows = inventory.map(({ where, regex }) => {
    const { t1, t10 } = times(new RegExp(regex.source, regex.flags.replace(/[gy]/g, "")), small, large);
    return { where, regex, t1, t10, ratio: t10 / Math.max(t1, 0.05) };
  });
  // Regexes that reject at the first character take microseconds at both sizes; their ratio is noise.
  const measurable = rows.filter((r) => r.t10 >= 1);
  measurable.sort((a, b) => b.ratio - a.ratio);
  const worst = measurable.slice(0, 3).map((r) => `${r.regex} (${r.where}) ${r.t1.toFixed(1)} → ${r.t10.toFixed(1)} ms = ${r.ratio.toFixed(1)}×`);
  const verdict = measurable.every((r) => r.ratio <= LIMIT) ? "PASS" : "FAIL";
  const total = (key) => rows.reduce((sum, r) => sum + r[key], 0);
  return (
    `${rows.length} regexes × ${small.length} inputs, ${N.toLocaleString("en-US")} vs ${(10 * N).toLocaleString("en-US")} chars: all together ${total("t1").toFixed(0)} → ${total("t10").toFixed(0)} ms = ${(total("t10") / total("t1")).toFixed(1)}×; ` +
    `${measurable.length} take ≥ 1 ms at 10n, worst: ${worst.join("; ")} — ${verdict} (each ≤ ${LIMIT}×)`
  );
}

export const benchmarks = [{ name: "regex: time on 10n vs n characters, every mail regex", report: async () => report() }];
