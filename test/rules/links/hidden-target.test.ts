import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { LINK_HIDDEN_TARGET } from "../../../src/core/rules/links/hidden-target.js";
import { findings, htmlMail, only, safeLinks, valuesOf } from "./helpers.js";

const rule = LINK_HIDDEN_TARGET;

describe("LINK_HIDDEN_TARGET", () => {
  it("fires medium for 「こちら」 leading away from the sender, and shows the target", () => {
    const finding = only(rule, htmlMail(`<p>詳細につきましては、<a href="https://files.evil.example/d?id=7">こちら</a>をご覧ください。</p>`));
    expect(finding).toMatchObject({ id: "LINK_HIDDEN_TARGET", severity: "medium" });
    expect(valuesOf(finding, LABEL.shownText)).toEqual(["こちら"]);
    expect(valuesOf(finding, LABEL.realTarget)).toEqual(["https://files.evil.example/d?id=7"]);
    expect(valuesOf(finding, LABEL.realDomain)).toEqual(["evil.example"]);
    expect(valuesOf(finding, LABEL.senderDomain)).toEqual(["example.jp"]);
  });

  it("fires for an image link and shows its alt text", () => {
    const finding = only(rule, htmlMail(`<a href="https://evil.example/"><img src="cid:1" alt="ログイン"></a>`));
    expect(valuesOf(finding, LABEL.imageAlt)).toEqual(["ログイン"]);
  });

  it("is low when the mail also links to the sender's own site (a newsletter linking out)", () => {
    const html = `<a href="https://www.shop.example.jp/"><img src="cid:logo" alt="SHOP"></a> <a href="https://partner.example.com/">特集</a>`;
    expect(findings(rule, htmlMail(html))).toEqual([["LINK_HIDDEN_TARGET", "low"]]);
  });

  it("stays quiet for a logo image linking to the sender's site, through Safe Links too", () => {
    expect(findings(rule, htmlMail(`<a href="https://www.shop.example.jp/"><img src="cid:logo"></a>`))).toEqual([]);
    expect(findings(rule, htmlMail(`<a href="${safeLinks("https://shop.example.jp/sale")}">セール会場へ</a>`))).toEqual([]);
  });

  it("stays quiet for mail-service click trackers and the platform's own redirector", () => {
    expect(findings(rule, htmlMail(`<a href="https://u123.ct.sendgrid.net/ls/click?upn=x">こちら</a>`))).toEqual([]);
    expect(findings(rule, htmlMail(`<a href="https://shop.us12.list-manage.com/track/click?u=1">Read more</a>`))).toEqual([]);
    expect(findings(rule, htmlMail(`<a href="https://t.co/AbCdEf">View</a>`, "notify@x.com"))).toEqual([]);
    expect(findings(rule, htmlMail(`<a href="https://t.co/AbCdEf">View</a>`))).toEqual([["LINK_HIDDEN_TARGET", "medium"]]);
  });

  it("stays quiet for the organisation's own, same-organisation and allowed link domains", () => {
    const mail = htmlMail(`<a href="https://portal.example.co.jp/">社内ポータル</a><a href="https://www.example-hd.com/">IR</a><a href="https://survey.vendor.example/">アンケート</a>`);
    expect(findings(rule, mail)).toEqual([["LINK_HIDDEN_TARGET", "medium"]]);
    const config = {
      organization: { domains: ["example.co.jp"] },
      sameOrganizationDomains: [["example.co.jp", "example-hd.com"]],
      allowedLinkDomains: ["survey.vendor.example"],
    };
    expect(findings(rule, mail, config)).toEqual([]);
  });

  it("leaves shown URLs to LINK_TEXT_MISMATCH and ignores mailto:", () => {
    expect(findings(rule, htmlMail(`<a href="https://evil.example/">https://evil.example/</a><a href="mailto:a@evil.example">連絡先</a>`))).toEqual([]);
  });

  it("lists each destination domain once", () => {
    const finding = only(rule, htmlMail(`<a href="https://a.evil.example/1">x</a><a href="https://b.evil.example/2">y</a><a href="https://other.example/">z</a>`));
    expect(valuesOf(finding, LABEL.realDomain)).toEqual(["evil.example", "other.example"]);
  });
});
