import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { LOOKALIKE_SENDER_DOMAIN } from "../../../src/core/rules/sender/lookalike-sender-domain.js";
import { makeSnapshot } from "../../helpers/build.js";
import { findings, only, valuesOf } from "../links/helpers.js";

// The sender rule lives in rules/sender; its tests sit here with the look-alike link tests it shares net/lookalike.ts with.
const rule = LOOKALIKE_SENDER_DOMAIN;
const from = (address: string) => makeSnapshot({ from: { name: "", address } });
const ORG = { organization: { domains: ["example.co.jp"] } };

describe("LOOKALIKE_SENDER_DOMAIN", () => {
  it("fires high for a From domain imitating a brand", () => {
    const finding = only(rule, from("info@rnufg.jp"));
    expect(finding).toMatchObject({ id: "LOOKALIKE_SENDER_DOMAIN", severity: "high", group: "sender" });
    expect(valuesOf(finding, LABEL.from)).toEqual(["info@rnufg.jp"]);
    expect(valuesOf(finding, LABEL.lookalikeOf)).toEqual(["mufg.jp (MUFG)"]);
    expect(findings(rule, from("support@amazon-co-jp.top"))).toEqual([["LOOKALIKE_SENDER_DOMAIN", "high"]]);
  });

  it("fires for the organisation's own domain imitated", () => {
    expect(findings(rule, from("soumu@exarnple.co.jp"), ORG)).toEqual([["LOOKALIKE_SENDER_DOMAIN", "high"]]);
    expect(findings(rule, from("soumu@example-jp.com"), ORG)).toEqual([["LOOKALIKE_SENDER_DOMAIN", "high"]]);
    expect(findings(rule, from("soumu@example.com"), ORG)).toEqual([["LOOKALIKE_SENDER_DOMAIN", "medium"]]);
  });

  it("stays quiet for the real domains, configured sister domains and unrelated senders", () => {
    expect(findings(rule, from("order@amazon.co.jp"))).toEqual([]);
    expect(findings(rule, from("a@mail.example.co.jp"), ORG)).toEqual([]);
    expect(findings(rule, from("a@example.com"), { ...ORG, sameOrganizationDomains: [["example.co.jp", "example.com"]] })).toEqual([]);
    expect(findings(rule, from("tanaka@torihikisaki.example"), ORG)).toEqual([]);
    expect(findings(rule, makeSnapshot({}))).toEqual([]);
  });
});
