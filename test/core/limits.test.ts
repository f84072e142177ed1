/**
 * The Node API's `limits`: only the documented limits are limits. A key named like a member of
 * Object.prototype is unknown like any misspelling (it was once accepted as a limit, or thrown
 * over), and analyzeEml checks them before it reads the mail.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze.js";
import { DEFAULT_LIMITS, resolveLimits, type Limits } from "../../src/core/options.js";
import { analyzeEml, snapshotFromEml } from "../../src/hosts/eml/index.js";
import { PROTOTYPE_KEYS } from "../helpers/prototype-keys.js";

// As a caller's JSON would give them: JSON.parse makes "__proto__" an own key.
const limitsOf = (key: string, value: unknown = 1): Partial<Limits> => JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`) as Partial<Limits>;

describe("resolveLimits", () => {
  it.each(PROTOTYPE_KEYS)("%s is not a known setting", (key) => {
    for (const value of [1, 0, "x", {}]) {
      expect(() => resolveLimits(limitsOf(key, value))).toThrow(TypeError);
      expect(() => resolveLimits(limitsOf(key, value))).toThrow(`Unknown limit "${key}": limits.${key} is not a known setting. Known limits: maxInputBytes,`);
    }
  });

  it("keeps the documented limits and nothing else", () => {
    const resolved = resolveLimits({ maxLinks: 5 });
    expect(resolved).toEqual({ ...DEFAULT_LIMITS, maxLinks: 5 });
    expect(Object.keys(resolved)).toEqual(Object.keys(DEFAULT_LIMITS));
    expect(resolveLimits(undefined)).toEqual(DEFAULT_LIMITS);
    expect(resolveLimits({ maxLinks: undefined })).toEqual(DEFAULT_LIMITS);
  });

  it("names an odd key with its hidden characters escaped", () => {
    let message = "";
    try {
      resolveLimits(limitsOf("max\u001b[2J\u202eLinks"));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('limits["max\\u001b[2J\\u202eLinks"] is not a known setting');
    expect(message).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });

  it("rejects limits that are not an object, and values that are not whole numbers", () => {
    expect(() => resolveLimits("maxLinks" as never)).toThrow(/limits must be an object/);
    expect(() => resolveLimits([1] as never)).toThrow(/limits must be an object/);
    expect(() => resolveLimits({ maxLinks: "5" } as never)).toThrow('Limit "maxLinks" (limits.maxLinks) must be a whole number of at least 0, got "5"');
    expect(() => resolveLimits({ maxLinks: { valueOf: () => 5 } } as never)).toThrow(/got an object/);
    expect(() => resolveLimits({ maxLinks: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});

describe("the API entry points", () => {
  it("analyze throws on a prototype-named limit", async () => {
    const snapshot = await snapshotFromEml("Subject: x\r\n\r\n");
    for (const key of PROTOTYPE_KEYS) expect(() => analyze(snapshot, { limits: limitsOf(key) })).toThrow(`limits.${key} is not a known setting`);
  });

  it("analyzeEml rejects bad limits before it reads the mail", async () => {
    await expect(analyzeEml("Subject: x\r\n\r\n", { limits: limitsOf("toString") })).rejects.toThrow("limits.toString is not a known setting");
    // A size limit of the wrong type would have let the host read all of the input first.
    const stages: string[] = [];
    const timings = { clock: () => 0, record: (stage: string) => void stages.push(stage) };
    await expect(analyzeEml("Subject: x\r\n\r\n", { limits: { maxInputBytes: "64MB" } as never, timings })).rejects.toThrow(/maxInputBytes/);
    expect(stages).toEqual([]);
  });
});
