/**
 * "Clean" must be earned: a mail that hits a limit, cannot be parsed, or whose headers or body the
 * client withheld gets the verdict "incomplete", never "clean", and says what was not checked.
 */
import { describe, expect, it } from "vitest";
import { INCOMPLETE_CODES, uncheckedParts, verdictOf } from "../../src/core/analysis.js";
import { analyze } from "../../src/core/analyze.js";
import { DIAGNOSTIC_TEXT } from "../../src/core/diagnostics.js";
import { analyzeEml } from "../../src/hosts/eml/index.js";
import { FIXED_NOW, makeSnapshot } from "../helpers/build.js";

const codes = (diagnostics: readonly { code: string }[]): string[] => diagnostics.map((d) => d.code);
const exe = (name = "invoice.pdf.exe"): string =>
  [`--b`, `Content-Type: application/octet-stream; name="${name}"`, `Content-Disposition: attachment; filename="${name}"`, "Content-Transfer-Encoding: base64", "", btoa("MZ\x90\x00"), "--b--", ""].join("\r\n");
const head = (extra: readonly string[] = []): string => ["From: a@example.jp", "Subject: hello", ...extra, "Content-Type: multipart/mixed; boundary=b", "", ""].join("\r\n");

describe("verdictOf", () => {
  it("ranks danger, caution, incomplete, clean", () => {
    expect(verdictOf([{ severity: "high" }], true)).toBe("danger");
    expect(verdictOf([{ severity: "medium" }], true)).toBe("caution");
    expect(verdictOf([{ severity: "low" }, { severity: "info" }], true)).toBe("incomplete");
    expect(verdictOf([], true)).toBe("incomplete");
    expect(verdictOf([{ severity: "low" }])).toBe("clean");
  });

  it("every code it counts is a published diagnostic", () => {
    for (const code of INCOMPLETE_CODES) expect(Object.keys(DIAGNOSTIC_TEXT)).toContain(code);
  });
});

describe("a limit that hides parts makes the mail incomplete, never clean", () => {
  const cases: Record<string, { mail: string; code: string }> = {
    "2,001 empty parts before the payload": { mail: `${head()}${"--b\r\n\r\n".repeat(2001)}${exe()}`, code: "MIME_TOO_COMPLEX" },
    "one 2 MiB header": { mail: `${head([`X-Pad: ${"x".repeat(2 * 1024 * 1024)}`])}${exe()}`, code: "HEADER_FIELD_CUT" },
    "one 2 MiB header, folded": { mail: `${head([`X-Pad: ${"x ".repeat(1024 * 1024).replace(/(.{998})/g, "$1\r\n ")}`])}${exe()}`, code: "HEADER_FIELD_CUT" },
    "60,000 header lines": { mail: `${head(Array.from({ length: 60_000 }, (_, i) => `X-Pad-${i}: x`))}--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n${exe()}`, code: "MIME_TOO_COMPLEX" },
  };
  for (const [name, { mail, code }] of Object.entries(cases)) {
    it(name, async () => {
      const analysis = await analyzeEml(mail, { now: FIXED_NOW });
      expect(codes(analysis.diagnostics)).toContain(code);
      expect(analysis.incomplete).toBe(true);
      expect(analysis.verdict).not.toBe("clean");
      expect(codes(uncheckedParts(analysis))).toContain(code);
    });
  }

  it("a 2 MiB header, folded or not, no longer hides the attachment after it (postal-mime's 2 MiB header budget)", async () => {
    for (const name of ["one 2 MiB header", "one 2 MiB header, folded"]) {
      const analysis = await analyzeEml(cases[name]!.mail, { now: FIXED_NOW });
      expect(codes(analysis.diagnostics), name).not.toContain("MIME_PARSE_FAILED");
      expect(analysis.verdict, name).toBe("danger");
      expect(analysis.attachments.map((a) => a.name)).toEqual(["invoice.pdf.exe"]);
    }
  });

  it("header lines past 1.5 MiB in all cut the mail there, and what came before is parsed", async () => {
    const fields = Array.from({ length: 40 }, (_, i) => `X-Pad-${i}: ${"y".repeat(60_000)}`);
    const analysis = await analyzeEml(`${head(fields)}--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n${exe()}`, { now: FIXED_NOW });
    expect(codes(analysis.diagnostics)).toContain("MIME_TOO_COMPLEX");
    expect(codes(analysis.diagnostics)).not.toContain("MIME_PARSE_FAILED");
    expect(analysis.message.subject).toBe("hello");
    expect(analysis.verdict).toBe("incomplete");
  });

  it("an empty input is not a clean mail", async () => {
    const analysis = await analyzeEml(new Uint8Array(0), { now: FIXED_NOW });
    expect(analysis.verdict).toBe("incomplete");
  });

  it("an ordinary mail stays clean and complete", async () => {
    const analysis = await analyzeEml(`${head()}--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--\r\n`, { now: FIXED_NOW });
    expect(analysis.incomplete).toBe(false);
    expect(uncheckedParts(analysis)).toEqual([]);
  });
});

describe("a client that withholds the headers or the body", () => {
  it("is a partial check: incomplete, and it says route and sender checks were skipped", () => {
    const analysis = analyze(makeSnapshot({ available: { headers: false, body: true, attachmentContent: true }, headers: [], rawHeaders: "" }), { now: FIXED_NOW });
    expect(analysis.verdict).toBe("incomplete");
    expect(codes(uncheckedParts(analysis))).toContain("NO_HEADERS");
  });

  it("a check that throws makes the result incomplete", () => {
    const broken = { id: "BROKEN", severity: "high", group: "links", title: { ja: "", en: "" }, explanation: { ja: "", en: "" }, check: () => { throw new Error("boom"); } } as const;
    const analysis = analyze(makeSnapshot(), { now: FIXED_NOW }, [broken as never]);
    expect(codes(analysis.diagnostics)).toContain("RULE_FAILED");
    expect(analysis.verdict).toBe("incomplete");
  });
});

describe("evidence values are capped", () => {
  it("a 3 MB From header is not carried whole as evidence, and the cut is said", async () => {
    const { MAX_EVIDENCE_VALUE_CHARS } = await import("../../src/core/analyze.js");
    const huge = `From: ${"\u{1F600}x".repeat(1_000_000)}\r\nSubject: x\r\n\r\nhi\r\n`;
    const analysis = await analyzeEml(huge, { now: FIXED_NOW });
    const values = analysis.findings.flatMap((f) => f.evidence);
    expect(values.length).toBeGreaterThan(0);
    for (const e of values) expect(e.value.length).toBeLessThanOrEqual(MAX_EVIDENCE_VALUE_CHARS);
    const cut = values.filter((e) => e.cutChars !== undefined);
    expect(cut.length).toBeGreaterThan(0);
    for (const e of cut) {
      expect(e.value.endsWith("…")).toBe(true);
      expect(e.value.length - 1 + e.cutChars!).toBeGreaterThan(100_000);
    }
    expect(JSON.stringify(analysis).length).toBeLessThan(200_000);
  });
});
