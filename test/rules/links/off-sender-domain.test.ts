import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { LINK_OFF_SENDER_DOMAIN } from "../../../src/core/rules/links/off-sender-domain.js";
import { findings, htmlMail, only, textMail, valuesOf } from "./helpers.js";
import { makeSnapshot } from "../../helpers/build.js";

const rule = LINK_OFF_SENDER_DOMAIN;

describe("LINK_OFF_SENDER_DOMAIN", () => {
  it("fires low for a plain-text URL on another domain than the sender's", () => {
    const finding = only(rule, textMail("請求書はこちらから確認してください。\nhttp://invoice.other.example/view?id=1\n"));
    expect(finding).toMatchObject({ id: "LINK_OFF_SENDER_DOMAIN", severity: "low" });
    expect(valuesOf(finding, LABEL.realDomain)).toEqual(["other.example"]);
    expect(valuesOf(finding, LABEL.senderDomain)).toEqual(["example.jp"]);
  });

  it("stays quiet for the sender's own domain (any subdomain), trackers and the organisation", () => {
    expect(findings(rule, textMail("https://www.shop.example.jp/ と https://example.jp/x"))).toEqual([]);
    expect(findings(rule, textMail("https://u1.ct.sendgrid.net/ls/click?upn=1"))).toEqual([]);
    expect(findings(rule, textMail("https://intra.example.co.jp/"), { organization: { domains: ["example.co.jp"] } })).toEqual([]);
  });

  it("only looks at plain-text mail, and needs a sender", () => {
    expect(findings(rule, htmlMail(`<a href="https://other.example/">https://other.example/</a>`))).toEqual([]);
    expect(findings(rule, makeSnapshot({ text: "https://other.example/" }))).toEqual([]);
  });
});
