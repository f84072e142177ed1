import { describe, expect, it } from "vitest";
import { findTextUrls } from "../../../src/core/body/text-urls.js";

const urls = (text: string, max = 100): string[] => findTextUrls(text, max).urls.map((u) => u.text);

describe("findTextUrls", () => {
  it("finds http, https and www. URLs in running text", () => {
    expect(urls("See https://example.jp/a?b=c and http://x.example/ or www.example.com/path.")).toEqual([
      "https://example.jp/a?b=c",
      "http://x.example/",
      "www.example.com/path",
    ]);
  });

  it("stops at Japanese text, angle brackets and quotes", () => {
    expect(urls("詳細はhttps://example.jp/infoをご覧ください")).toEqual(["https://example.jp/info"]);
    expect(urls("<https://example.jp/a>")).toEqual(["https://example.jp/a"]);
    expect(urls('href="http://example.jp/q"')).toEqual(["http://example.jp/q"]);
    expect(urls("「https://example.jp/」")).toEqual(["https://example.jp/"]);
  });

  it("drops trailing punctuation but keeps balanced brackets", () => {
    expect(urls("(see https://example.org/a)")).toEqual(["https://example.org/a"]);
    expect(urls("https://en.wikipedia.org/wiki/Foo_(bar), ok")).toEqual(["https://en.wikipedia.org/wiki/Foo_(bar)"]);
    expect(urls("Go to https://example.org/!?")).toEqual(["https://example.org/"]);
  });

  it("ignores scheme words inside other words, defanged URLs and bare schemes", () => {
    expect(urls("xhttp://a.example awww.example.com hxxp://evil.example http:// https://")).toEqual([]);
    expect(urls("user@www.example.com and /static/www.example.com")).toEqual([]);
  });

  it("is case-insensitive for the scheme and www", () => {
    expect(urls("HTTPS://EXAMPLE.JP WWW.EXAMPLE.COM")).toEqual(["HTTPS://EXAMPLE.JP", "WWW.EXAMPLE.COM"]);
  });

  it("stops at the limit and says so", () => {
    const result = findTextUrls("http://a.example http://b.example http://c.example", 2);
    expect(result.urls.map((u) => u.text)).toEqual(["http://a.example", "http://b.example"]);
    expect(result.truncated).toBe(true);
  });

  it("stays linear on hostile input (no quadratic trimming or rescanning)", () => {
    const hostile = `http://x${")".repeat(200_000)} ${"www.".repeat(100_000)} ${"h".repeat(200_000)}`;
    // No time is asserted (speed is the benchmarks' job): rescanning would stall the suite.
    expect(findTextUrls(hostile, 10).urls.length).toBeGreaterThan(0);
  });
});
