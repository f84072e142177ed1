/** Shared by the report tests: a report of an .eml, built the way the hosts build it. */
import { readdirSync, readFileSync } from "node:fs";
import { parseConfig, type Config } from "../../../src/core/config.js";
import { buildReport, defaultAnswers, REPORT_TEXT, type Report, type ReportInput } from "../../../src/core/index.js";
import type { Language } from "../../../src/core/i18n.js";
import { analyzeEml, snapshotFromEml } from "../../../src/hosts/eml/index.js";
import { FIXED_NOW } from "../../helpers/build.js";

const SAMPLES = new URL("../../../samples/", import.meta.url);

export const SAMPLE_CONFIG: Config = (() => {
  const parsed = parseConfig(readFileSync(new URL("config.example.json", SAMPLES), "utf8"));
  if (!parsed.ok) throw new Error("samples/config.example.json does not validate");
  return parsed.config;
})();

/** Every sample mail, name and bytes. */
export const SAMPLE_MAILS: readonly { readonly name: string; readonly bytes: Uint8Array }[] = readdirSync(SAMPLES)
  .filter((f) => f.endsWith(".eml"))
  .sort()
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, SAMPLES))) }));

export const REPORTED_AT = new Date("2026-11-26T03:00:00Z");

/** The report of a mail, as the pane would build it; `config` null for an organisation without one. */
export async function reportOf(input: string | Uint8Array, extra: Partial<ReportInput> = {}, configured: Config | null = SAMPLE_CONFIG): Promise<Report> {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const config = configured ?? undefined;
  const analysis = await analyzeEml(bytes, { config, now: FIXED_NOW });
  const snapshot = await snapshotFromEml(bytes);
  return buildReport({
    analysis,
    snapshot,
    answers: defaultAnswers({ operatingSystem: "Windows 11 23H2", clientVersion: "Outlook 16.0.17928" }),
    reportedAt: REPORTED_AT,
    config,
    source: "outlook",
    ...extra,
  });
}

/** The report text up to the full-headers section (the only part left as received). */
export function beforeHeaders(text: string, lang: Language): string {
  const at = text.indexOf(REPORT_TEXT.headersHeading[lang]);
  if (at < 0) throw new Error("the report text has no headers section");
  return text.slice(0, at);
}
