/**
 * The ZIP writer of the fixtures (scripts/lib/zip.js, shared with the benchmarks and the fuzzer's
 * seed mails): local headers, central directory, end record, with the options the reader must
 * cope with — deflate, the encryption flag and WinZip AES, raw-byte names, ZIP64, a prefix.
 */
export { buildZip, bytesOf, concat, type ZipFile, type ZipOptions } from "../../scripts/lib/zip.js";
