import { describe, expect, it } from "vitest";
import { linkInertJson } from "../../../src/core/report/index.js";
import { seededRandom } from "../../helpers/random.js";

/**
 * What mail clients make links of in text: a scheme (its last character, then ":"), an address,
 * "//", a "www." or "ftp." host. Colons between keys and values follow a quote, not these.
 */
const LINKABLE = /[a-z\d+.-]:|@|\/\/|\b(?:www|ftp)\./i;

describe("linkInertJson", () => {
  const report = {
    links: [{ href: "https://login.evil.example/a?u=http://x.example/", shown: "www.bank.example", alt: "FTP.files.example" }],
    sender: "Bank <no-reply@bank.example>",
    mailto: "mailto:desk@example.co.jp",
    script: "javascript:alert(1)",
    "key:with/odd@chars": ["a\":b", "back\\slash/", "日本語のテキスト: 確認", 1.5, -0.25, true, null],
  };

  it("is the same document for a JSON parser", () => {
    expect(JSON.parse(linkInertJson(report))).toEqual(report);
  });

  it("leaves nothing a client would link", () => {
    const json = linkInertJson(report);
    expect(json).not.toMatch(LINKABLE);
    // Escapes, not defanging: the URL is all there for the desk's tools.
    expect(json).toContain(String.raw`"https\u003a\/\/login.evil.example\/a?u=http\u003a\/\/x.example\/"`);
    expect(json).toContain(String.raw`"www\u002ebank.example"`);
    expect(json).toContain(String.raw`no-reply\u0040bank.example`);
  });

  it("writes a document without those characters exactly as JSON.stringify does", () => {
    const plain = { subject: "Invoice 2026-11", count: 3, ratio: 0.75, nested: { list: ["a", "b c"] } };
    expect(linkInertJson(plain)).toBe(JSON.stringify(plain));
  });

  it("round-trips seeded random documents full of the escaped characters (not vacuous)", () => {
    const random = seededRandom(20261126);
    const alphabet = ["/", ":", "@", ".", "www.", "WWW.", "ftp.", '"', "\\", "a", "z", "0", " ", "https://", "mailto:", "日", "\u2028", "\n"];
    const text = (): string => Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
    const value = (depth: number): unknown => {
      const pick = random();
      if (depth > 2 || pick < 0.4) return text();
      if (pick < 0.5) return Math.round(random() * 1000) / 8;
      if (pick < 0.75) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [text(), value(depth + 1)]));
    };
    let escaped = 0;
    for (let k = 0; k < 500; k++) {
      const document = { value: value(0) };
      const json = linkInertJson(document);
      expect(JSON.parse(json)).toEqual(document);
      expect(json).not.toMatch(LINKABLE);
      if (json !== JSON.stringify(document)) escaped++;
    }
    // Most documents had something to escape: the property was tested, not skipped.
    expect(escaped).toBeGreaterThan(300);
  });
});
