/**
 * The OLE compound file writer of the fixtures (scripts/lib/ole.js, shared with the fuzzer's seed
 * mails): [MS-CFB] version 3 with a mini stream, storages implied by stream paths, class IDs per
 * storage, and OLE Package native data.
 */
export { buildOle, ole10Native, type OleOptions } from "../../scripts/lib/ole.js";
