import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { LINK_USERINFO } from "../../../src/core/rules/links/userinfo.js";
import { findings, htmlMail, only, textMail, valuesOf } from "./helpers.js";

const rule = LINK_USERINFO;

describe("LINK_USERINFO", () => {
  it("fires high for http://www.go.jp@evil.example/ and names the real host", () => {
    const finding = only(rule, htmlMail(`<a href="http://www.go.jp@evil.example/notice">http://www.go.jp/notice</a>`));
    expect(finding).toMatchObject({ id: "LINK_USERINFO", severity: "high" });
    expect(valuesOf(finding, LABEL.userinfo)).toEqual(["www.go.jp"]);
    expect(valuesOf(finding, LABEL.host)).toEqual(["evil.example"]);
  });

  it("decodes a hidden second @ and catches user:password forms in plain text", () => {
    expect(valuesOf(only(rule, textMail("http://login.bank.example%40x:pw@evil.example/")), LABEL.userinfo)).toEqual(["login.bank.example@x:pw"]);
  });

  it("stays quiet for ordinary URLs and addresses", () => {
    expect(findings(rule, htmlMail(`<a href="https://www.example.jp/?mail=a@b.example">x</a><a href="mailto:a@b.example">y</a>`))).toEqual([]);
  });
});
