/**
 * Authentication-Results in hostile numbers (found by the fuzzer, scripts/fuzz.js: 20,000 copies
 * of one field took a second of parsing and summarising). Fixtures are built here.
 */
import { describe, expect, it } from "vitest";
import { arcOriginalVerdict } from "../../../src/core/auth/alignment.js";
import { MAX_RESULTS_PER_FIELD } from "../../../src/core/auth/authres.js";
import type { AuthResult } from "../../../src/core/analysis.js";
import { analyzeText, eml } from "../../helpers/build.js";

const codes = (a: { diagnostics: readonly { code: string }[] }): string[] => a.diagnostics.map((d) => d.code);
const RECEIVED = "Received: from out.example.org (out.example.org [192.0.2.8]) by mx.example.co.jp with ESMTPS id x; Mon, 1 Jan 2024 00:00:00 +0000";

describe("Authentication-Results fields read (Limits.maxAuthResults)", () => {
  it("reads the top fields only, says so, and marks the analysis incomplete", async () => {
    const fields = [
      "Authentication-Results: mx.example.co.jp; dmarc=fail (p=REJECT) header.from=example.org",
      ...Array.from({ length: 20_000 }, () => "Authentication-Results: mx.example.co.jp; spf=pass smtp.mailfrom=example.org"),
      RECEIVED,
      "From: a@example.org",
    ];
    const a = await analyzeText(eml(fields));
    expect(codes(a)).toContain("TOO_MANY_AUTH_RESULTS");
    expect(a.incomplete).toBe(true);
    expect(a.authentication.results).toHaveLength(100);
    // The receiver's own field at the top is among those read.
    expect(a.authentication.dmarc).toBe("fail");
  });

  it("is silent at the limit, and counts ARC fields separately", async () => {
    const own = Array.from({ length: 3 }, () => "Authentication-Results: mx.example.co.jp; spf=pass smtp.mailfrom=example.org");
    const arc = Array.from({ length: 3 }, () => "ARC-Authentication-Results: i=1; mx.example.co.jp; spf=pass smtp.mailfrom=example.org");
    const a = await analyzeText(eml([...own, ...arc, RECEIVED, "From: a@example.org"]), undefined, { limits: { maxAuthResults: 3 } });
    expect(codes(a)).not.toContain("TOO_MANY_AUTH_RESULTS");
    expect(a.authentication.results).toHaveLength(6);
    const b = await analyzeText(eml([...own, ...arc, RECEIVED, "From: a@example.org"]), undefined, { limits: { maxAuthResults: 2 } });
    expect(codes(b)).toContain("TOO_MANY_AUTH_RESULTS");
    expect(b.authentication.results.filter((r) => r.fromArc)).toHaveLength(2);
  });
});

describe("more results than a function call takes arguments", () => {
  it("finds the first ARC instance of 3,000,000 results without spreading them into Math.min", () => {
    const result: AuthResult = { method: "dmarc", methodName: "dmarc", result: "fail", properties: {}, authservId: "x", trusted: true, fromArc: true, arcInstance: 2 };
    const results = new Array<AuthResult>(3_000_000).fill(result);
    results[2_999_999] = { ...result, arcInstance: 1 };
    expect(arcOriginalVerdict({ results }, "example.org")).toBe("fail");
  });

  it("reads at most 50 results of a field: 100 ARC fields of 3,000 results each are 5,000, and no rule fails", async () => {
    const value = `i=1; mx.example.co.jp; ${"x=y; ".repeat(3000)}`;
    const fields = [...Array.from({ length: 100 }, () => `ARC-Authentication-Results: ${value}`), RECEIVED, "From: a@example.org"];
    const a = await analyzeText(eml(fields));
    expect(codes(a)).not.toContain("RULE_FAILED");
    expect(a.authentication.results).toHaveLength(100 * MAX_RESULTS_PER_FIELD);
  });
});
