import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { isMixedScript, LINK_PUNYCODE, scriptsOf } from "../../../src/core/rules/links/punycode.js";
import { findings, htmlMail, only, valuesOf } from "./helpers.js";

const rule = LINK_PUNYCODE;

describe("LINK_PUNYCODE", () => {
  it("fires high for Latin mixed with Cyrillic, naming the scripts", () => {
    const finding = only(rule, htmlMail(`<a href="https://pаypal.com/">PayPal</a>`)); // Cyrillic а
    expect(finding).toMatchObject({ id: "LINK_PUNYCODE", severity: "high" });
    expect(valuesOf(finding, LABEL.scripts)).toEqual(["Latin + Cyrillic"]);
    expect(valuesOf(finding, LABEL.idnDisplay)).toEqual(["pаypal.com = xn--pypal-4ve.com"]);
  });

  it("fires high for a name written wholly in letters that pass for Latin", () => {
    expect(findings(rule, htmlMail(`<a href="https://аррӏе.com/">x</a>`))).toEqual([["LINK_PUNYCODE", "high"]]);
  });

  it("is low for a Japanese domain name and silent for ASCII names", () => {
    expect(findings(rule, htmlMail(`<a href="https://日本語.jp/">x</a>`))).toEqual([["LINK_PUNYCODE", "low"]]);
    expect(findings(rule, htmlMail(`<a href="https://お名前-ドットコム.jp/">x</a>`))).toEqual([["LINK_PUNYCODE", "low"]]);
    expect(findings(rule, htmlMail(`<a href="https://www.example.jp/">x</a>`))).toEqual([]);
  });
});

describe("script mixing", () => {
  it("allows the Japanese, Chinese and Korean mixes of UTS #39, nothing else", () => {
    expect(isMixedScript(scriptsOf("東京ガスのでんき"))).toBe(false);
    expect(isMixedScript(scriptsOf("abcカタカナ漢字"))).toBe(false);
    expect(isMixedScript(scriptsOf("한국abc漢"))).toBe(false);
    expect(isMixedScript(scriptsOf("pаypal"))).toBe(true);
    expect(isMixedScript(scriptsOf("αβcd"))).toBe(true);
    expect(isMixedScript(scriptsOf("한국カタカナ"))).toBe(true);
    expect(isMixedScript(scriptsOf("example-123"))).toBe(false);
  });
});
