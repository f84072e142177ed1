/**
 * The installed @ip-location-db/dbip-country, read independently of the build script: the
 * numeric CSVs (BigInt) joined with the address-text CSVs, row by row. Expected answers in the
 * geo tests come from here, never from hand-written constants.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const SOURCE = "@ip-location-db/dbip-country";
const packageJson = createRequire(import.meta.url).resolve(`${SOURCE}/package.json`);
export const SOURCE_DIR = dirname(packageJson);
export const INSTALLED_VERSION = (JSON.parse(readFileSync(packageJson, "utf8")) as { version: string }).version;

export interface Row {
  readonly start: bigint;
  readonly end: bigint;
  readonly country: string;
  readonly startText: string;
  readonly endText: string;
}

const lines = (file: string): string[][] =>
  readFileSync(join(SOURCE_DIR, file), "latin1")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.split(","));

export function readRows(family: 4 | 6): Row[] {
  const numeric = lines(`dbip-country-ipv${family}-num.csv`);
  const text = lines(`dbip-country-ipv${family}.csv`);
  if (numeric.length !== text.length) throw new Error(`the ipv${family} CSVs differ in length`);
  return numeric.map(([start, end, country], i) => ({
    start: BigInt(start!),
    end: BigInt(end!),
    country: country!,
    startText: text[i]![0]!,
    endText: text[i]![1]!,
  }));
}

/** The data's own answer: the row holding x, by binary search; undefined in a gap. */
export function referenceCountry(rows: readonly Row[], x: bigint): string | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const row = rows[mid]!;
    if (x < row.start) hi = mid - 1;
    else if (x > row.end) lo = mid + 1;
    else return row.country;
  }
  return undefined;
}

/** The 16 bytes of an address (IPv4 as ::ffff:a.b.c.d), as IpAddress.bytes holds them. */
export function bytesOf(family: 4 | 6, value: bigint): Uint8Array {
  const bytes = new Uint8Array(16);
  let v = family === 4 ? (0xffffn << 32n) | value : value;
  for (let i = 15; i >= 0; i--) {
    bytes[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return bytes;
}

/** Text of an address: dotted quad, or eight full hex groups (a form parseIp reads). */
export function textOf(family: 4 | 6, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 0xffn)).join(".");
  return Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(":");
}

/** The shared seeded generator, under the name these tests use. */
export { seededRandom as seeded } from "../../helpers/random.js";

/** A random BigInt of `bits` bits from a seeded generator. */
export function randomBits(next: () => number, bits: number): bigint {
  let v = 0n;
  for (let done = 0; done < bits; done += 16) v = (v << 16n) | BigInt(Math.floor(next() * 0x10000));
  return v & ((1n << BigInt(bits)) - 1n);
}
