import { readFileSync } from "node:fs";
import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createCountryLookup, crc32, readGeoTable } from "../../../src/core/geo/index.js";
import { GEO_TABLE_URL } from "../../../src/hosts/node/geo.js";
import { INSTALLED_VERSION, seeded, SOURCE } from "./data.js";
import { encode, resealed, type SyntheticTable } from "./synthetic.js";

const shipped = new Uint8Array(readFileSync(GEO_TABLE_URL));

const P = 0x20010200; // hi32 of a /64 prefix used below
/** A tiny valid table: two countries, IPv4 gaps at both ends, one split IPv6 /64. */
const tiny = (): SyntheticTable => ({
  countries: ["JP", "US"],
  v4: [
    [0, 0],
    [0x01000000, 1],
    [0x02000000, 2],
    [0x03000000, 0],
  ],
  v6: [
    [0, 0, 0],
    [P, 0, 1],
    [P, 5, 255],
    [P, 6, 1],
    [P + 1, 0, 0],
  ],
  fine: [
    [P, 5, 0, 0, 1],
    [P, 5, 0x80000000, 0, 2],
  ],
});

describe("the shipped table", () => {
  it("was built from the installed data package", () => {
    const table = readGeoTable(shipped);
    expect(table.source).toEqual({ name: SOURCE, version: INSTALLED_VERSION });
    expect(table.counts.ipv4).toBeGreaterThan(100_000);
    expect(table.counts.ipv6).toBeGreaterThan(100_000);
    expect(table.countries).toContain("JP");
  });
});

describe("readGeoTable on a synthetic table", () => {
  const table = readGeoTable(encode(tiny()));

  it("answers by range, with gaps unknown", () => {
    expect(table.countryOfWords(0, 0, 0xffff, 0x00ffffff)).toBeUndefined();
    expect(table.countryOfWords(0, 0, 0xffff, 0x01000000)).toBe("JP");
    expect(table.countryOfWords(0, 0, 0xffff, 0x01ffffff)).toBe("JP");
    expect(table.countryOfWords(0, 0, 0xffff, 0x02000000)).toBe("US");
    expect(table.countryOfWords(0, 0, 0xffff, 0xffffffff)).toBeUndefined();
  });

  it("answers a split /64 from its fine ranges, to the last bit", () => {
    expect(table.countryOfWords(P, 4, 0xffffffff, 0xffffffff)).toBe("JP");
    expect(table.countryOfWords(P, 5, 0, 0)).toBe("JP");
    expect(table.countryOfWords(P, 5, 0x7fffffff, 0xffffffff)).toBe("JP");
    expect(table.countryOfWords(P, 5, 0x80000000, 0)).toBe("US");
    expect(table.countryOfWords(P, 5, 0xffffffff, 0xffffffff)).toBe("US");
    expect(table.countryOfWords(P, 6, 0, 0)).toBe("JP");
    expect(table.countryOfWords(P + 1, 0, 0, 0)).toBeUndefined();
  });

  it("screens non-public addresses before asking the table", () => {
    const lookup = createCountryLookup(encode(tiny()));
    expect(lookup("1.2.3.4")).toBe("JP");
    expect(lookup("2001:200:0:5::1")).toBe("JP");
    expect(lookup("2001:200:0:5:8000::")).toBe("US");
    expect(lookup("10.1.2.3")).toBe("private");
    expect(lookup("224.0.0.1")).toBe("special");
    expect(lookup("not an address")).toBeUndefined();
  });
});

describe("a damaged table is rejected when the lookup is created", () => {
  const reject = (bytes: Uint8Array, message: RegExp) => {
    expect(() => createCountryLookup(bytes)).toThrow(message);
    expect(() => createCountryLookup(bytes)).toThrow(/Invalid IP-to-country table: .*npm run build:geo/);
  };

  it("rejects an empty, truncated or padded file", () => {
    reject(new Uint8Array(0), /shorter than the 40-byte header/);
    reject(shipped.subarray(0, shipped.length - 1), /truncated or padded/);
    reject(shipped.subarray(0, 1000), /truncated or padded/);
    const padded = new Uint8Array(shipped.length + 1);
    padded.set(shipped);
    reject(padded, /truncated or padded/);
  });

  it("rejects corrupted bytes anywhere after the header's checksum field", () => {
    const next = seeded(7);
    for (let i = 0; i < 20; i++) {
      const corrupted = new Uint8Array(shipped);
      const at = 16 + Math.floor(next() * (shipped.length - 16));
      corrupted[at]! ^= 1 << Math.floor(next() * 8);
      reject(corrupted, /CRC-32 .* \(corrupted\)/);
    }
  });

  it("rejects another file type or format version", () => {
    const png = new Uint8Array(shipped);
    png.set([0x89, 0x50, 0x4e, 0x47], 0);
    reject(png, /wrong magic/);
    const v2 = new Uint8Array(shipped);
    v2[4] = 2;
    reject(v2, /format version 2; this code reads version 1/);
    expect(() => createCountryLookup(Array.from(shipped) as unknown as Uint8Array)).toThrow(/expected a Uint8Array/);
  });

  it("rejects a well-sealed table that the build cannot have written", () => {
    const broken = (change: (t: SyntheticTable) => void, message: RegExp) => {
      const t = tiny();
      change(t);
      reject(encode(t), message);
    };
    broken((t) => (t.v4[0]![0] = 5), /IPv4 range 0 starts out of order or out of range/);
    broken((t) => (t.v4[2]![0] = 0x01000000), /IPv4 range 2 starts out of order/);
    broken((t) => (t.v4[1]![1] = 3), /country code 3, beyond the 2 countries/);
    broken((t) => (t.v4[2]![1] = 1), /IPv4 range 1 and 2 have the same country and were not merged/);
    broken((t) => (t.v6[0]![1] = 1), /IPv6 range 0 starts out of order/);
    broken((t) => (t.v6[3]![1] = 7), /split IPv6 range 2 is not exactly one \/64/);
    broken((t) => (t.fine![0]![2] = 1), /split IPv6 range 2 has no fine range at its \/64 prefix/);
    broken((t) => t.fine!.push([P + 1, 0, 0, 0, 1]), /fine IPv6 range 2 lies in no split \/64/);
    broken((t) => (t.fine![1]![4] = 1), /fine IPv6 range 1 has a bad or unmerged country code/);
    broken((t) => (t.countries[1] = "U1"), /country 2 is "U1", not two capital letters/);
    broken((t) => (t.fine![1]![4] = 255), /fine IPv6 range 1 has a bad or unmerged country code/);
  });

  it("rejects bytes left after the last section, even with a matching length and checksum", () => {
    const bytes = encode(tiny());
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    new DataView(longer.buffer).setUint32(8, longer.length, true);
    reject(resealed(longer), /1 bytes after the last section/);
  });
});

describe("crc32", () => {
  it("is zlib's CRC-32, which the build writes", () => {
    const next = seeded(11);
    for (const length of [0, 1, 7, 256, 4099]) {
      const bytes = Uint8Array.from({ length }, () => Math.floor(next() * 256));
      expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    }
  });
});
