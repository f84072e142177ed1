import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { countryLookupFor, readGeoTable, type CountryLookup, type GeoTable } from "../../../src/core/geo/index.js";
import { ADDRESS_RANGES, embeddedIpv4, IPV4_EMBEDDING_RANGES, nonPublicKind, parseIp } from "../../../src/core/net/ip.js";
import { GEO_TABLE_URL } from "../../../src/hosts/node/geo.js";
import { bytesOf, randomBits, readRows, referenceCountry, seeded, textOf, type Row } from "./data.js";

// Every expected country here is read from the package's CSVs at run time (data.ts).
let table: GeoTable;
let lookup: CountryLookup;
let rows4: Row[];
let rows6: Row[];
const M64 = (1n << 64n) - 1n;
/** IPv6 rows with a boundary inside a /64: the table answers them from its fine ranges. */
let subPrefixRows: Row[];

beforeAll(() => {
  table = readGeoTable(new Uint8Array(readFileSync(GEO_TABLE_URL)));
  lookup = countryLookupFor(table);
  rows4 = readRows(4);
  rows6 = readRows(6);
  subPrefixRows = rows6.filter((r) => (r.start & M64) !== 0n || (r.end & M64) !== M64);
}, 60_000);

const rawAnswer = (family: 4 | 6, x: bigint) => table.countryOfBytes(bytesOf(family, x));
const isPublic = (text: string) => nonPublicKind(parseIp(text)!) === undefined;

describe("the table against the package's CSVs", () => {
  it("answers every 1000th row, the first and last, and every row split below /64, at both ends and just outside", () => {
    expect(subPrefixRows.length).toBeGreaterThan(0);
    let checked = 0;
    for (const [family, rows] of [
      [4, rows4],
      [6, rows6],
    ] as const) {
      const max = (1n << BigInt(family === 4 ? 32 : 128)) - 1n;
      const sample = new Set([...rows.filter((_, i) => i % 1000 === 0), rows[rows.length - 1]!, ...(family === 6 ? subPrefixRows : [])]);
      for (const row of sample) {
        expect(rawAnswer(family, row.start), row.startText).toBe(row.country);
        expect(rawAnswer(family, row.end), row.endText).toBe(row.country);
        if (row.start > 0n) expect(rawAnswer(family, row.start - 1n)).toBe(referenceCountry(rows, row.start - 1n));
        if (row.end < max) expect(rawAnswer(family, row.end + 1n)).toBe(referenceCountry(rows, row.end + 1n));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(700);
  });

  it("answers the addresses the data has no country for as unknown (its gaps)", () => {
    let gaps = 0;
    for (const [family, rows] of [
      [4, rows4],
      [6, rows6],
    ] as const) {
      rows.forEach((row, i) => {
        const next = rows[i + 1];
        if (!next || next.start === row.end + 1n) return;
        gaps++;
        expect(rawAnswer(family, row.end + 1n)).toBeUndefined();
        expect(rawAnswer(family, next.start - 1n)).toBeUndefined();
      });
    }
    expect(gaps).toBeGreaterThan(0);
  });

  it("places known addresses through the lookup, from the CSV's own address text", () => {
    for (const [rows, family] of [
      [rows4, 4],
      [rows6, 6],
    ] as const) {
      for (const country of ["JP", "CN", "US", "DE"]) {
        const row = rows.find((r) => r.country === country && isPublic(r.startText) && isPublic(r.endText))!;
        expect(row, `a public ${country} row`).toBeDefined();
        expect(lookup(row.startText)).toBe(country);
        expect(lookup(row.endText)).toBe(country);
        expect(lookup(textOf(family, (row.start + row.end) / 2n))).toBe(country);
      }
    }
  });

  it("changes country exactly at a range boundary", () => {
    for (const [rows, family] of [
      [rows4, 4],
      [rows6, 6],
    ] as const) {
      const i = rows.findIndex((r, k) => {
        const next = rows[k + 1];
        return !!next && next.start === r.end + 1n && next.country !== r.country && isPublic(r.endText) && isPublic(next.startText);
      });
      const [before, after] = [rows[i]!, rows[i + 1]!];
      expect(lookup(textOf(family, before.end))).toBe(before.country);
      expect(lookup(textOf(family, after.start))).toBe(after.country);
      expect(before.country).not.toBe(after.country);
    }
  });

  it("answers IPv4-mapped, NAT64 and 6to4 addresses for their IPv4 address", () => {
    const row = rows4.find((r) => r.country === "JP" && isPublic(r.startText))!;
    const v4 = row.startText;
    const hi = (row.start >> 16n).toString(16);
    const lo = (row.start & 0xffffn).toString(16);
    for (const form of [`::ffff:${v4}`, `::FFFF:${hi}:${lo}`, `[::ffff:${v4}]`, `64:ff9b::${v4}`, `64:ff9b::${hi}:${lo}`, `2002:${hi}:${lo}::1`]) {
      expect(lookup(form), form).toBe("JP");
    }
    expect(lookup("2002:0a00:0001::1")).toBe("private"); // 6to4 of 10.0.0.1, as Google's internal hops
    expect(lookup("64:ff9b::192.0.2.1")).toBe("special");
  });

  it("reads the other written forms of an address the same way", () => {
    const row = rows6.find((r) => r.country === "JP" && isPublic(r.startText))!;
    const ip = parseIp(row.startText)!;
    const full = textOf(6, row.start);
    for (const form of [full, full.toUpperCase(), `[${row.startText}]`, `IPv6:${row.startText}`, `${row.startText}%eth0`, ` ${row.startText} `, ip.text]) {
      expect(lookup(form), form).toBe("JP");
    }
  });
});

describe("screening before the table", () => {
  it("says private or special for non-public addresses, whatever the data says", () => {
    const cases: [string, string][] = [
      ["10.1.2.3", "private"],
      ["172.16.0.1", "private"],
      ["192.168.1.1", "private"],
      ["127.0.0.1", "private"],
      ["169.254.10.1", "private"],
      ["100.64.0.1", "private"],
      ["0.1.2.3", "private"],
      ["::1", "private"],
      ["::", "private"],
      ["fe80::1", "private"],
      ["fd12:3456::1", "private"],
      ["192.0.2.1", "special"],
      ["198.51.100.7", "special"],
      ["203.0.113.9", "special"],
      ["198.18.0.1", "special"],
      ["224.0.0.1", "special"],
      ["239.255.255.250", "special"],
      ["255.255.255.255", "special"],
      ["240.0.0.1", "special"],
      ["2001:db8::1", "special"],
      ["3fff::1", "special"],
      ["ff02::1", "special"],
      ["2001::1", "special"], // Teredo
      ["2000::1", "special"], // not allocated by IANA
      ["2c10::1", "special"],
      ["2e00::1", "special"],
      ["4000::1", "special"],
      ["100::1", "special"],
    ];
    for (const [address, kind] of cases) expect(lookup(address), address).toBe(kind);
  });

  it("overrides countries the data assigns to unallocated IPv6 space", () => {
    for (const address of ["2000::1", "2c10::1", "2e00::1", "2fff::1"]) {
      expect(table.countryOfBytes(parseIp(address)!.bytes), `the data places ${address}`).toMatch(/^[A-Z]{2}$/);
      expect(lookup(address)).toBe("special");
    }
  });

  it("says nothing for text that is not an address", () => {
    for (const text of ["", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "::g", "1:2:3:4:5:6:7:8:9", ":::", "1::2::3"]) {
      expect(lookup(text), text).toBeUndefined();
    }
    expect(lookup(undefined as unknown as string)).toBeUndefined();
  });
});

describe("seeded properties", () => {
  /** Addresses where mistakes hide: range edges, split /64s, non-public ranges and their edges. */
  function* addresses(seed: number, count: number): Generator<[4 | 6, bigint]> {
    const next = seeded(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    for (let i = 0; i < count; i++) {
      const family: 4 | 6 = next() < 0.5 ? 4 : 6;
      const rows = family === 4 ? rows4 : rows6;
      const bits = family === 4 ? 32 : 128;
      const choice = next();
      if (choice < 0.25) {
        yield [family, family === 4 ? randomBits(next, 32) : (1n << 125n) | randomBits(next, 125)];
      } else if (choice < 0.5) {
        const row = pick(rows);
        yield [family, pick([row.start, row.end, row.start - 1n, row.end + 1n].filter((x) => x >= 0n && x < 1n << BigInt(bits)))];
      } else if (choice < 0.7 && family === 6) {
        const row = pick(subPrefixRows);
        yield [6, (pick([row.start, row.end]) & ~M64) | randomBits(next, 64)];
      } else {
        const range = pick([...ADDRESS_RANGES.map((r) => r.range), ...IPV4_EMBEDDING_RANGES].filter((r) => r.network.family === family));
        const hostBits = BigInt(bits - range.prefix);
        const network = range.network.bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n) & ((1n << BigInt(bits)) - 1n);
        const base = (network >> hostBits) << hostBits;
        const inside = base + randomBits(next, Number(hostBits));
        const edges = [base, base + (1n << hostBits) - 1n, base - 1n, base + (1n << hostBits)].filter((x) => x >= 0n && x < 1n << BigInt(bits));
        yield [family, next() < 0.5 ? inside : pick(edges)];
      }
    }
  }

  it("the table answers as the CSV rows do (seed 1)", () => {
    const countries = new Set<string>();
    let unknown = 0;
    let split = 0;
    for (const [family, x] of addresses(1, 6000)) {
      const expected = referenceCountry(family === 4 ? rows4 : rows6, x);
      expect(rawAnswer(family, x), `${family} ${textOf(family, x)}`).toBe(expected);
      if (expected) countries.add(expected);
      else unknown++;
      if (family === 6 && subPrefixRows.some((r) => r.start >> 64n === x >> 64n || r.end >> 64n === x >> 64n)) split++;
    }
    // Not vacuous: many countries, some gaps, and real use of the fine ranges.
    expect(countries.size).toBeGreaterThan(80);
    expect(unknown).toBeGreaterThan(50);
    expect(split).toBeGreaterThan(300);
  });

  it("the fast path answers as parseIp, nonPublicKind and embeddedIpv4 do (seed 2)", () => {
    const seen = new Map<string, number>();
    for (const [family, x] of addresses(2, 6000)) {
      const text = textOf(family, x);
      const ip = parseIp(text)!;
      const expected = nonPublicKind(ip) ?? table.countryOfBytes((embeddedIpv4(ip) ?? ip).bytes);
      const answer = lookup(text);
      expect(answer, text).toBe(expected);
      const kind = answer === undefined ? "unknown" : /^[A-Z]{2}$/.test(answer) ? "country" : answer;
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
    }
    expect(seen.get("private")).toBeGreaterThan(100);
    expect(seen.get("special")).toBeGreaterThan(100);
    expect(seen.get("country")).toBeGreaterThan(1000);
  });
});
