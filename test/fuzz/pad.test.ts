/**
 * The fuzzer's "pad" mutation and its oracle: padding a mail past a limit must never buy a clean.
 * The oracle is shown to fire on an analysis that fails open (non-vacuity), and the mutation to
 * reach the limits it is for.
 */
import { describe, expect, it } from "vitest";
import type { Analysis } from "../../src/core/analysis.js";
import { analyzeEml } from "../../src/hosts/eml/index.js";
import { DEFAULT_MAX_BYTES, generate, runInput } from "../../scripts/fuzz/engine.js";

const clock = (): number => performance.now();
const MAIL = new TextEncoder().encode(
  "From: a@example.jp\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Type: application/octet-stream; name=\"invoice.pdf.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAA==\r\n--b--\r\n",
);

describe("the fail-open oracle", () => {
  it("fires when padding turns danger into clean, and when a clean result is incomplete", async () => {
    // A stand-in analysis that fails open on any input longer than the reference.
    const failingOpen = async (input: Uint8Array): Promise<Analysis> => {
      const real = await analyzeEml(MAIL);
      return input.length > MAIL.length ? { ...real, verdict: "clean", findings: [], incomplete: false } : real;
    };
    const padded = new Uint8Array(MAIL.length + 10);
    expect((await runInput(failingOpen, padded, { clock, unpadded: MAIL })).error).toContain("padding turned danger into clean");
    const incompleteClean = async (): Promise<Analysis> => ({ ...(await analyzeEml(MAIL)), verdict: "clean", findings: [], incomplete: true });
    expect((await runInput(incompleteClean, MAIL, { clock })).error).toContain("incomplete, yet the verdict is clean");
  });

  it("is quiet on the product itself for the same padded mail", async () => {
    const padded = new TextEncoder().encode(new TextDecoder().decode(MAIL).replace("hello\r\n", `${"filler line\r\n".repeat(200_000)}`));
    const result = await runInput(analyzeEml, padded, { clock, unpadded: MAIL });
    expect(result.error).toBeUndefined();
    expect(result.analysis?.verdict).toBe("danger");
  });
});

describe("the pad mutation", () => {
  it("makes inputs that reach the limits, each with a reference to compare with", async () => {
    const seeds = [{ name: "synthetic/pad.eml", bytes: MAIL }];
    const diagnostics = new Set<string>();
    let padded = 0;
    for (let index = 0; index < 400 && padded < 40; index++) {
      const input = generate(seeds, 7, index, { maxBytes: DEFAULT_MAX_BYTES });
      if (input.ops.at(-1) !== "pad" || input.unpadded === undefined) continue;
      padded++;
      const result = await runInput(analyzeEml, input.bytes, { clock, unpadded: input.unpadded });
      expect(result.error, `input ${index} (${input.ops.join(", ")})`).toBeUndefined();
      for (const d of result.analysis?.diagnostics ?? []) diagnostics.add(d.code);
    }
    expect(padded).toBeGreaterThanOrEqual(10);
    expect([...diagnostics]).toEqual(expect.arrayContaining(["TEXT_TOO_LARGE", "MIME_TOO_COMPLEX"]));
  });
});
