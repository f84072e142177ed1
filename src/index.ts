/**
 * Programmatic API for Node (and bundlers): `import { analyzeEml } from "check-this-mail"`.
 */
export * from "./core/index.js";
export { analyzeEml, snapshotFromEml, type EmlAnalyzeOptions, type EmlOptions } from "./hosts/eml/index.js";
export { parseHeaderBlock } from "./core/headers/block.js";
// Node only: the bundled offline IP → country table (DB-IP Lite, CC BY 4.0), for `lookupCountry`.
export { nodeCountryLookup, loadCountryLookup } from "./hosts/node/geo.js";
// Node only: SHA-256 of attachments without copying them, for `sha256`.
export { nodeSha256 } from "./hosts/node/sha256.js";
export { GEO_ATTRIBUTION } from "./core/geo/index.js";
