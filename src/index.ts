/**
 * Programmatic API for Node (and bundlers): `import { analyzeEml } from "check-this-mail"`.
 */
export * from "./core/index.js";
export { analyzeEml, snapshotFromEml, type EmlOptions } from "./hosts/eml/index.js";
export { parseHeaderBlock } from "./core/headers/block.js";
// Node only: the bundled offline IP → country table (DB-IP Lite, CC BY 4.0), for `lookupCountry`.
export { nodeCountryLookup, loadCountryLookup } from "./hosts/node/geo.js";
export { GEO_ATTRIBUTION } from "./core/geo/index.js";
