import { describe, expect, it } from "vitest";
import {
  BRAND_REFERENCES,
  BRANDS,
  domainParts,
  findLookalike,
  isBrandOwnedHost,
  lookalikeSeverity,
  sameBrand,
  skeleton,
  withinOneEdit,
  type LookalikeReference,
} from "../../../src/core/net/lookalike.js";
import { seededRandom } from "../../helpers/random.js";

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
function randomLabel(random: () => number, min: number, max: number, alphabet = LETTERS): string {
  const length = min + Math.floor(random() * (max - min + 1));
  let out = "";
  for (let i = 0; i < length; i++) out += pick(random, [...alphabet]);
  return out;
}

/** Reference OSA (restricted Damerau–Levenshtein) distance, quadratic — only for checking the linear test. */
function osa(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const ORG: LookalikeReference = { domain: "example.co.jp", source: "organization" };
const SENDER: LookalikeReference = { domain: "shop-example.com", source: "sender" };

describe("skeleton", () => {
  it("maps look-alike characters, digits and digraphs to one form", () => {
    expect(skeleton("paypal")).toBe(skeleton("paypa1"));
    expect(skeleton("paypal")).toBe(skeleton("pаypal")); // Cyrillic а
    expect(skeleton("microsoft")).toBe(skeleton("rnicrosoft"));
    expect(skeleton("google")).toBe(skeleton("g00gle"));
    expect(skeleton("apple")).toBe(skeleton("xn--80ak6aa92e")); // аррӏе, all Cyrillic
    expect(skeleton("wells")).toBe(skeleton("vvells"));
    expect(skeleton("amazon")).toBe(skeleton("ａｍａｚｏｎ")); // full-width
    expect(skeleton("mizuho")).toBe(skeleton("mízuhö"));
    expect(skeleton("example")).not.toBe(skeleton("sample"));
  });

  it("is idempotent (property, 2,000 random labels over confusable-rich letters)", () => {
    const random = seededRandom(1);
    for (let i = 0; i < 2000; i++) {
      const label = randomLabel(random, 1, 20, "rnmvwcldi10o53аеорсх-");
      expect(skeleton(skeleton(label))).toBe(skeleton(label));
    }
  });
});

describe("withinOneEdit", () => {
  it("agrees with the quadratic OSA distance on random pairs (property)", () => {
    const random = seededRandom(2);
    for (let i = 0; i < 3000; i++) {
      const a = randomLabel(random, 0, 7, "abc");
      const b = random() < 0.5 ? randomLabel(random, 0, 7, "abc") : mutate(random, a);
      expect(withinOneEdit(a, b)).toBe(osa(a, b) <= 1);
      expect(withinOneEdit(b, a)).toBe(withinOneEdit(a, b));
    }
  });
});

function mutate(random: () => number, s: string): string {
  const i = Math.floor(random() * (s.length + 1));
  switch (Math.floor(random() * 4)) {
    case 0:
      return s.slice(0, i) + pick(random, [..."abcx"]) + s.slice(i);
    case 1:
      return s.slice(0, i) + s.slice(i + 1);
    case 2:
      return s.slice(0, i) + pick(random, [..."abcx"]) + s.slice(i + 1);
    default:
      return i + 1 < s.length ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s;
  }
}

describe("domainParts", () => {
  it("splits registrable label and public suffix, in Unicode", () => {
    expect(domainParts("www.example.co.jp")).toMatchObject({ domain: "example.co.jp", label: "example", suffix: "co.jp" });
    expect(domainParts("xn--80ak6aa92e.com")).toMatchObject({ label: "аррӏе", suffix: "com", skeleton: "apple" });
    expect(domainParts("192.0.2.1")).toBeUndefined();
    expect(domainParts("co.jp")).toBeUndefined();
  });
});

describe("findLookalike", () => {
  it("lists each brand domain once, in lower case, with at least two labels", () => {
    const all = BRANDS.flatMap((b) => b.domains);
    expect(new Set(all).size).toBe(all.length);
    for (const domain of all) expect(domain, domain).toMatch(/^[\d.a-z-]+\.[a-z]+$/);
  });

  it("never matches a domain against itself or a brand against its own domains (property)", () => {
    for (const brand of BRANDS) {
      for (const domain of brand.domains) {
        expect(findLookalike(`www.${domain}`, BRAND_REFERENCES)).toBeUndefined();
        expect(isBrandOwnedHost(domain)).toBe(true);
      }
    }
    expect(findLookalike("mail.example.co.jp", [ORG])).toBeUndefined();
  });

  it("finds every single confusable substitution in every brand label (property)", () => {
    const swaps: Readonly<Record<string, readonly string[]>> = { o: ["0", "о"], l: ["1", "ӏ"], i: ["1", "і"], a: ["а"], e: ["е"], c: ["с"], p: ["р"], m: ["rn"], w: ["vv"] };
    let checked = 0;
    for (const reference of BRAND_REFERENCES) {
      const parts = domainParts(reference.domain)!;
      for (let i = 0; i < parts.label.length; i++) {
        for (const swap of swaps[parts.label[i]!] ?? []) {
          const fake = `${parts.label.slice(0, i)}${swap}${parts.label.slice(i + 1)}.com`;
          const match = findLookalike(fake, BRAND_REFERENCES);
          expect(match?.reference.name, fake).toBe(reference.name);
          expect(match?.kind, fake).toBe("homoglyph");
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("finds one-edit typos of long labels, not of short ones (property)", () => {
    const random = seededRandom(3);
    for (let i = 0; i < 500; i++) {
      const reference = pick(random, BRAND_REFERENCES);
      const label = domainParts(reference.domain)!.label;
      const typo = mutate(random, label);
      if (typo === label || typo.startsWith("-") || typo.endsWith("-")) continue;
      const match = findLookalike(`${typo}.net`, [reference]);
      if (skeleton(label).length >= 6) expect(match, typo).toBeDefined();
    }
    expect(findLookalike("paypai.com", BRAND_REFERENCES)).toMatchObject({ kind: "homoglyph" });
    expect(findLookalike("amazno.com", BRAND_REFERENCES)).toMatchObject({ kind: "typo", reference: { name: "Amazon" } });
    expect(findLookalike("dhx.com", BRAND_REFERENCES)).toBeUndefined();
  });

  it("rarely matches random unrelated names (property: none of 2,000)", () => {
    const random = seededRandom(4);
    for (let i = 0; i < 2000; i++) {
      const host = `${randomLabel(random, 4, 12)}.${pick(random, ["com", "net", "co.jp", "jp", "org"])}`;
      expect(findLookalike(host, [...BRAND_REFERENCES, ORG]), host).toBeUndefined();
    }
  });

  it("finds the suffix folded into the label", () => {
    for (const fake of ["example-co-jp.com", "examplecojp.net", "example-jp.com", "examplejp.top"]) {
      expect(findLookalike(fake, [ORG]), fake).toMatchObject({ kind: "suffix", reference: ORG });
    }
    expect(findLookalike("example-cojp-login.com", [ORG])?.kind).not.toBe("suffix");
  });

  it("finds the real domain placed in front of another one", () => {
    expect(findLookalike("www.paypal.com.secure-check.example", BRAND_REFERENCES)).toMatchObject({ kind: "subdomain", reference: { name: "PayPal" } });
    expect(findLookalike("example.co.jp.evil.example", [ORG])).toMatchObject({ kind: "subdomain" });
    expect(findLookalike("paypalcom.evil.example", BRAND_REFERENCES)?.kind).not.toBe("subdomain");
  });

  it("finds brand and organisation names combined with words, but not ordinary words containing short names", () => {
    expect(findLookalike("paypal-secure.com", BRAND_REFERENCES)).toMatchObject({ kind: "combo", reference: { name: "PayPal" } });
    expect(findLookalike("secure-login-amazon.net", BRAND_REFERENCES)).toMatchObject({ kind: "combo", reference: { name: "Amazon" } });
    expect(findLookalike("dhl-express-delivery.top", BRAND_REFERENCES)).toMatchObject({ kind: "combo", reference: { name: "DHL" } });
    expect(findLookalike("mypaypalaccount.com", BRAND_REFERENCES)).toMatchObject({ kind: "combo" });
    expect(findLookalike("example-login.com", [ORG])).toMatchObject({ kind: "combo" });
    expect(findLookalike("applebees.com", BRAND_REFERENCES)).toBeUndefined();
    expect(findLookalike("pineapple.com", BRAND_REFERENCES)).toBeUndefined();
    expect(findLookalike("office-kaneko.jp", BRAND_REFERENCES)).toBeUndefined();
    expect(findLookalike("outlookindia.com", BRAND_REFERENCES)).toBeUndefined();
  });

  it("reports the same label under another suffix, which only matters for the organisation", () => {
    const org = findLookalike("example.com", [ORG])!;
    expect(org).toMatchObject({ kind: "same-label" });
    expect(lookalikeSeverity(org)).toBe("medium");
    const brand = findLookalike("amazon.de", BRAND_REFERENCES)!;
    expect(brand).toMatchObject({ kind: "same-label" });
    expect(lookalikeSeverity(brand)).toBeUndefined();
  });

  it("grades sender combos lower than brand combos", () => {
    const match = findLookalike("shop-example-sale.com", [SENDER]);
    expect(match).toBeUndefined(); // "shop-example" is not one token of the candidate
    const combo = findLookalike("shopexample-news.com", [{ domain: "shopexample.com", source: "sender" }])!;
    expect(combo.kind).toBe("combo");
    expect(lookalikeSeverity(combo)).toBe("medium");
    expect(lookalikeSeverity(findLookalike("paypal-help.com", BRAND_REFERENCES)!)).toBe("high");
  });
});

describe("sameBrand", () => {
  it("joins a brand's own domains but not the hosts where anyone publishes", () => {
    expect(sameBrand("support.google.com", "googlemail.com")).toBe(false);
    expect(sameBrand("accounts.google.com", "youtube.com")).toBe(true);
    expect(sameBrand("drive.google.com", "accounts.google.com")).toBe(false);
    expect(sameBrand("amazon.co.jp", "amazon.com")).toBe(true);
    expect(sameBrand("amazon.co.jp", "example.com")).toBe(false);
  });
});
