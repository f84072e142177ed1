import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { HTML_META_REFRESH } from "../../../src/core/rules/links/meta-refresh.js";
import { findings, htmlMail, only, valuesOf } from "./helpers.js";

const rule = HTML_META_REFRESH;

describe("HTML_META_REFRESH", () => {
  it("fires medium for a refresh to a site unrelated to the sender", () => {
    const finding = only(rule, htmlMail(`<head><meta http-equiv="refresh" content="0;url=https://evil.example/landing"></head><p>Loading…</p>`));
    expect(finding).toMatchObject({ id: "HTML_META_REFRESH", severity: "medium" });
    expect(valuesOf(finding, LABEL.redirect)).toEqual(["https://evil.example/landing"]);
  });

  it("stays quiet for a refresh to the sender's own site or one without a URL", () => {
    expect(findings(rule, htmlMail(`<meta http-equiv="refresh" content="0; url=https://www.shop.example.jp/news">`))).toEqual([]);
    expect(findings(rule, htmlMail(`<meta http-equiv="refresh" content="60">`))).toEqual([]);
  });
});
