import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { LINK_IP_LITERAL } from "../../../src/core/rules/links/ip-literal.js";
import { findings, htmlMail, only, textMail, valuesOf } from "./helpers.js";

const rule = LINK_IP_LITERAL;

describe("LINK_IP_LITERAL", () => {
  it("fires high for a public IP behind link text, showing the normalised address", () => {
    const finding = only(rule, htmlMail(`<a href="http://0x5d.0xb8.216.34/login">ログイン</a>`));
    expect(finding).toMatchObject({ id: "LINK_IP_LITERAL", severity: "high" });
    expect(valuesOf(finding, LABEL.host)).toEqual(["93.184.216.34"]);
  });

  it("is medium for a private address, or when the mail also links home", () => {
    expect(findings(rule, htmlMail(`<a href="http://10.1.2.3/">社内</a>`))).toEqual([["LINK_IP_LITERAL", "medium"]]);
    expect(findings(rule, htmlMail(`<a href="https://shop.example.jp/">home</a><a href="http://203.0.114.9/a">x</a>`))).toEqual([["LINK_IP_LITERAL", "medium"]]);
  });

  it("is low when the reader sees the address itself", () => {
    expect(findings(rule, textMail("サーバー http://203.0.114.9/status を確認"))).toEqual([["LINK_IP_LITERAL", "low"]]);
    expect(findings(rule, htmlMail(`<a href="http://203.0.114.9/">http://203.0.114.9/</a>`))).toEqual([["LINK_IP_LITERAL", "low"]]);
  });

  it("covers IPv6 and stays quiet for names", () => {
    expect(only(rule, htmlMail(`<a href="http://[2001:4860:0:0::68]/">x</a>`))?.evidence.find((e) => e.label === LABEL.host)?.value).toBe("2001:4860::68");
    expect(findings(rule, htmlMail(`<a href="https://www.example.jp/">x</a>`))).toEqual([]);
  });
});
