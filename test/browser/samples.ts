/**
 * The sample mails the browser tests open, and what the command line's path finds in them: the
 * pane and the popup must show the same verdict and rule IDs.
 */
import { readFileSync } from "node:fs";
import { parseConfig, type Config } from "../../src/core/config.js";
import { analyzeEml } from "../../src/hosts/eml/index.js";
import { loadCountryLookup } from "../../src/hosts/node/geo.js";

const SAMPLES = new URL("../../samples/", import.meta.url);

export const sample = (name: string): Buffer => readFileSync(new URL(name, SAMPLES));

/** samples/config.example.json: the configuration dist/ is built with. */
export const SAMPLE_CONFIG = ((): Config => {
  const parsed = parseConfig(sample("config.example.json").toString("utf8"));
  if (!parsed.ok) throw new Error("samples/config.example.json is invalid");
  return parsed.config;
})();

/** The verdicts the samples exist to show (test/samples.test.ts pins the same). */
export const SAMPLE_VERDICTS: Readonly<Record<string, string>> = {
  "case1-government-sender-from-abroad.eml": "danger",
  "case2-plain-text-link-to-other-domain.eml": "caution",
  "case3-internal-mail-reused-from-outside.eml": "danger",
  "newsletter-ordinary.eml": "clean",
};

/** What the command line finds in a sample. */
export async function expectedOfSample(name: string): Promise<{ verdict: string; rules: string[] }> {
  const analysis = await analyzeEml(sample(name), { config: SAMPLE_CONFIG, lookupCountry: loadCountryLookup() });
  return { verdict: analysis.verdict, rules: [...new Set(analysis.findings.map((f) => f.id))].sort() };
}
