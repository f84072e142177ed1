/**
 * Regular expressions on hostile text. Lint forbids super-linear backtracking and moves
 * (eslint-plugin-regexp, in eslint.config.js for every source file — checked below); these tests
 * do not take the linter's word for it: every regex in the code that reads mail (src/core,
 * src/hosts/eml), found in the source by scripts/regex-inventory.js, runs on 100,000-character
 * strings of each character class and pair that could make it backtrack. A quadratic regex
 * would take minutes here (10^10 steps); no time is asserted. bench/regex.bench.js measures
 * each on n and 10n characters.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { adversarialInputs, exercise, regexInventory } from "../../scripts/regex-inventory.js";

const LENGTH = 100_000;

describe("regular expressions that read mail", () => {
  const inventory = regexInventory();

  it("are all found, and all written as literals the check can run", () => {
    expect(inventory.length).toBeGreaterThan(90);
    expect(inventory.filter((r) => r.regex === undefined).map((r) => r.where)).toEqual([]);
  });

  it(`finish on ${LENGTH.toLocaleString("en-US")}-character adversarial strings (each class, each pair, with and without a failing end)`, () => {
    const inputs = adversarialInputs(LENGTH);
    let work = 0;
    for (const { regex } of inventory) for (const input of inputs) work += exercise(regex!, input.text);
    expect(work).toBeGreaterThan(0);
  });
});

describe("the lint rules against super-linear regexes", () => {
  // One file of each kind the rule must cover: the core, the hosts, the pane, the shared UI
  // words, the demo, scripts, benchmarks and tests (TypeScript and JavaScript).
  const files = ["src/core/analyze.ts", "src/hosts/eml/snapshot.ts", "src/taskpane/checker.ts", "src/ui/strings.ts", "src/demo/demo.ts", "scripts/fuzz.js", "bench/run.js", "test/core/regex.test.ts"];

  it.each(files)("are errors for %s", async (file) => {
    const config = await new ESLint().calculateConfigForFile(file);
    for (const rule of ["regexp/no-super-linear-backtracking", "regexp/no-super-linear-move"]) {
      const setting = config.rules?.[rule];
      expect(setting, `${rule} is not configured for ${file}`).toBeDefined();
      expect(Array.isArray(setting) ? setting[0] : setting, `${rule} for ${file}`).toBe(2);
    }
  });
});
