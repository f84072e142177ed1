/**
 * The header block parser and the by-name index every reader of headers shares: one pass over a
 * hostile block, not one per lookup (the fuzzer found 100,000 fields read a dozen times over).
 */
import { describe, expect, it } from "vitest";
import { headerPositions, headerValues, parseHeaderBlock, routingFields } from "../../src/core/headers/block.js";

describe("parseHeaderBlock", () => {
  it("unfolds, keeps order and duplicates, skips lines without a field name, stops at the blank line", () => {
    const raw = "Received: a\r\n\tb\r\nX-Y: 1\r\nnot a field\r\n: no name\r\nReceived:  c  \r\nSubject: one\n two\r\n\r\nBody: no";
    expect(parseHeaderBlock(raw)).toEqual([
      { name: "Received", value: "a b" },
      { name: "X-Y", value: "1" },
      { name: "Received", value: "c" },
      { name: "Subject", value: "one two" },
    ]);
  });

  it("keeps a CR that does not end a line, skips blank lines before the first field, and reads a block without a final line break", () => {
    expect(parseHeaderBlock("\r\n\r\nA: x\ry\r\nB: z")).toEqual([
      { name: "A", value: "x\ry" },
      { name: "B", value: "z" },
    ]);
    expect(parseHeaderBlock("")).toEqual([]);
    expect(parseHeaderBlock("A: trailing CR\r")).toEqual([{ name: "A", value: "trailing CR" }]);
  });

  it("reads a field folded over 500,000 lines as one value", () => {
    const fields = parseHeaderBlock(`Subject: start${"\r\n (UTC)".repeat(500_000)}\r\nX: end`);
    expect(fields.map((f) => f.name)).toEqual(["Subject", "X"]);
    expect(fields[0]!.value.length).toBe("start".length + 500_000 * " (UTC)".length);
  });
});

describe("the header index", () => {
  const headers = parseHeaderBlock("Received: 1\r\nFROM: a@example.jp\r\nreceived: 2\r\nX-Spam-Flag: YES\r\nRECEIVED: 3\r\nX-Forefront-Antispam-Report: CIP:1.2.3.4\r\n");

  it("finds fields by name whatever their case, in header order", () => {
    expect(headerPositions(headers, "Received")).toEqual([0, 2, 4]);
    expect(headerValues(headers, "RECEIVED")).toEqual(["1", "2", "3"]);
    expect(headerValues(headers, "from")).toEqual(["a@example.jp"]);
    expect(headerValues(headers, "missing")).toEqual([]);
  });

  it("lists vendor verdict headers in header order", () => {
    expect(routingFields(headers).vendorVerdicts.map((h) => h.name)).toEqual(["X-Spam-Flag", "X-Forefront-Antispam-Report"]);
  });

  it("indexes each list once: lookups in 100,000 fields stay cheap", () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ name: i % 2 === 0 ? "Received" : `X-Field-${i}`, value: String(i) }));
    let found = 0;
    for (let k = 0; k < 1000; k++) found += headerPositions(many, "received").length;
    expect(found).toBe(1000 * 50_000);
    expect(routingFields(many).received).toHaveLength(50_000);
  });
});
