import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createCountryLookup, type CountryLookup } from "../../core/geo/index.js";

/**
 * The table built by `npm run build:geo`. This file sits at src/hosts/node/ under vitest and at
 * lib/hosts/node/ once compiled, both three levels below the package root.
 */
export const GEO_TABLE_URL = new URL("../../../assets/geo/ip-country.bin", import.meta.url);

/**
 * Reads the table synchronously and returns its lookup. A missing or damaged table throws: it is
 * a build defect (`npm ci` builds it through "prepare"), and a silent "no country" would hide
 * the ORIGIN_COUNTRY_MISMATCH rule.
 */
export function loadCountryLookup(file: URL | string = GEO_TABLE_URL): CountryLookup {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const path = file instanceof URL ? fileURLToPath(file) : file;
    throw new Error(`Cannot read the IP-to-country table ${path}: ${(error as Error).message} (build it with "npm run build:geo")`, { cause: error });
  }
  return createCountryLookup(bytes);
}

let shared: CountryLookup | undefined;

/**
 * The bundled table's lookup, read on first use and kept for the process: ~2.6 MB read and
 * decoded once, only when a mail's origin must be placed.
 */
export const nodeCountryLookup: CountryLookup = (ip) => {
  shared ??= loadCountryLookup();
  return shared(ip);
};
