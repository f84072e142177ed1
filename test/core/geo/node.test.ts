import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/core/analyze.js";
import type { Analysis, OriginInfo } from "../../../src/core/analysis.js";
import { createCountryLookup, GEO_ATTRIBUTION } from "../../../src/core/geo/index.js";
import { formatTextReport } from "../../../src/cli/text-report.js";
import { nonPublicKind, parseIp } from "../../../src/core/net/ip.js";
import { GEO_TABLE_URL, loadCountryLookup, nodeCountryLookup } from "../../../src/hosts/node/geo.js";
import { FIXED_NOW, makeSnapshot } from "../../helpers/build.js";
import { readRows } from "./data.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../../..", import.meta.url));

describe("the Node loader", () => {
  it("finds the table at the package root, from src/ and from the compiled lib/", async () => {
    expect(fileURLToPath(GEO_TABLE_URL)).toBe(`${root}assets/geo/ip-country.bin`);
    expect(existsSync(GEO_TABLE_URL)).toBe(true);
    // lib/ is built by "prepare" and by npm test before vitest runs.
    const script = `import { GEO_TABLE_URL } from "./lib/hosts/node/geo.js"; console.log(GEO_TABLE_URL.href);`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: root });
    expect(stdout.trim()).toBe(GEO_TABLE_URL.href);
  });

  it("answers as the table read by hand", () => {
    const byHand = createCountryLookup(new Uint8Array(readFileSync(GEO_TABLE_URL)));
    const row = readRows(4).find((r) => r.country === "JP" && nonPublicKind(parseIp(r.startText)!) === undefined)!;
    expect(loadCountryLookup()(row.startText)).toBe("JP");
    expect(nodeCountryLookup(row.startText)).toBe(byHand(row.startText));
    expect(nodeCountryLookup("192.168.0.1")).toBe("private");
  });

  it("says which file is missing and how to build it", () => {
    expect(() => loadCountryLookup("/nonexistent/ip-country.bin")).toThrow(/Cannot read the IP-to-country table \/nonexistent\/ip-country.bin: .*npm run build:geo/);
  });
});

describe("attribution of DB-IP", () => {
  it("carries DB-IP's wording and link in both languages", () => {
    expect(GEO_ATTRIBUTION.text.en).toBe("IP Geolocation by DB-IP");
    expect(GEO_ATTRIBUTION.text.ja).toContain("IP Geolocation by DB-IP");
    expect(GEO_ATTRIBUTION.url).toBe("https://db-ip.com");
  });

  const withOrigin = (origin: OriginInfo): Analysis => {
    const analysis = analyze(makeSnapshot(), { now: FIXED_NOW });
    return { ...analysis, route: { hops: [], origin } };
  };
  /** The route section of the text report: its heading line and the indented hop lines under it. */
  const routeLine = (analysis: Analysis, lang: "ja" | "en") => {
    const lines = formatTextReport("x.eml", analysis, lang, false).split("\n");
    const start = lines.findIndex((l) => l.startsWith(lang === "en" ? "Route:" : "送信経路"));
    const end = lines.findIndex((l, i) => i > start && !l.startsWith("  "));
    return lines.slice(start, end).join("\n");
  };

  it("appears on the text report's route line when a country came from the table", () => {
    for (const lang of ["ja", "en"] as const) {
      const line = routeLine(withOrigin({ hopIndex: 0, ip: "203.0.113.5", country: "CN", countrySource: "lookup" }), lang);
      expect(line).toContain("[CN]");
      expect(line).toContain(GEO_ATTRIBUTION.text[lang]);
      expect(line).toContain(GEO_ATTRIBUTION.url);
    }
    const both = routeLine(withOrigin({ hopIndex: 0, ip: "203.0.113.5", country: "JP", countrySource: "forefront", countryByLookup: "CN" }), "en");
    expect(both).toContain("[JP / CN]");
    expect(both).toContain(GEO_ATTRIBUTION.url);
  });

  it("does not appear when no country from the table is shown", () => {
    const forefront = routeLine(withOrigin({ hopIndex: 0, ip: "203.0.113.5", country: "JP", countrySource: "forefront" }), "en");
    const privateOrigin = routeLine(withOrigin({ hopIndex: 0, ip: "10.0.0.1", country: "private" }), "en");
    for (const line of [forefront, privateOrigin, routeLine(analyze(makeSnapshot(), { now: FIXED_NOW }), "en")]) {
      expect(line).not.toContain("DB-IP");
    }
  });
});
