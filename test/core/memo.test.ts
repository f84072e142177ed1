import { describe, expect, it } from "vitest";
import { boundedMemo } from "../../src/core/memo.js";

describe("boundedMemo", () => {
  it("computes each key once, undefined results included", () => {
    const calls: string[] = [];
    const memo = boundedMemo((key: string) => {
      calls.push(key);
      return key === "none" ? undefined : key.length;
    }, 10);
    expect([memo("abc"), memo("abc"), memo("none"), memo("none")]).toEqual([3, 3, undefined, undefined]);
    expect(calls).toEqual(["abc", "none"]);
  });

  it("holds at most `max` entries: a full table starts again", () => {
    const calls: string[] = [];
    const memo = boundedMemo((key: string) => (calls.push(key), key), 3);
    for (const key of ["a", "b", "c", "d", "a"]) memo(key);
    // "d" found the table full (a, b, c) and emptied it, so "a" is computed again.
    expect(calls).toEqual(["a", "b", "c", "d", "a"]);
  });

  it("does not keep keys longer than maxKeyLength", () => {
    let count = 0;
    const memo = boundedMemo((key: string) => (count++, key.length), 10, 4);
    memo("long key");
    memo("long key");
    memo("ok");
    memo("ok");
    expect(count).toBe(3);
  });
});
