/**
 * Programmatic API for Node (and bundlers): `import { analyzeEml } from "check-this-mail"`.
 */
export * from "./core/index.js";
export { analyzeEml, snapshotFromEml, type EmlOptions } from "./hosts/eml/index.js";
export { parseHeaderBlock } from "./core/headers/block.js";
