import type { CountryLookup } from "../core/geo/index.js";
import { describeError } from "../hosts/outlook/async-result.js";

/**
 * The offline IP → country table (DB-IP Lite, ~2.6 MB), fetched from the pane's own origin only
 * when an analysis has an origin IP without a country, then kept for the life of the pane.
 * Most mails never need it, so the pane's first paint does not wait for it.
 */
export const GEO_TABLE_PATH = "assets/geo/ip-country.bin";

export function geoLoader(
  baseUrl: string,
  createCountryLookup: (bytes: Uint8Array) => CountryLookup,
  fetcher: typeof fetch = fetch,
): () => Promise<CountryLookup | undefined> {
  let pending: Promise<CountryLookup | undefined> | undefined;
  return () => {
    pending ??= (async () => {
      try {
        const response = await fetcher(new URL(GEO_TABLE_PATH, baseUrl).href, { credentials: "same-origin" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return createCountryLookup(new Uint8Array(await response.arrayBuffer()));
      } catch (error) {
        pending = undefined; // try again on the next mail
        console.warn(`Check This Mail: the IP-to-country table could not be loaded (${describeError(error)}); origin countries are unknown.`);
        return undefined;
      }
    })();
    return pending;
  };
}
