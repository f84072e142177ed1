import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { HTML_FORM } from "../../../src/core/rules/links/form.js";
import { findings, htmlMail, only, valuesOf } from "./helpers.js";

const rule = HTML_FORM;

describe("HTML_FORM", () => {
  it("fires high for a password field, showing where it submits", () => {
    const finding = only(rule, htmlMail(`<form action="https://shop.example.jp/login" method="post">ID <input name="id"> パスワード <input type="password" name="pw"></form>`));
    expect(finding).toMatchObject({ id: "HTML_FORM", severity: "high" });
    expect(valuesOf(finding, LABEL.form)).toEqual(["https://shop.example.jp/login"]);
    expect(valuesOf(finding, LABEL.passwordField)).toEqual(['<input type="password">']);
  });

  it("fires high for several data fields sent off-site, medium when sent to the sender's site", () => {
    const fields = `<input name="name"><input name="card"><input type="email" name="mail"><select name="m"><option>1</option></select>`;
    expect(findings(rule, htmlMail(`<form action="https://collect.evil.example/p" method="post">${fields}</form>`))).toEqual([["HTML_FORM", "high"]]);
    expect(findings(rule, htmlMail(`<form method="post">${fields}</form>`))).toEqual([["HTML_FORM", "high"]]);
    expect(findings(rule, htmlMail(`<form action="https://www.shop.example.jp/survey" method="post">${fields}</form>`))).toEqual([["HTML_FORM", "medium"]]);
  });

  it("is low for a search box or a one-button form", () => {
    const search = `<form action="https://search.partner.example/q"><input name="q"><select name="in"><option>All</option></select><input type="submit" value="Search"></form>`;
    expect(findings(rule, htmlMail(search))).toEqual([["HTML_FORM", "low"]]);
    expect(findings(rule, htmlMail(`<form action="https://x.example/unsub" method="post"><input type="hidden" name="id" value="1"><button>配信停止</button></form>`))).toEqual([["HTML_FORM", "low"]]);
  });

  it("stays quiet without a form", () => {
    expect(findings(rule, htmlMail(`<input type="password"><a href="https://x.example/">x</a>`))).toEqual([]);
  });
});
