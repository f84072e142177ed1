#!/usr/bin/env node
// Builds the offline IP-to-country table from the CSVs of the npm package
// @ip-location-db/dbip-country (DB-IP Lite, CC BY 4.0) into assets/geo/ip-country.bin.
//   npm run build:geo [-- --out FILE]
// The file format is specified, and read, in src/core/geo/format.ts. The output depends only on
// the installed package (no dates, no randomness), so the same package version always gives the
// same bytes; `npm run geo:check` proves the table still matches the installed package.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Buffer } from "node:buffer";
import { performance } from "node:perf_hooks";
import { crc32, gzipSync } from "node:zlib";

const SOURCE = "@ip-location-db/dbip-country";
const MAGIC = "CTMG";
const FORMAT_VERSION = 1;
const HEADER_BYTES = 40;
const SPLIT_CODE = 255;
const MASK64 = (1n << 64n) - 1n;

const root = fileURLToPath(new URL("..", import.meta.url));
const outArg = process.argv.indexOf("--out");
const out = outArg >= 0 ? process.argv[outArg + 1] : join(root, "assets/geo/ip-country.bin");
if (!out) fail("--out needs a file name");

function fail(message) {
  console.error(`build-geo: ${message}`);
  process.exit(1);
}

const began = performance.now();
const require = createRequire(import.meta.url);
let packageJsonPath;
try {
  packageJsonPath = require.resolve(`${SOURCE}/package.json`);
} catch {
  fail(`${SOURCE} is not installed (it is a devDependency: run "npm install")`);
}
const sourceDir = dirname(packageJsonPath);
const sourceVersion = JSON.parse(readFileSync(packageJsonPath, "utf8")).version;

/**
 * Numbers for IPv4, BigInts for IPv6: BigInt parsing is the slow part of the build, and 32-bit
 * addresses fit a Number exactly.
 */
const FAMILY = {
  32: { num: Number, max: 2 ** 32 - 1 },
  128: { num: BigInt, max: (1n << 128n) - 1n },
};

/**
 * Rows of a "-num" CSV (start,end,country with decimal addresses, inclusive ends). Anything
 * unexpected stops the build: silently skipping rows would ship a table with holes.
 */
function readRows(file, bits) {
  const { num, max } = FAMILY[bits];
  const rows = [];
  let previousEnd = num(-1);
  const lines = readFileSync(join(sourceDir, file), "latin1").split("\n");
  lines.forEach((raw, index) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line === "") {
      if (index !== lines.length - 1) fail(`${file}:${index + 1}: empty line`);
      return;
    }
    const parts = line.split(",");
    if (parts.length !== 3 || !/^\d+$/.test(parts[0]) || !/^\d+$/.test(parts[1]) || !/^[A-Z]{2}$/.test(parts[2])) {
      fail(`${file}:${index + 1}: expected "start,end,CC", got ${JSON.stringify(line)}`);
    }
    const start = num(parts[0]);
    const end = num(parts[1]);
    if (start <= previousEnd || end < start || end > max) fail(`${file}:${index + 1}: range out of order or out of range`);
    rows.push({ start, end, country: parts[2] });
    previousEnd = end;
  });
  if (rows.length === 0) fail(`${file} has no rows`);
  return rows;
}

/**
 * Ranges as starts only: gaps become ranges of country "" (unknown), adjacent ranges of one
 * country merge, the first starts at 0 and the last runs to the end of the address space.
 */
function toSegments(rows, bits) {
  const { num, max } = FAMILY[bits];
  const segments = [];
  const push = (start, country) => {
    if (segments.length > 0 && segments[segments.length - 1].country === country) return;
    segments.push({ start, country });
  };
  let next = num(0);
  for (const row of rows) {
    if (row.start > next) push(next, "");
    push(row.start, row.country);
    next = row.end + num(1);
  }
  if (next <= max) push(next, "");
  return segments;
}

/** The segment holding an address (segments start at 0, so there always is one). */
function segmentAt(segments, address) {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (segments[mid].start <= address) lo = mid;
    else hi = mid - 1;
  }
  return segments[lo];
}

function varint(bytes, value) {
  if (value < 0 || value > 0xffffffff || !Number.isInteger(value)) throw new Error(`varint out of range: ${value}`);
  while (value >= 0x80) {
    bytes.push((value % 0x80) | 0x80);
    value = Math.floor(value / 0x80);
  }
  bytes.push(value);
}

const v4Segments = toSegments(readRows("dbip-country-ipv4-num.csv", 32), 32);
const v6Segments = toSegments(readRows("dbip-country-ipv6-num.csv", 128), 128);

const countries = [...new Set([...v4Segments, ...v6Segments].map((s) => s.country).filter((c) => c !== ""))].sort();
if (countries.length >= SPLIT_CODE) fail(`${countries.length} countries do not fit in one byte beside the split code`);
const codeOf = new Map([["", 0], ...countries.map((c, i) => [c, i + 1])]);

// IPv4: deltas between starts.
const v4Keys = [];
const v4Codes = [];
let previous = 0;
for (const s of v4Segments) {
  const start = s.start;
  varint(v4Keys, start - previous);
  v4Codes.push(codeOf.get(s.country));
  previous = start;
}

// IPv6: keyed by /64 prefix. A prefix holding a range boundary below the /64 is "split": the main
// table marks it, the fine table holds its exact starts, and the main table resumes at the next
// prefix with whatever country covers it.
const splitPrefixes = [...new Set(v6Segments.filter((s) => (s.start & MASK64) !== 0n).map((s) => s.start >> 64n))].sort((a, b) =>
  a < b ? -1 : a > b ? 1 : 0,
);
const isSplit = new Set(splitPrefixes);
const mainEntries = [];
const addMain = (prefix, code) => {
  const last = mainEntries[mainEntries.length - 1];
  if (last && last[0] === prefix) {
    // Only a split prefix is reached twice (once per segment starting inside it).
    if (code !== SPLIT_CODE || last[1] !== SPLIT_CODE) throw new Error(`prefix ${prefix.toString(16)} twice`);
    return;
  }
  if (last && code !== SPLIT_CODE && last[1] === code) return;
  mainEntries.push([prefix, code]);
};
v6Segments.forEach((s, i) => {
  const prefix = s.start >> 64n;
  const code = codeOf.get(s.country);
  if (!isSplit.has(prefix)) {
    addMain(prefix, code);
    return;
  }
  addMain(prefix, SPLIT_CODE);
  // When this segment is the last one starting in the split prefix, it covers the start of the
  // next prefix too, unless that one is split itself.
  const following = prefix + 1n;
  const nextStart = v6Segments[i + 1]?.start;
  if (following <= MASK64 && !isSplit.has(following) && (nextStart === undefined || nextStart > following << 64n)) addMain(following, code);
});
const fineEntries = [];
for (const prefix of splitPrefixes) {
  // The country at the prefix itself; the starts inside it follow below.
  const first = prefix << 64n;
  fineEntries.push({ start: first, code: codeOf.get(segmentAt(v6Segments, first).country) });
}
for (const s of v6Segments) {
  if ((s.start & MASK64) !== 0n) fineEntries.push({ start: s.start, code: codeOf.get(s.country) });
}
fineEntries.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

const v6Keys = [];
const v6Codes = [];
let previousHi = 0;
let previousLo = 0;
for (const [prefix, code] of mainEntries) {
  const hi = Number(prefix >> 32n);
  const lo = Number(prefix & 0xffffffffn);
  varint(v6Keys, hi - previousHi);
  varint(v6Keys, hi === previousHi ? lo - previousLo : lo);
  v6Codes.push(code);
  previousHi = hi;
  previousLo = lo;
}
const fineKeys = Buffer.alloc(fineEntries.length * 16);
fineEntries.forEach(({ start }, i) => {
  for (let k = 0; k < 4; k++) fineKeys.writeUInt32LE(Number((start >> BigInt(96 - 32 * k)) & 0xffffffffn), i * 16 + k * 4);
});

const name = Buffer.from(SOURCE, "ascii");
const version = Buffer.from(sourceVersion, "ascii");
const header = Buffer.alloc(HEADER_BYTES);
const body = Buffer.concat([
  name,
  version,
  Buffer.from(countries.join(""), "ascii"),
  Buffer.from(v4Keys),
  Buffer.from(v4Codes),
  Buffer.from(v6Keys),
  Buffer.from(v6Codes),
  fineKeys,
  Buffer.from(fineEntries.map((f) => f.code)),
]);
header.write(MAGIC, 0, "ascii");
header.writeUInt16LE(FORMAT_VERSION, 4);
header.writeUInt32LE(HEADER_BYTES + body.length, 8);
header.writeUInt32LE(v4Codes.length, 16);
header.writeUInt32LE(v4Keys.length, 20);
header.writeUInt32LE(v6Codes.length, 24);
header.writeUInt32LE(v6Keys.length, 28);
header.writeUInt32LE(fineEntries.length, 32);
header.writeUInt8(countries.length, 36);
header.writeUInt8(name.length, 37);
header.writeUInt8(version.length, 38);
const table = Buffer.concat([header, body]);
table.writeUInt32LE(crc32(table.subarray(16)), 12);

// Write-then-rename: an interrupted build never leaves a half-written table behind.
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, table);
renameSync(`${out}.tmp`, out);

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(
  `build-geo: ${relative(process.cwd(), out) || out} from ${SOURCE}@${sourceVersion}: ` +
    `${v4Codes.length} IPv4 and ${v6Codes.length} IPv6 ranges (${splitPrefixes.length} split /64s, ${fineEntries.length} fine ranges), ` +
    `${countries.length} countries; ${kib(table.length)} raw, ${kib(gzipSync(table).length)} gzip (level 6, as HTTP servers send it); ` +
    `${Math.round(performance.now() - began)} ms`,
);
