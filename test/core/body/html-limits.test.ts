/**
 * How much HTML parse5 is given (Limits.maxHtmlNodes): its cost follows the nodes it builds,
 * not the characters — the fuzzer (scripts/fuzz.js) found 2 MB of "<font><p>" taking seconds.
 * Fixtures are built here; no timing is asserted (a regression shows as a stalled suite).
 */
import { describe, expect, it } from "vitest";
import { inspectContent } from "../../../src/core/attachments/content/inspect.js";
import { htmlExtent } from "../../../src/core/body/html.js";
import { extractBody } from "../../../src/core/body/extract.js";
import type { Diagnostic } from "../../../src/core/diagnostics.js";
import { DEFAULT_LIMITS, resolveLimits, type Limits } from "../../../src/core/options.js";
import { analyze } from "../../../src/core/analyze.js";
import { FIXED_NOW, makeSnapshot } from "../../helpers/build.js";

function extract(html: string, limits: Partial<Limits> = {}) {
  const diagnostics: Diagnostic[] = [];
  const facts = extractBody(makeSnapshot({ html }), { ...DEFAULT_LIMITS, ...limits }, (d) => diagnostics.push(d));
  return { facts, diagnostics };
}

describe("htmlExtent: nodes counted as parse5's tokenizer meets them", () => {
  it("counts start tags, comments, doctype and attributes as one node, words of text as an eighth", () => {
    expect(htmlExtent("", 10)).toEqual({ end: 0, nodes: 0 });
    expect(htmlExtent("<p>", 10).nodes).toBe(1);
    expect(htmlExtent("<!doctype html><!-- x > y --><?xml version=1?><![CDATA[ a b ]]>", 10).nodes).toBe(4);
    expect(htmlExtent("<!-- unterminated comment <a href=x> <b> <c>", 10).nodes).toBe(1);
    expect(htmlExtent('<a href="x" id=y hidden>', 10).nodes).toBe(4);
    expect(htmlExtent("one two three four five six seven eight", 10).nodes).toBe(1);
    // End tags build nothing: they count as text.
    expect(htmlExtent("</p> </div> </p> </div> </p> </div> </p> </div>", 10).nodes).toBe(1);
    expect(htmlExtent("a < b", 10).nodes).toBe(1); // "<" then a space is text
  });

  it("skips quoted attribute values whole, so a value full of spaces or \">\" is one node", () => {
    expect(htmlExtent('<a title="a b c > d e f">x</a>', 10).nodes).toBe(3);
    expect(htmlExtent("<a title='a b c'>", 10).nodes).toBe(2);
    // A quote that is not a value (no "=" before it) is read as part of a name, as parse5 does.
    expect(htmlExtent('<a "b c>', 10).nodes).toBe(3);
  });

  it("cuts before the node that would exceed the limit", () => {
    const html = "<p>".repeat(10);
    expect(htmlExtent(html, 4)).toEqual({ end: 12, nodes: 4 });
    expect(htmlExtent(html, 10)).toEqual({ end: 30, nodes: 10 });
    // Attributes count inside the tag: the cut can fall inside one.
    expect(htmlExtent('<a href="x" b c d>', 2).end).toBe('<a href="x" '.length);
  });
});

describe("the HTML body within maxHtmlNodes", () => {
  it("cuts 2 MB of nested <font><p> and says how many characters were read", () => {
    const html = `<a href="https://first.example/">a</a>${"<font><p>".repeat(230_000)}<a href="https://late.example/">b</a>`;
    const { facts, diagnostics } = extract(html);
    expect(diagnostics.map((d) => d.code)).toEqual(["HTML_TOO_LARGE"]);
    const read = htmlExtent(html, DEFAULT_LIMITS.maxHtmlNodes).end;
    expect(read).toBeGreaterThan(DEFAULT_LIMITS.maxHtmlNodes * 4);
    expect(diagnostics[0]!.message.en).toContain(`first ${read} characters`);
    expect(facts.links.map((l) => l.target.host)).toEqual(["first.example"]);
  });

  it("cuts 4 MB of short words (\"a b a b\"), which parse5 turns into two million tokens", () => {
    const { facts, diagnostics } = extract(`<a href="https://first.example/">a</a>${"a b ".repeat(1_000_000)}`);
    expect(diagnostics.map((d) => d.code)).toEqual(["HTML_TOO_LARGE"]);
    expect(facts.links).toHaveLength(1);
  });

  it("keeps an ordinary large page whole: a 1 MB inline image is a few nodes", () => {
    const image = `<img src="data:image/png;base64,${"QUJD".repeat(250_000)}">`;
    const { facts, diagnostics } = extract(`${image}<a href="https://after.example/">x</a>`);
    expect(diagnostics).toEqual([]);
    expect(facts.links.map((l) => l.target.host)).toEqual(["after.example"]);
  });

  it("counts forms against the link limit: 20,000 forms are not 20,000 URL parses", () => {
    const html = '<form action="https://harvest.example/p"><input type="password"></form>'.repeat(20_000);
    const analysis = analyze(makeSnapshot({ html }), { now: FIXED_NOW });
    expect(analysis.diagnostics.map((d) => d.code)).toContain("TOO_MANY_LINKS");
    expect(analysis.incomplete).toBe(true);
    expect(analysis.findings.map((f) => f.id)).toContain("HTML_FORM");
  });
});

describe("HTML attachments share one allowance of nodes", () => {
  const page = (n: number): Uint8Array => new TextEncoder().encode(`<form action="https://harvest.example/"><input type="password"></form>${"<b>".repeat(n)}`);

  it("parses pages while the message's allowance lasts, then judges the rest by keywords and says so", () => {
    const limits = resolveLimits({ maxHtmlNodes: 1000 });
    const budget = { inflate: limits.maxInflatedBytes };
    const first = inspectContent(page(600), limits, budget);
    expect(first.indicators.map((i) => i.code)).toEqual(expect.arrayContaining(["html-form", "html-password-field"]));
    expect(first.notes).toEqual([]);
    const second = inspectContent(page(600), limits, budget);
    expect(second.indicators.map((i) => i.code)).toEqual(expect.arrayContaining(["html-form", "html-password-field"]));
    expect(second.notes.map((n) => n.text.en)).toEqual(["the HTML has many elements, so form targets were not extracted (over 1000 for the whole mail)"]);
  });
});
