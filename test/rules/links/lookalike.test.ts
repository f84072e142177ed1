import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { LINK_LOOKALIKE } from "../../../src/core/rules/links/lookalike.js";
import { findings, htmlMail, only, textMail, valuesOf } from "./helpers.js";

const rule = LINK_LOOKALIKE;
const ORG = { organization: { domains: ["example.co.jp"] } };

describe("LINK_LOOKALIKE", () => {
  it("fires high for a look-alike of a widely impersonated brand", () => {
    const finding = only(rule, htmlMail(`<a href="https://www.rnizuhobank.co.jp/login">ログイン</a>`));
    expect(finding).toMatchObject({ id: "LINK_LOOKALIKE", severity: "high" });
    expect(valuesOf(finding, LABEL.realDomain)).toEqual(["rnizuhobank.co.jp"]);
    expect(valuesOf(finding, LABEL.lookalikeOf)).toEqual(["mizuhobank.co.jp (Mizuho)"]);
  });

  it("fires high for the organisation's domain with its suffix folded in, or placed in front of another domain", () => {
    expect(findings(rule, textMail("https://example-co-jp.com/portal", "it@helpdesk.example"), ORG)).toEqual([["LINK_LOOKALIKE", "high"]]);
    expect(valuesOf(only(rule, textMail("https://example.co.jp.account-verify.example/", "a@b.example"), ORG), LABEL.lookalikeOf)).toEqual(["example.co.jp"]);
  });

  it("fires for look-alikes of the sender's own domain (combos only medium)", () => {
    expect(findings(rule, htmlMail(`<a href="https://shop.exarnple.jp/">x</a>`, "news@shop.example.jp"))).toEqual([["LINK_LOOKALIKE", "high"]]); // "rn" reads as "m"
    expect(findings(rule, htmlMail(`<a href="https://acne.jp/">x</a>`, "info@acme.jp"))).toEqual([]); // one edit on a short name means nothing
    expect(findings(rule, htmlMail(`<a href="https://www.sakura-denki.co.jp/">x</a>`, "info@sakura-denki.jp"))).toEqual([]); // same label, other suffix
    expect(findings(rule, htmlMail(`<a href="https://sakura-denkl.com/">x</a>`, "info@sakura-denki.jp"))).toEqual([["LINK_LOOKALIKE", "high"]]);
    expect(findings(rule, htmlMail(`<a href="https://greenfield-support.com/">x</a>`, "info@greenfield.jp"))).toEqual([["LINK_LOOKALIKE", "medium"]]);
  });

  it("still fires when the sender's own name is built on the look-alike (sender amazon-account-jp.com, link amazon-account.com)", () => {
    expect(findings(rule, htmlMail(`<a href="https://amazon-account.com/">x</a>`, "info@amazon-account-jp.com"))).toEqual([["LINK_LOOKALIKE", "high"]]);
  });

  it("is medium for the organisation's name under another suffix", () => {
    expect(findings(rule, textMail("https://example.com/", "a@b.example"), ORG)).toEqual([["LINK_LOOKALIKE", "medium"]]);
  });

  it("stays quiet for the real brand, its other domains and suffixes, the sender's domain, and configured domains", () => {
    expect(findings(rule, htmlMail(`<a href="https://www.amazon.co.jp/">x</a><a href="https://amazon.de/">y</a><a href="https://s3.amazonaws.com/b/f">z</a>`))).toEqual([]);
    expect(findings(rule, htmlMail(`<a href="https://www.shop.example.jp/">x</a>`))).toEqual([]);
    const config = { ...ORG, sameOrganizationDomains: [["example.co.jp", "example.com"]] };
    expect(findings(rule, textMail("https://example.com/", "a@b.example"), config)).toEqual([]);
    expect(findings(rule, textMail("https://example-co-jp.com/", "a@b.example"), { ...ORG, allowedLinkDomains: ["example-co-jp.com"] })).toEqual([]);
  });
});
