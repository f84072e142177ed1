import { readFileSync, readdirSync } from "node:fs";
import { parseConfig, type Config } from "../../src/core/config.js";
import { OfficeStandIn, type StandInSettings } from "../../src/demo/office-standin.js";
import { NOTIFICATION_ICON } from "../../src/hosts/outlook/notify.js";

export const SAMPLES_DIR = new URL("../../samples/", import.meta.url);
export const SAMPLE_FILES = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith(".eml")).sort();
export const readSample = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, SAMPLES_DIR)));

const parsed = parseConfig(readFileSync(new URL("config.example.json", SAMPLES_DIR), "utf8"));
if (!parsed.ok) throw new Error("samples/config.example.json is invalid");
export const SAMPLE_CONFIG: Config = parsed.config;

export function standIn(settings: Partial<StandInSettings> = {}): OfficeStandIn {
  return new OfficeStandIn({ displayLanguage: "en-US", mailbox: "1.14", icons: ["Icon.16x16", "Icon.32x32", "Icon.80x80", NOTIFICATION_ICON], ...settings });
}

/** The stand-in's item as the pane sees it. */
export async function openSample(office: OfficeStandIn, name: string, latencyMs = 0): Promise<Office.MessageRead> {
  const open = await office.openEml(readSample(name), { id: name, latencyMs });
  return open.item as unknown as Office.MessageRead;
}

/** A support function for readMessage: the client supports Mailbox up to `version`. */
export const supportUpTo =
  (version: string) =>
  (wanted: string): boolean => {
    const [hm = 0, hn = 0] = version.split(".").map(Number);
    const [wm = 0, wn = 0] = wanted.split(".").map(Number);
    return hm !== wm ? hm > wm : hn >= wn;
  };
