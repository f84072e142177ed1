import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig, validateConfig } from "../../src/core/config.js";
import { resolveOrganization } from "../../src/core/organization.js";
import { PROTOTYPE_KEYS } from "../helpers/prototype-keys.js";

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

/** Every error of a config given as JSON text (JSON.parse makes "__proto__" an own key, as a file does). */
const errorsOf = (json: string) => {
  const result = parseConfig(json);
  return result.ok ? [] : result.errors.map((e) => ({ path: e.path, en: e.message.en, ja: e.message.ja }));
};
const onlyError = (json: string) => {
  const errors = errorsOf(json);
  expect(errors).toHaveLength(1);
  return errors[0]!;
};
const withDesk = (desk: Record<string, unknown>) => JSON.stringify({ securityDesk: desk });

describe("keys named like members of Object.prototype", () => {
  it.each(PROTOTYPE_KEYS)("%s is not a known setting at the top and at every nested level", (key) => {
    const places: [string, string][] = [
      [`{"${key}": 1}`, key],
      [`{"${key}": {"securityDesk": {"address": "csirt@example.co.jp"}}}`, key],
      [`{"securityDesk": {"${key}": "x"}}`, `securityDesk.${key}`],
      [`{"organization": {"domains": ["example.co.jp"], "${key}": []}}`, `organization.${key}`],
    ];
    for (const [json, path] of places) {
      const error = onlyError(json);
      expect(error.path).toBe(path);
      expect(error.en).toContain("is not a known setting");
      expect(error.ja).toContain("不明な設定項目");
    }
    // Where keys are domains, it is not a domain.
    expect(onlyError(`{"domainCountries": {"${key}": "US"}}`)).toMatchObject({ path: `domainCountries.${key}`, en: "must be a domain name (example.co.jp)." });
  });

  it("an object with such keys given to validateConfig directly is checked the same way", () => {
    const value = JSON.parse('{"securityDesk": {"__proto__": {"address": "attacker@evil.example"}}, "toString": 1}') as unknown;
    expect(pathsOf(value)).toEqual(["securityDesk.__proto__", "toString"]);
  });

  it("the configuration returned holds only own, checked settings", () => {
    const inherited = Object.create({ securityDesk: { address: "attacker,csirt@example.co.jp" } }) as object;
    const result = validateConfig(inherited);
    expect(result.ok).toBe(true);
    expect(result.ok && result.config.securityDesk).toBeUndefined();
    const checked = validateConfig({ $schema: "./config.schema.json", organization: { domains: ["example.co.jp"] } });
    expect(checked).toEqual({ ok: true, config: { organization: { domains: ["example.co.jp"] } } });
  });
});

describe("paths name odd keys without letting them reach a terminal", () => {
  it("quotes keys that are not plain names, their hidden characters escaped", () => {
    expect(onlyError('{"\\u001b]0;PWNED\\u0007": 1}').path).toBe('["\\u001b]0;PWNED\\u0007"]');
    expect(onlyError('{"securityDesk": {"add\\u202eress": "x"}}').path).toBe('securityDesk["add\\u202eress"]');
    expect(onlyError('{"organization": {"a b\\"c": 1}}').path).toBe('organization["a b\\"c"]');
    expect(onlyError('{"domainCountries": {"exa\\u2028mple.com": "US"}}').path).toBe('domainCountries["exa\\u2028mple.com"]');
  });

  it("shows the hidden characters of a JSON syntax error's quote of the file", () => {
    const error = onlyError('{"a": \u001b[2J\u202e}');
    expect(error.path).toBe("(file)");
    expect(error.en).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });
});

describe("securityDesk.subjectPrefix", () => {
  it.each([
    ["\r", "U+000D", "a control character"],
    ["\n", "U+000A", "a control character"],
    ["\u001b[31m", "U+001B", "a control character"],
    ["\u007f", "U+007F", "a control character"],
    ["\u0085", "U+0085", "a control character"],
    ["\u2028", "U+2028", "a line or paragraph separator"],
    ["\u2029", "U+2029", "a line or paragraph separator"],
    ["\u202e", "U+202E", "a text-direction control"],
    ["\u202a", "U+202A", "a text-direction control"],
    ["\u2066", "U+2066", "a text-direction control"],
    ["\u200f", "U+200F", "a text-direction control"],
    ["\u200b", "U+200B", "an invisible formatting character"],
    ["\u200d", "U+200D", "an invisible formatting character"],
    ["\ufeff", "U+FEFF", "an invisible formatting character"],
    ["\u2060", "U+2060", "an invisible formatting character"],
    ["\u{e0041}", "U+E0041", "an invisible formatting character"],
    ["\ud800", "U+D800", "an unpaired surrogate"],
  ])("rejects %j (%s)", (char, code, what) => {
    const error = onlyError(withDesk({ subjectPrefix: `[Report]${char}x` }));
    expect(error.path).toBe("securityDesk.subjectPrefix");
    expect(error.en).toBe(`contains ${what} (${code}, character 9), which would be written as it is to terminals and to the report mail: use visible characters only.`);
    expect(error.ja).toContain(`9 文字目の ${code}`);
  });

  it("rejects a prefix longer than 40 characters, so the mail's own subject keeps its place", () => {
    expect(errorsOf(withDesk({ subjectPrefix: "x".repeat(40) }))).toEqual([]);
    const error = onlyError(withDesk({ subjectPrefix: "x".repeat(300) }));
    expect(error.path).toBe("securityDesk.subjectPrefix");
    expect(error.en).toContain("is 300 characters long; at most 40 are allowed");
    expect(error.ja).toContain("300 文字あります。40 文字まで");
    expect(onlyError(withDesk({ subjectPrefix: "x".repeat(41) })).path).toBe("securityDesk.subjectPrefix");
  });

  it("accepts ordinary prefixes, Japanese brackets and emoji", () => {
    for (const subjectPrefix of ["[不審メール報告]", "【要確認】 不審メール", "⚠️ Suspicious", "[CSIRT #1]", ""]) {
      expect(errorsOf(withDesk({ subjectPrefix }))).toEqual([]);
    }
  });
});

describe("securityDesk.address", () => {
  it.each([
    ["attacker,csirt@example.co.jp", 'must be exactly one mail address, but contains ","'],
    ["csirt@example.co.jp; attacker@evil.example", 'must be exactly one mail address, but contains ";"'],
    ["Desk <csirt@example.co.jp>", "must be the bare address"],
    ["<csirt@example.co.jp>", "must be the bare address"],
    ['"csirt"@example.co.jp', "must be the bare address"],
    ["csirt@example.co.jp (desk)", "must be the bare address"],
    ["csirt @example.co.jp", "must not contain spaces or control characters"],
    ["csirt@example.co.jp\r\nBcc: attacker@evil.example", "must not contain spaces or control characters"],
    ["csirt@example.co.jp\u202e", "must not contain spaces or control characters"],
    ["csirt\u200b@example.co.jp", "must not contain spaces or control characters"],
    ["csirt@@example.co.jp", 'exactly one "@"'],
    ["csirt.example.co.jp", 'exactly one "@"'],
    ["attacker@evil.example@example.co.jp", 'exactly one "@"'],
    [".csirt@example.co.jp", 'invalid part before the "@"'],
    ["cs..irt@example.co.jp", 'invalid part before the "@"'],
    ["@example.co.jp", 'invalid part before the "@"'],
    [`${"a".repeat(65)}@example.co.jp`, 'invalid part before the "@"'],
    ["csirt@", 'no domain name (example.co.jp) after the "@"'],
    ["csirt@localhost", 'no domain name (example.co.jp) after the "@"'],
    ["csirt@192.0.2.1", 'no domain name (example.co.jp) after the "@"'],
    ["csirt@exa!mple.co.jp", 'no domain name (example.co.jp) after the "@"'],
    ["csirt@exa%6dple.co.jp", 'no domain name (example.co.jp) after the "@"'],
    ["csirt@-example.co.jp", 'no domain name (example.co.jp) after the "@"'],
    [`csirt@${"a".repeat(61)}.${"b".repeat(61)}.${"c".repeat(61)}.${"d".repeat(61)}.jp`, "is too long"],
  ])("rejects %j", (address, message) => {
    const error = onlyError(withDesk({ address }));
    expect(error.path).toBe("securityDesk.address");
    expect(error.en).toContain(message);
    expect(error.ja).not.toBe("");
  });

  it("accepts one plain address, IDN domains included", () => {
    for (const address of ["csirt@example.co.jp", "first.last+phish@example.co.jp", "o'brien@example.com", "csirt@例え.jp", "CSIRT@Mail.Example.CO.JP"]) {
      expect(errorsOf(withDesk({ address }))).toEqual([]);
    }
  });
});

describe("domains that are public suffixes", () => {
  const ICANN = "is a public suffix (like co.jp, jp or com)";
  const PRIVATE = "is a shared service's suffix (like github.io";

  it.each([
    ["co.jp", ICANN],
    ["jp", ICANN],
    ["com", ICANN],
    ["CO.JP.", ICANN],
    ["東京.jp", ICANN],
    ["github.io", PRIVATE],
    ["s3.amazonaws.com", PRIVATE],
    ["blogspot.com", PRIVATE],
  ])("%s is rejected as an own domain, relay, link domain, group member and country key", (suffix, message) => {
    const errors = errorsOf(
      JSON.stringify({
        organization: { domains: [suffix], trustedRelays: [`*.${suffix}`, suffix] },
        allowedLinkDomains: [suffix],
        sameOrganizationDomains: [["example.co.jp", suffix]],
        domainCountries: { [suffix]: "US" },
      }),
    );
    expect(errors.map((e) => e.path)).toEqual([
      "organization.domains[0]",
      "organization.trustedRelays[0]",
      "organization.trustedRelays[1]",
      "allowedLinkDomains[0]",
      "sameOrganizationDomains[0][1]",
      `domainCountries.${suffix}`,
    ]);
    for (const e of errors) {
      expect(e.en).toContain(message);
      expect(e.ja).toMatch(/パブリックサフィックス|共用のサービスのドメイン/);
    }
  });
  it("accepts the organisation's own names, under a private suffix too", () => {
    const value = {
      organization: { domains: ["example.co.jp", "example.github.io", "例え.jp"], trustedRelays: ["*.example.co.jp", "mx.example.net"] },
      allowedLinkDomains: ["example.github.io"],
      domainCountries: { "example.com": "US" },
    };
    expect(pathsOf(value)).toEqual([]);
  });

  it("host names are letters, digits and hyphens, as DNS has them", () => {
    expect(pathsOf({ organization: { domains: ["exa,mple.co.jp", "a_b.example.co.jp", "exa!mple.co.jp", "-x.example.co.jp", "example.co.jp"] } })).toEqual([
      "organization.domains[0]",
      "organization.domains[1]",
      "organization.domains[2]",
      "organization.domains[3]",
    ]);
  });
});

describe("organization.trustedRelays ranges", () => {
  it("rejects ranges wider than one organisation holds", () => {
    const errors = errorsOf(JSON.stringify({ organization: { trustedRelays: ["0.0.0.0/0", "::/0", "10.0.0.0/7", "2000::/3", "10.0.0.0/8", "2001:db8::/32", "192.0.2.1"] } }));
    expect(errors.map((e) => e.path)).toEqual(["organization.trustedRelays[0]", "organization.trustedRelays[1]", "organization.trustedRelays[2]", "organization.trustedRelays[3]"]);
    expect(errors[0]!.en).toContain("is too wide a range (at least /8 for IPv4, /16 for IPv6)");
  });
});

describe("securityDesk.intakeUrl", () => {
  it.each([
    "https://user:pass@intake.example.co.jp/reports",
    "https://token@intake.example.co.jp/reports",
    "https://:secret@intake.example.co.jp/reports",
    "https://intake.example.co.jp@evil.example/reports",
  ])("rejects a user name or password in %s", (intakeUrl) => {
    const error = onlyError(withDesk({ intakeUrl }));
    expect(error.path).toBe("securityDesk.intakeUrl");
    expect(error.en).toContain("must not contain a user name or password (user:pass@)");
    expect(error.ja).toContain("ユーザー名やパスワード");
  });

  it("rejects spaces and control characters the URL parser would drop", () => {
    for (const intakeUrl of ["https://intake.example.co.jp/re ports", "https://intake.exa\nmple.co.jp/", " https://intake.example.co.jp/", "https://intake.example.co.jp/\u202e"]) {
      expect(onlyError(withDesk({ intakeUrl })).en).toContain("must not contain spaces or control characters");
    }
  });

  it("accepts a plain https URL", () => {
    expect(errorsOf(withDesk({ intakeUrl: "https://intake.example.co.jp/reports?source=addin" }))).toEqual([]);
    expect(onlyError(withDesk({ intakeUrl: "http://intake.example.co.jp/" })).en).toBe("must be an https:// URL.");
  });
});

describe("text settings shown as they are", () => {
  it("rejects hidden characters in the organisation's name and authserv-ids", () => {
    const errors = errorsOf(JSON.stringify({ organization: { name: "Example\u202eCorp", authservIds: ["mx.example.co.jp", "mx\u001b.example.co.jp"] } }));
    expect(errors.map((e) => e.path)).toEqual(["organization.name", "organization.authservIds[1]"]);
    expect(errors[0]!.en).toContain("a text-direction control (U+202E, character 8)");
  });
});
