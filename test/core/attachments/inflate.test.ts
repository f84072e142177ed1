import { deflateRawSync, deflateSync, constants } from "node:zlib";
import { describe, expect, it } from "vitest";
import { inflateRaw, inflateZlib } from "../../../src/core/attachments/content/inflate.js";
import { mutations } from "../../helpers/fuzz.js";
import { seededRandom } from "../../helpers/random.js";

const random = seededRandom(7);
const noise = (n: number): Buffer => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
const text = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => "the quick brown fox jumps over the lazy dog 0123456789\n"[(i * 7) % 53]!).join(""));

describe("inflateRaw (RFC 1951)", () => {
  it.each([
    ["empty", Buffer.alloc(0)],
    ["short text", Buffer.from("hello hello hello hello")],
    ["text", text(200_000)],
    ["noise (stored blocks)", noise(100_000)],
    ["runs", Buffer.alloc(300_000, 0x41)],
    ["mixed", Buffer.concat([text(50_000), noise(70_000), Buffer.alloc(90_000, 7), text(1000)])],
  ])("decodes what zlib encodes: %s", (_name, data) => {
    for (const level of [0, 1, 6, 9]) {
      for (const strategy of [constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE]) {
        const packed = deflateRawSync(data, { level, strategy });
        const result = inflateRaw(packed, data.length + 10);
        expect(result.error).toBeUndefined();
        expect(result.truncated).toBe(false);
        expect(Buffer.from(result.bytes).equals(data)).toBe(true);
        expect(result.consumed).toBe(packed.length);
      }
    }
  });

  it("stops exactly at the output cap (a bomb costs no more than the cap)", () => {
    const bomb = deflateRawSync(Buffer.alloc(50 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const started = performance.now();
    const result = inflateRaw(bomb, 1000);
    expect(performance.now() - started).toBeLessThan(100);
    expect(result.truncated).toBe(true);
    expect(result.bytes.length).toBe(1000);
    expect(inflateRaw(deflateRawSync(noise(5000), { level: 0 }), 10).bytes.length).toBe(10);
    expect(inflateRaw(deflateRawSync(text(5000)), 0).bytes.length).toBe(0);
  });

  it("reports truncated and corrupt input instead of throwing", () => {
    const data = text(20_000);
    const packed = deflateRawSync(data);
    const cut = inflateRaw(packed.subarray(0, packed.length >> 1), 100_000);
    expect(cut.error).toBeDefined();
    expect(Buffer.from(cut.bytes).equals(data.subarray(0, cut.bytes.length))).toBe(true);
    expect(inflateRaw(Uint8Array.of(0xff, 0xff, 0xff), 100).error).toBeDefined();
    expect(inflateRaw(Uint8Array.of(0x07), 100).error).toBe("invalid block type");
  });

  it("never throws on mutated streams (seeded truncations and bit flips)", () => {
    const packed = deflateRawSync(Buffer.concat([text(4000), noise(500), text(4000)]));
    for (const mutated of mutations(packed, 400, 11)) {
      const result = inflateRaw(mutated, 50_000);
      expect(result.bytes.length).toBeLessThanOrEqual(50_000);
    }
  });
});

describe("inflateZlib (RFC 1950)", () => {
  it("reads zlib streams and falls back to raw DEFLATE when the header is missing", () => {
    const data = text(10_000);
    expect(Buffer.from(inflateZlib(deflateSync(data), 1e6).bytes).equals(data)).toBe(true);
    expect(Buffer.from(inflateZlib(deflateRawSync(data), 1e6).bytes).equals(data)).toBe(true);
  });
});
