import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { LINK_SHORTENER } from "../../../src/core/rules/links/shortener.js";
import { findings, htmlMail, only, textMail, valuesOf } from "./helpers.js";

const rule = LINK_SHORTENER;

describe("LINK_SHORTENER", () => {
  it("fires medium for a shortener in a mail that never links to the sender's site", () => {
    const finding = only(rule, textMail("ご確認ください https://bit.ly/3AbCdEf", "someone@freemail.example"));
    expect(finding).toMatchObject({ id: "LINK_SHORTENER", severity: "medium" });
    expect(valuesOf(finding, LABEL.realTarget)).toEqual(["https://bit.ly/3AbCdEf"]);
  });

  it("is low when the mail also links to the sender's own site", () => {
    expect(findings(rule, htmlMail(`<a href="https://shop.example.jp/">店舗</a><a href="https://tinyurl.com/abc">動画</a>`))).toEqual([["LINK_SHORTENER", "low"]]);
  });

  it("treats t.co as a shortener except in mail from X, and leaves brand shorteners alone", () => {
    expect(findings(rule, htmlMail(`<a href="https://t.co/xyz">x</a>`))).toEqual([["LINK_SHORTENER", "medium"]]);
    expect(findings(rule, htmlMail(`<a href="https://t.co/xyz">x</a>`, "info@x.com"))).toEqual([]);
    expect(findings(rule, htmlMail(`<a href="https://amzn.to/3xyz">本</a><a href="https://youtu.be/abc">動画</a>`))).toEqual([]);
  });

  it("matches hosts label-aligned, not by string prefix", () => {
    expect(findings(rule, htmlMail(`<a href="https://notbit.ly/a">x</a><a href="https://bit.ly.example.com/a">y</a>`))).toEqual([]);
  });
});
