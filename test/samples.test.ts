import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/core/config.js";
import { analyzeEml } from "../src/hosts/eml/index.js";
import { loadCountryLookup } from "../src/hosts/node/geo.js";
import { FIXED_NOW } from "./helpers/build.js";

// The bundled samples (what `npm start` shows) are the seed's three cases and one ordinary
// newsletter. These tests pin what each must show, so the demo never silently loses its point.
const read = (name: string): Buffer => readFileSync(new URL(`../samples/${name}`, import.meta.url));
const configResult = parseConfig(read("config.example.json").toString("utf8"));
if (!configResult.ok) throw new Error("samples/config.example.json is invalid");
const options = { config: configResult.config, now: FIXED_NOW, lookupCountry: loadCountryLookup() };
const ids = async (name: string) => {
  const analysis = await analyzeEml(read(name), options);
  return { verdict: analysis.verdict, ids: analysis.findings.map((f) => f.id), analysis };
};

describe("bundled samples", () => {
  it("case 1: a government sender whose mail entered from abroad, with a disguised program", async () => {
    const { verdict, ids: found, analysis } = await ids("case1-government-sender-from-abroad.eml");
    expect(verdict).toBe("danger");
    expect(found).toEqual(expect.arrayContaining(["ORIGIN_COUNTRY_MISMATCH", "LINK_TEXT_MISMATCH", "ATT_DOUBLE_EXTENSION", "AUTH_FAIL", "REPLY_TO_DIVERGES"]));
    expect(analysis.route.origin).toMatchObject({ ip: "60.26.146.23", country: "CN" });
    expect(analysis.message.subject).toBe("【重要】調達要領の改訂について");
  });

  it("case 2: a plain-text mail that leads to a download on another domain", async () => {
    const { verdict, ids: found } = await ids("case2-plain-text-link-to-other-domain.eml");
    expect(verdict).toBe("caution");
    expect(found).toEqual(["LINK_TO_FILE", "LINK_OFF_SENDER_DOMAIN"]);
  });

  it("case 3: an internal notice re-sent from outside to many colleagues", async () => {
    const { verdict, ids: found } = await ids("case3-internal-mail-reused-from-outside.eml");
    expect(verdict).toBe("danger");
    expect(found).toEqual(expect.arrayContaining(["INTERNAL_SENDER_EXTERNAL_ORIGIN", "MASS_INTERNAL_RECIPIENTS", "REPLY_WITHOUT_THREAD"]));
  });

  it("an ordinary newsletter with tracked links and a logo shows no indicators", async () => {
    const { verdict, ids: found } = await ids("newsletter-ordinary.eml");
    expect(found).toEqual([]);
    expect(verdict).toBe("clean");
  });
});
