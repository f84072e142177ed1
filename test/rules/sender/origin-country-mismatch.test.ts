import { describe, expect, it } from "vitest";
import { ORIGIN_COUNTRY_MISMATCH } from "../../../src/core/rules/sender/origin-country-mismatch.js";
import { codes, check, o365, PASS, postfix, severityOf } from "./mail.js";

const RULE = [ORIGIN_COUNTRY_MISMATCH];
const ID = "ORIGIN_COUNTRY_MISMATCH";
const from = (address: string): string[] => [`From: Sender <${address}>`, "Subject: s"];

describe("ORIGIN_COUNTRY_MISMATCH", () => {
  it("fires high for a go.jp sender whose mail came from a Chinese IP (the seed's case 1)", async () => {
    const a = await check(o365({ ip: "60.26.146.1", headers: from("info@example.go.jp") }), RULE);
    expect(severityOf(a, ID)).toBe("high");
    const values = a.findings[0]!.evidence.map((e) => e.value);
    expect(values).toContain("JP");
    expect(values.some((v) => v.startsWith("60.26.146.1"))).toBe(true);
    expect(values.some((v) => v.startsWith("CN"))).toBe(true);
  });

  it("fires medium for a co.jp company and for a configured domain country", async () => {
    expect(severityOf(await check(o365({ headers: from("a@example-corp.co.jp") }), RULE), ID)).toBe("medium");
    const config = { domainCountries: { "example.com": "JP" } };
    expect(severityOf(await check(o365({ headers: from("a@example.com") }), RULE, config), ID)).toBe("medium");
  });

  it("prefers Microsoft 365's country to the lookup and shows both when they disagree", async () => {
    const a = await check(o365({ ip: "133.0.0.1", headers: from("a@example.go.jp"), forefront: "CIP:133.0.0.1;CTRY:KR;SFV:SPM;" }), RULE);
    expect(severityOf(a, ID)).toBe("medium"); // high, one step down because the lookup says JP
    expect(a.findings[0]!.evidence.map((e) => e.value)).toContain("JP");
  });

  it("stays quiet on the near misses", async () => {
    // Same country.
    expect(severityOf(await check(o365({ ip: "133.0.0.1", headers: from("a@example.go.jp") }), RULE), ID)).toBeUndefined();
    // A generic TLD implies nothing: a .com sender may send from anywhere.
    expect(severityOf(await check(o365({ headers: from("a@example.com") }), RULE), ID)).toBeUndefined();
    // A ccTLD sold as a generic name (.io) implies nothing either.
    expect(severityOf(await check(o365({ headers: from("a@example.io") }), RULE), ID)).toBeUndefined();
    // The From domain authenticated: the origin is a server its owner authorised (Google Workspace in the US).
    const pass = PASS.replaceAll("sender.example", "example.co.jp");
    expect(severityOf(await check(o365({ ip: "209.85.220.41", auth: pass, headers: from("a@example.co.jp") }), RULE), ID)).toBeUndefined();
  });

  it("is softer for mailing lists and for origins on big mail platforms", async () => {
    const list = await check(o365({ headers: [...from("a@example.co.jp"), "List-Id: Users <users.lists.example.org>"] }), RULE);
    expect(severityOf(list, ID)).toBe("low");
    // The verified reverse name of the origin is a sending service: its address says where the service is.
    const platform = await check(postfix({ ip: "52.100.1.1", helo: "o1.ptr1234.sendgrid.net", headers: from("a@example.co.jp") }), RULE);
    expect(severityOf(platform, ID)).toBe("low");
  });

  it("says what it could not check instead of guessing", async () => {
    const noCountry = await check(o365({ ip: "100.200.0.1", headers: from("a@example.go.jp") }), RULE);
    expect(severityOf(noCountry, ID)).toBeUndefined();
    expect(codes(noCountry)).toContain("COUNTRY_UNKNOWN");
    const noRoute = await check(["From: a@example.go.jp", "Subject: s", "", "x"].join("\r\n"), RULE);
    expect(codes(noRoute)).toContain("ORIGIN_UNKNOWN");
    // The receiver's own private network never places a mail in a country.
    const internal = await check(postfix({ ip: "192.0.2.7", headers: from("a@example.go.jp") }), RULE);
    expect(severityOf(internal, ID)).toBeUndefined();
  });
});
