import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "../src/core/rules/index.js";
import { replaceRulesSection } from "../src/docs/rules-table.js";

describe("README", () => {
  it("lists exactly the rules the code has (regenerate with npm run docs:rules)", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    expect(readme).toBe(replaceRulesSection(readme, RULES));
  });
});
