import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig, validateConfig } from "../../src/core/config.js";
import { resolveOrganization } from "../../src/core/organization.js";

const pathsOf = (value: unknown): string[] => {
  const result = validateConfig(value);
  return result.ok ? [] : result.errors.map((e) => e.path);
};

describe("validateConfig", () => {
  it("accepts the README example and the bundled sample", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const example = /## Configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(validateConfig(JSON.parse(example))).toMatchObject({ ok: true });
    expect(parseConfig(readFileSync(new URL("../../samples/config.example.json", import.meta.url), "utf8"))).toMatchObject({ ok: true });
    expect(validateConfig({})).toMatchObject({ ok: true });
  });

  it("names every wrong key by its path, not just the first", () => {
    expect(
      pathsOf({
        securityDesk: { address: "not-an-address", intakeUrl: "http://insecure.example/" },
        organization: { domains: ["example.co.jp", "not a domain", 7], country: "jp", trustedRelays: ["10.0.0.0/33", "*.example.co.jp", "2001:db8::/32"] },
        domainCountries: { "example.com": "USA" },
        sameOrganizationDomains: [["only-one.example"]],
        massRecipientThreshold: 0,
        typo: true,
      }),
    ).toEqual([
      "securityDesk.address",
      "securityDesk.intakeUrl",
      "organization.domains[1]",
      "organization.domains[2]",
      "organization.country",
      "organization.trustedRelays[0]",
      "domainCountries.example.com",
      "sameOrganizationDomains[0]",
      "massRecipientThreshold",
      "typo",
    ]);
  });

  it("explains in both languages and lists the known keys for a misspelling", () => {
    const result = validateConfig({ organisation: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message.en).toContain("organization");
    expect(result.errors[0]!.message.ja).toContain("不明な設定項目");
  });

  it("reports JSON syntax errors as a config error, not an exception", () => {
    const result = parseConfig("{ organization: }");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.path).toBe("(file)");
  });

  it("rejects non-objects at the top", () => {
    expect(pathsOf([])).toEqual([""]);
    expect(pathsOf(null)).toEqual([""]);
  });
});

describe("resolveOrganization", () => {
  const org = resolveOrganization(
    {
      organization: { domains: ["Example.CO.JP"], country: "JP", trustedRelays: ["*.relay.example.net", "192.0.2.0/24", "2001:db8:1::/48"] },
      sameOrganizationDomains: [["example.co.jp", "example-group.com"]],
      domainCountries: { "example.com": "US" },
      allowedLinkDomains: ["portal.example.net"],
    },
    10,
  );

  it("matches own domains by label, never by string prefix", () => {
    expect(org.isOwnHost("mail.example.co.jp")).toBe(true);
    expect(org.isOwnHost("example.co.jp")).toBe(true);
    expect(org.isOwnHost("badexample.co.jp")).toBe(false);
    expect(org.isOwnHost("example.co.jp.evil.example")).toBe(false);
  });

  it("knows which domains belong to one organisation", () => {
    expect(org.sameOrganization("www.example-group.com", "mail.example.co.jp")).toBe(true);
    expect(org.sameOrganization("a.example.com", "b.example.com")).toBe(true);
    expect(org.sameOrganization("example.com", "example.co.jp")).toBe(false);
    expect(org.sameOrganization(null, "example.co.jp")).toBe(false);
  });

  it("recognises trusted relays by host pattern and address range", () => {
    expect(org.isTrustedRelay("mx1.relay.example.net", undefined)).toBe(true);
    expect(org.isTrustedRelay("relay.example.net.evil.example", undefined)).toBe(false);
    expect(org.isTrustedRelay(undefined, "192.0.2.55")).toBe(true);
    expect(org.isTrustedRelay(undefined, "2001:db8:1::25")).toBe(true);
    expect(org.isTrustedRelay(undefined, "198.51.100.1")).toBe(false);
    expect(org.isTrustedRelay("mx.example.co.jp", undefined)).toBe(true);
  });

  it("gives configured countries, and the organisation's for its own domains", () => {
    expect(org.configuredCountry("www.example.com")).toBe("US");
    expect(org.configuredCountry("mail.example.co.jp")).toBe("JP");
    expect(org.configuredCountry("example.org")).toBeUndefined();
    expect(org.isAllowedLinkHost("portal.example.net")).toBe(true);
  });
});
