import { describe, expect, it } from "vitest";
import { classifyShownText, clip, collapseWhitespace, looksLikeDomainName } from "../../../src/core/body/shown.js";

describe("looksLikeDomainName", () => {
  it("accepts names under well-known and country TLDs", () => {
    expect(looksLikeDomainName("Amazon.co.jp")).toBe(true);
    expect(looksLikeDomainName("example.com")).toBe(true);
    expect(looksLikeDomainName("city.example.lg.jp")).toBe(true);
  });

  it("rejects words that only happen to end in a newer TLD or a file extension", () => {
    expect(looksLikeDomainName("Click.here")).toBe(false);
    expect(looksLikeDomainName("invoice.zip")).toBe(false);
    expect(looksLikeDomainName("README.md")).toBe(false);
    expect(looksLikeDomainName("setup.py")).toBe(false);
    expect(looksLikeDomainName("report.pdf")).toBe(false);
    expect(looksLikeDomainName("Node.js")).toBe(false);
    expect(looksLikeDomainName("co.jp")).toBe(false);
  });

  it("accepts any listed suffix when asked (written with www. or a path)", () => {
    expect(looksLikeDomainName("grants.example.xyz", true)).toBe(true);
    expect(looksLikeDomainName("example.notarealtld", true)).toBe(false);
  });
});

describe("classifyShownText", () => {
  it("classifies URLs, bare domains and words", () => {
    expect(classifyShownText("https://www.example.co.jp/login")).toEqual({ kind: "url", host: "www.example.co.jp", registrableDomain: "example.co.jp" });
    expect(classifyShownText("www.example.com")).toEqual({ kind: "url", host: "www.example.com", registrableDomain: "example.com" });
    expect(classifyShownText("Amazon.co.jp")).toEqual({ kind: "domain", host: "amazon.co.jp", registrableDomain: "amazon.co.jp" });
    expect(classifyShownText("grants.example.xyz/apply")).toEqual({ kind: "url", host: "grants.example.xyz", registrableDomain: "example.xyz" });
    expect(classifyShownText("こちら")).toEqual({ kind: "text" });
    expect(classifyShownText("Click.here")).toEqual({ kind: "text" });
    expect(classifyShownText("Click here")).toEqual({ kind: "text" });
  });

  it("reads a URL inside a sentence only when written with a scheme or www.", () => {
    expect(classifyShownText("ログインはこちら https://example.jp/login から")).toMatchObject({ kind: "url", registrableDomain: "example.jp" });
    expect(classifyShownText("Visit example.com today")).toEqual({ kind: "text" });
  });

  it("strips brackets and punctuation around the URL and folds full-width letters", () => {
    expect(classifyShownText("<https://example.jp/>")).toMatchObject({ kind: "url", host: "example.jp" });
    expect(classifyShownText("「ｅｘａｍｐｌｅ．ｃｏｍ」")).toMatchObject({ kind: "domain", host: "example.com" });
  });

  it("treats an IP address in the text as a shown destination", () => {
    expect(classifyShownText("192.0.2.7")).toEqual({ kind: "domain", host: "192.0.2.7", registrableDomain: "192.0.2.7" });
    expect(classifyShownText("http://192.0.2.7/a")).toEqual({ kind: "url", host: "192.0.2.7", registrableDomain: "192.0.2.7" });
  });
});

describe("collapseWhitespace and clip", () => {
  it("collapses whitespace and drops invisible characters", () => {
    expect(collapseWhitespace("  Pay\u200BPal \n\t ログイン\u3000 ")).toBe("PayPal ログイン");
  });

  it("clips without splitting a surrogate pair", () => {
    expect(clip("abc", 5)).toBe("abc");
    expect(clip("abcdef", 3)).toBe("abc…");
    expect(clip("ab😀cd", 3)).toBe("ab…");
  });
});
