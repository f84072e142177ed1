import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { HTML_BASE_TAG } from "../../../src/core/rules/links/base-tag.js";
import { findings, htmlMail, only, valuesOf } from "./helpers.js";

const rule = HTML_BASE_TAG;

describe("HTML_BASE_TAG", () => {
  it("fires medium when a foreign <base> decides where relative links go, and shows them resolved", () => {
    const finding = only(rule, htmlMail(`<base href="https://kit.evil.example/m/"><a href="signin.html">サインイン</a>`));
    expect(finding).toMatchObject({ id: "HTML_BASE_TAG", severity: "medium" });
    expect(valuesOf(finding, LABEL.base)).toEqual(["https://kit.evil.example/m/"]);
    expect(valuesOf(finding, LABEL.link)).toEqual(["signin.html"]);
    expect(valuesOf(finding, LABEL.realTarget)).toEqual(["https://kit.evil.example/m/signin.html"]);
  });

  it("is low for a <base> on the sender's own site", () => {
    expect(findings(rule, htmlMail(`<base href="https://www.shop.example.jp/"><a href="sale/">セール</a>`))).toEqual([["HTML_BASE_TAG", "low"]]);
  });

  it("stays quiet when no link depends on the <base>", () => {
    expect(findings(rule, htmlMail(`<base href="https://kit.evil.example/"><a href="https://www.shop.example.jp/">x</a>`))).toEqual([]);
    expect(findings(rule, htmlMail(`<base href="relative/only/"><a href="a.html">x</a>`))).toEqual([]);
  });
});
