import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { LINK_TEXT_MISMATCH } from "../../../src/core/rules/links/text-mismatch.js";
import { findings, htmlMail, only, safeLinks, valuesOf } from "./helpers.js";

const rule = LINK_TEXT_MISMATCH;

describe("LINK_TEXT_MISMATCH", () => {
  it("fires high when the shown URL's domain is not where the link goes", () => {
    const finding = only(rule, htmlMail(`<a href="https://paypal.account-check.example/login">https://www.paypal.com/signin</a>`, "service@paypal.com"));
    expect(finding).toMatchObject({ id: "LINK_TEXT_MISMATCH", severity: "high", group: "links" });
    expect(valuesOf(finding, LABEL.shownText)).toEqual(["https://www.paypal.com/signin"]);
    expect(valuesOf(finding, LABEL.shownDomain)).toEqual(["paypal.com"]);
    expect(valuesOf(finding, LABEL.realDomain)).toEqual(["account-check.example"]);
    expect(valuesOf(finding, LABEL.realTarget)).toEqual(["https://paypal.account-check.example/login"]);
  });

  it("fires on a bare domain shown as the text", () => {
    expect(findings(rule, htmlMail(`<a href="http://192.0.2.10/a">Amazon.co.jp</a>`))).toEqual([["LINK_TEXT_MISMATCH", "high"]]);
  });

  it("compares the unwrapped target and shows the wrapper", () => {
    const finding = only(rule, htmlMail(`<a href="${safeLinks("https://evil.example/x")}">https://www.example.co.jp/</a>`));
    expect(finding?.severity).toBe("high");
    expect(valuesOf(finding, LABEL.realTarget)).toEqual(["https://evil.example/x"]);
    expect(valuesOf(finding, LABEL.wrappedBy)).toEqual(["Microsoft Safe Links"]);
    expect(valuesOf(finding, LABEL.link)[0]).toMatch(/^https:\/\/jpn01\.safelinks\.protection\.outlook\.com\/\?url=/);
  });

  it("stays quiet for www vs apex, Safe Links around the same domain, and 「こちら」", () => {
    expect(findings(rule, htmlMail(`<a href="https://example.com/a">www.example.com</a>`))).toEqual([]);
    expect(findings(rule, htmlMail(`<a href="${safeLinks("https://www.example.co.jp/a")}">https://www.example.co.jp/a</a>`))).toEqual([]);
    expect(findings(rule, htmlMail(`<a href="https://evil.example/">こちら</a>`))).toEqual([]);
  });

  it("treats configured same-organisation domains and one brand's domains as equal", () => {
    const config = { sameOrganizationDomains: [["example-group.co.jp", "example-hd.com"]] };
    const mail = htmlMail(`<a href="https://www.example-hd.com/ir">www.example-group.co.jp</a>`);
    expect(findings(rule, mail)).toEqual([["LINK_TEXT_MISMATCH", "high"]]);
    expect(findings(rule, mail, config)).toEqual([]);
    expect(findings(rule, htmlMail(`<a href="https://www.amazon.co.jp/gp/">amazon.com</a>`, "store-news@amazon.co.jp"))).toEqual([]);
  });

  it("does not count a click tracker showing the sender's own site, but does when the text claims another site", () => {
    const tracker = "https://u123456.ct.sendgrid.net/ls/click?upn=abc";
    expect(findings(rule, htmlMail(`<a href="${tracker}">www.shop.example.jp</a>`))).toEqual([]);
    expect(findings(rule, htmlMail(`<a href="${tracker}">www.mizuhobank.co.jp</a>`))).toEqual([["LINK_TEXT_MISMATCH", "medium"]]);
  });

  it("grades the sender's own redirect low, unless the text claims a brand", () => {
    expect(findings(rule, htmlMail(`<a href="https://click.shop.example.jp/c?id=1">partner.example.com</a>`))).toEqual([["LINK_TEXT_MISMATCH", "low"]]);
    expect(findings(rule, htmlMail(`<a href="https://click.shop.example.jp/c?id=1">https://www.amazon.co.jp/</a>`))).toEqual([["LINK_TEXT_MISMATCH", "high"]]);
  });

  it("grades a link to the site named in the sender's display name low (a forwarding service rewrote the address)", () => {
    const mail = htmlMail(`<a href="https://lists.news.example.org/t/1/2">Sponsor.example.com</a>`, "alias123@relay.example", "News news@news.example.org [via relay]");
    expect(findings(rule, mail)).toEqual([["LINK_TEXT_MISMATCH", "low"]]);
    expect(findings(rule, htmlMail(`<a href="https://lists.news.example.org/t/1/2">Sponsor.example.com</a>`, "alias123@relay.example"))).toEqual([["LINK_TEXT_MISMATCH", "high"]]);
  });

  it("grades a redirect that names the shown site in its own query low", () => {
    const href = `https://go.partner.example/to?tag=1&dest=${encodeURIComponent("https://www.shop.example.com/item")}`;
    expect(findings(rule, htmlMail(`<a href="${href}">shop.example.com</a>`))).toEqual([["LINK_TEXT_MISMATCH", "low"]]);
  });

  it("cannot judge Mimecast links (destination kept on the server)", () => {
    expect(findings(rule, htmlMail(`<a href="https://protect-eu.mimecast.com/s/AbC?domain=x">www.paypal.com</a>`))).toEqual([]);
  });

  it("reports one hit per shown domain and destination", () => {
    const a = `<a href="https://evil.example/1">www.bank.example.jp</a>`;
    expect(only(rule, htmlMail(a + a))?.evidence.filter((e) => e.label === LABEL.shownText)).toHaveLength(1);
  });
});
