import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { freeHostsInText, LINK_FREE_HOSTING } from "../../../src/core/rules/links/free-hosting.js";
import { runRules } from "../../helpers/build.js";
import { findings, htmlMail, only, textMail, valuesOf } from "./helpers.js";

const rule = LINK_FREE_HOSTING;

describe("LINK_FREE_HOSTING", () => {
  it("fires medium for a link to a page on a free hosting service", () => {
    const finding = only(rule, htmlMail(`<a href="https://secure-login-7f3a.pages.dev/m365">請求書を確認</a>`));
    expect(finding).toMatchObject({ id: "LINK_FREE_HOSTING", severity: "medium" });
    expect(valuesOf(finding, LABEL.realTarget)).toEqual(["https://secure-login-7f3a.pages.dev/m365"]);
  });

  it("looks through a Safe Links wrapper and covers storage-hosted pages", () => {
    const wrapped = `https://jpn01.safelinks.protection.outlook.com/?url=${encodeURIComponent("https://invoice0042.z13.web.core.windows.net/index.html")}&data=05%7C02&reserved=0`;
    expect(findings(rule, htmlMail(`<a href="${wrapped}">Invoice</a>`))).toEqual([["LINK_FREE_HOSTING", "medium"]]);
  });

  it("counts host names written in the text without a link, once each", () => {
    const text = "Username: acicfhz.transfer705.pages.dev - WITHDRAW FUNDS 120097 USDT\nSee acicfhz.transfer705.pages.dev. Or portal-x.web.app!";
    const finding = runRules(textMail(text, "support@shop.example"), [rule]).findings;
    expect(finding.map((f) => f.severity)).toEqual(["medium"]);
    expect(finding.flatMap((f) => valuesOf(f, LABEL.hostInText))).toEqual(["acicfhz.transfer705.pages.dev", "portal-x.web.app"]);
  });

  it("counts a web page in a cloud storage bucket, not a file there", () => {
    expect(findings(rule, htmlMail(`<a href="https://storage.googleapis.com/educatione/washingtonpost.com%20(2).html#4CZk">記事</a>`))).toEqual([["LINK_FREE_HOSTING", "medium"]]);
    expect(findings(rule, htmlMail(`<a href="https://acct.blob.core.windows.net/web/">Sign in</a>`))).toEqual([["LINK_FREE_HOSTING", "medium"]]);
    expect(findings(rule, htmlMail(`<a href="https://brochures.s3.amazonaws.com/2026/catalogue.pdf">カタログ</a><a href="https://storage.googleapis.com/shop-assets/banner.png">x</a>`))).toEqual([]);
    // A storage host written in the text says nothing about what it serves.
    expect(freeHostsInText("files at storage.googleapis.com and bucket.s3.amazonaws.com")).toEqual([]);
  });

  it("is low for the sender's own site on such a service", () => {
    const mail = htmlMail(`<a href="https://my-project.firebaseapp.com/__/auth/action?mode=resetPassword">Reset</a>`, "noreply@my-project.firebaseapp.com");
    expect(findings(rule, mail)).toEqual([["LINK_FREE_HOSTING", "low"]]);
  });

  it("stays quiet for ordinary sites, look-alike names and the services' own home pages", () => {
    expect(findings(rule, htmlMail(`<a href="https://shop.example.jp/">店舗</a><a href="https://pages.dev.example.com/">x</a><a href="https://notpages.dev/">y</a>`))).toEqual([]);
    expect(findings(rule, textMail("Docs: https://developers.cloudflare.com/pages/ and www.netlify.com"))).toEqual([]);
    expect(findings(rule, htmlMail(`<a href="https://pages.dev/">Cloudflare Pages</a><a href="https://vercel.app/">Vercel</a>`))).toEqual([]);
  });
});

describe("freeHostsInText", () => {
  it("takes whole host names, trims sentence punctuation and ignores other words", () => {
    expect(freeHostsInText("(visit a-b.netlify.app.) or x.vercel.app, e-mail a@b.example")).toEqual(["a-b.netlify.app", "x.vercel.app"]);
    expect(freeHostsInText("pages.dev is a service; vercel.app too")).toEqual([]);
  });

  it("reports at most 20 hosts however long the text", () => {
    const text = Array.from({ length: 500 }, (_, i) => `site${i}.pages.dev`).join(" ");
    expect(freeHostsInText(text)).toHaveLength(20);
  });
});
