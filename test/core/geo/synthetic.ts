/**
 * A second, minimal writer of the table format (src/core/geo/format.ts), for tables too small
 * or too broken for the build to produce: the reader must accept the first and reject the rest.
 */
import { crc32 } from "node:zlib";

export interface SyntheticTable {
  source?: { name: string; version: string };
  countries: string[];
  /** [start, code]; the first start must be 0 for a valid table. */
  v4: [number, number][];
  /** [hi32, lo32, code] of /64 prefixes. */
  v6: [number, number, number][];
  /** [w0, w1, w2, w3, code]. */
  fine?: [number, number, number, number, number][];
}

function varint(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value % 0x80) | 0x80);
    value = Math.floor(value / 0x80);
  }
  out.push(value);
}

export function encode(table: SyntheticTable): Uint8Array {
  const source = table.source ?? { name: "test-source", version: "1.2.3" };
  const v4Keys: number[] = [];
  table.v4.reduce((previous, [start]) => (varint(v4Keys, start - previous), start), 0);
  const v6Keys: number[] = [];
  let previousHi = 0;
  let previousLo = 0;
  for (const [hi, lo] of table.v6) {
    varint(v6Keys, hi - previousHi);
    varint(v6Keys, hi === previousHi ? lo - previousLo : lo);
    previousHi = hi;
    previousLo = lo;
  }
  const fine = table.fine ?? [];
  const fineKeys = Buffer.alloc(fine.length * 16);
  fine.forEach((f, i) => f.slice(0, 4).forEach((w, k) => fineKeys.writeUInt32LE(w, i * 16 + k * 4)));
  const body = Buffer.concat([
    Buffer.from(source.name + source.version + table.countries.join(""), "ascii"),
    Buffer.from(v4Keys),
    Buffer.from(table.v4.map(([, code]) => code)),
    Buffer.from(v6Keys),
    Buffer.from(table.v6.map(([, , code]) => code)),
    fineKeys,
    Buffer.from(fine.map((f) => f[4])),
  ]);
  const header = Buffer.alloc(40);
  header.write("CTMG", 0, "ascii");
  header.writeUInt16LE(1, 4);
  header.writeUInt32LE(40 + body.length, 8);
  header.writeUInt32LE(table.v4.length, 16);
  header.writeUInt32LE(v4Keys.length, 20);
  header.writeUInt32LE(table.v6.length, 24);
  header.writeUInt32LE(v6Keys.length, 28);
  header.writeUInt32LE(fine.length, 32);
  header.writeUInt8(table.countries.length, 36);
  header.writeUInt8(source.name.length, 37);
  header.writeUInt8(source.version.length, 38);
  return resealed(new Uint8Array(Buffer.concat([header, body])));
}

/** Recomputes the CRC, so a deliberately broken table reaches the structural checks. */
export function resealed(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes);
  new DataView(copy.buffer).setUint32(12, crc32(copy.subarray(16)), true);
  return copy;
}
