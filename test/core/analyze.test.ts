import { describe, expect, it } from "vitest";
import { analyze, verdictOf } from "../../src/core/index.js";
import { defineRule } from "../../src/core/rule.js";
import { localized } from "../../src/core/i18n.js";
import { snapshotFromEml } from "../../src/hosts/eml/index.js";

const FIXED_NOW = () => new Date("2026-11-26T00:00:00Z");

const text = localized("テスト", "test");
const throwing = defineRule({
  id: "TEST_THROWS",
  group: "links",
  severity: "high",
  title: text,
  explanation: text,
  check() {
    throw new Error("boom");
  },
});
const medium = defineRule({
  id: "TEST_MEDIUM",
  group: "sender",
  severity: "medium",
  title: text,
  explanation: text,
  check: () => [{ evidence: [{ label: text, value: "a" }] }, { severity: "low", evidence: [{ label: text, value: "b" }] }],
});

describe("verdictOf", () => {
  it("is danger with any high, caution with any medium, clean otherwise", () => {
    expect(verdictOf([{ severity: "low" }, { severity: "high" }])).toBe("danger");
    expect(verdictOf([{ severity: "info" }, { severity: "medium" }])).toBe("caution");
    expect(verdictOf([{ severity: "low" }, { severity: "info" }])).toBe("clean");
    expect(verdictOf([])).toBe("clean");
  });
});

describe("analyze", () => {
  it("turns a throwing rule into a RULE_FAILED diagnostic and keeps the other rules' findings", async () => {
    const snapshot = await snapshotFromEml("From: a@example.jp\r\nSubject: x\r\n\r\nhello\r\n");
    const analysis = analyze(snapshot, { now: FIXED_NOW }, [throwing, medium]);
    expect(analysis.diagnostics.map((d) => d.code)).toContain("RULE_FAILED");
    expect(analysis.findings).toHaveLength(1);
    expect(analysis.findings[0]).toMatchObject({ id: "TEST_MEDIUM", severity: "medium" });
    expect(analysis.findings[0]!.evidence.map((e) => e.value)).toEqual(["a", "b"]);
    expect(analysis.verdict).toBe("caution");
    expect(analysis.analyzedAt).toBe("2026-11-26T00:00:00.000Z");
  });

  it("rejects invalid limits with a message naming the limit", async () => {
    const snapshot = await snapshotFromEml("Subject: x\r\n\r\n");
    expect(() => analyze(snapshot, { limits: { maxLinks: -1 } })).toThrow(/maxLinks/);
    expect(() => analyze(snapshot, { limits: { maxLinkz: 1 } as never })).toThrow(/Unknown limit "maxLinkz"/);
  });
});
