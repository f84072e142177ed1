import { describe, expect, it } from "vitest";
import { resolveOrganization } from "../../../src/core/organization.js";
import { brandNamed, isBrandDomain } from "../../../src/core/rules/sender/brands.js";
import { countryOfTld, expectedCountry, isPublicSector } from "../../../src/core/rules/sender/country.js";
import { isFreemail, isMailPlatform } from "../../../src/core/rules/sender/domains.js";
import { SENDER_RULES } from "../../../src/core/rules/sender/index.js";
import { check, lookupCountry, o365, ORG, severityOf } from "./mail.js";

describe("country of a sender domain", () => {
  it("reads ccTLDs and their second levels, not generic-use ccTLDs", () => {
    expect(countryOfTld("mail.example.go.jp")).toBe("JP");
    expect(countryOfTld("city.yokohama.lg.jp")).toBe("JP");
    expect(countryOfTld("example.co.uk")).toBe("GB");
    expect(countryOfTld("agency.gov")).toBe("US");
    for (const host of ["example.com", "example.io", "example.co", "example.me", "example.eu", "example.org"]) expect(countryOfTld(host), host).toBeUndefined();
  });

  it("knows the public sector", () => {
    for (const host of ["example.go.jp", "city.yokohama.lg.jp", "pref.osaka.jp", "city.sapporo.hokkaido.jp", "www.gov.uk", "interieur.gouv.fr", "agency.gov", "army.mil", "example.gob.mx"]) {
      expect(isPublicSector(host), host).toBe(true);
    }
    for (const host of ["example.co.jp", "city.example.co.jp", "pref.example.com", "example.ac.jp", "gov.example.com"]) expect(isPublicSector(host), host).toBe(false);
  });

  it("lets configuration decide first", () => {
    const org = resolveOrganization({ organization: { domains: ["example.com"], country: "JP" }, domainCountries: { "partner.example": "DE" } }, 10);
    expect(expectedCountry("mail.example.com", org)).toEqual({ country: "JP", source: "config" });
    expect(expectedCountry("partner.example", org)).toEqual({ country: "DE", source: "config" });
    expect(expectedCountry("other.com", org)).toBeUndefined();
  });
});

describe("domain lists", () => {
  it("knows free mail mailboxes by exact host", () => {
    for (const host of ["gmail.com", "yahoo.co.jp", "docomo.ne.jp", "ezweb.ne.jp", "i.softbank.jp", "icloud.com", "qq.com", "163.com", "hotmail.fr", "outlook.jp"]) expect(isFreemail(host), host).toBe(true);
    for (const host of ["returns.groups.yahoo.com", "company.example", "mail.google.com"]) expect(isFreemail(host), host).toBe(false);
    expect(isMailPlatform("bounces.sendgrid.net")).toBe(true);
    expect(isMailPlatform("company.example")).toBe(false);
  });

  it("matches brand names as words and brand domains by their first label", () => {
    expect(brandNamed("PayPal Service")?.name).toBe("paypal");
    expect(brandNamed("ＰａｙＰａｌ")?.name).toBe("paypal");
    expect(brandNamed("楽天カード")?.name).toBe("楽天");
    expect(brandNamed("Chase Miller")).toBeUndefined();
    expect(brandNamed("Applebee's Grill")).toBeUndefined();
    const paypal = brandNamed("PayPal")!;
    expect(isBrandDomain("mail.paypal.co.uk", paypal.labels)).toBe(true);
    expect(isBrandDomain("paypal-communication.com", paypal.labels)).toBe(true);
    expect(isBrandDomain("secure-paypal.example", paypal.labels)).toBe(false);
  });
});

describe("the sender rules together on the seed's cases", () => {
  it("case 1: a go.jp sender from a Chinese IP, failing DMARC, replies to Gmail → danger", async () => {
    const a = await check(
      o365({
        auth: "spf=fail (sender IP is 60.26.146.1) smtp.mailfrom=example.go.jp; dkim=none (message not signed) header.d=none;dmarc=fail action=none header.from=example.go.jp;compauth=fail reason=001",
        headers: ["From: 調達課 <chotatsu@example.go.jp>", "Reply-To: chotatsu.example@gmail.com", "Date: Thu, 26 Nov 2026 09:01:50 +0800", "Subject: 調達の件", "Message-ID: <1@desktop-pc>"],
      }),
      SENDER_RULES,
    );
    expect(a.verdict).toBe("danger");
    expect(severityOf(a, "ORIGIN_COUNTRY_MISMATCH")).toBe("high");
    expect(severityOf(a, "AUTH_FAIL")).toBe("high");
    expect(severityOf(a, "REPLY_TO_DIVERGES")).toBe("medium");
    expect(severityOf(a, "DATE_ZONE_MISMATCH")).toBe("medium");
    expect(lookupCountry("60.26.146.1")).toBe("CN");
  });

  it("case 3: an internal alert reused from outside to 150 executives → danger", async () => {
    const to = `To: ${Array.from({ length: 150 }, (_, i) => `exec${i}@example.co.jp`).join(", ")}`;
    const a = await check(o365({ headers: ["From: 情報システム部 <it-alert@example.co.jp>", to, "Subject: Re: 【注意喚起】不審メールについて"] }), SENDER_RULES, ORG);
    expect(a.verdict).toBe("danger");
    expect(severityOf(a, "INTERNAL_SENDER_EXTERNAL_ORIGIN")).toBe("high");
    expect(severityOf(a, "MASS_INTERNAL_RECIPIENTS")).toBe("high");
  });
});
