/**
 * Programmatic API for Node (and bundlers): `import { analyzeEml } from "check-this-mail"`.
 */
import type { Analysis } from "./core/analysis.js";
import { analyzeEml as analyzeEmlAnyHost, type EmlAnalyzeOptions } from "./hosts/eml/index.js";
import { nodeSha256 } from "./hosts/node/sha256.js";

export * from "./core/index.js";
export { snapshotFromEml, type EmlAnalyzeOptions, type EmlOptions } from "./hosts/eml/index.js";
export { parseHeaderBlock } from "./core/headers/block.js";
// Node only: the bundled offline IP → country table (DB-IP Lite, CC BY 4.0), for `lookupCountry`.
export { nodeCountryLookup, loadCountryLookup } from "./hosts/node/geo.js";
// Node only: SHA-256 of attachments without copying them, for `sha256`.
export { nodeSha256 } from "./hosts/node/sha256.js";
export { GEO_ATTRIBUTION } from "./core/geo/index.js";

/**
 * Parses an .eml (bytes or text) and analyses it; never rejects on bad mail. In Node the
 * attachments are hashed with node:crypto unless `options.sha256` says otherwise: in place, and
 * at twice WebCrypto's speed (which copies each attachment and hops to another thread).
 */
export function analyzeEml(input: Uint8Array | ArrayBuffer | string, options: EmlAnalyzeOptions = {}): Promise<Analysis> {
  return analyzeEmlAnyHost(input, { ...options, sha256: options.sha256 ?? nodeSha256 });
}
