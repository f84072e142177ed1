import { describe, expect, it } from "vitest";
import { Buffer } from "node:buffer";
import { bytesToBase64 } from "../../../src/core/text/base64.js";

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("bytesToBase64", () => {
  it("encodes the test vectors of RFC 4648 §10", () => {
    const vectors: [string, string][] = [["", ""], ["f", "Zg=="], ["fo", "Zm8="], ["foo", "Zm9v"], ["foob", "Zm9vYg=="], ["fooba", "Zm9vYmE="], ["foobar", "Zm9vYmFy"]];
    for (const [plain, encoded] of vectors) expect(bytesToBase64(ascii(plain))).toBe(encoded);
  });

  it("encodes every byte value, across the chunk boundaries, as Node's encoder does", () => {
    // 3 × 0x8000 + 7 bytes: several chunks, the last one short, every byte value many times.
    const bytes = Uint8Array.from({ length: 3 * 0x8000 + 7 }, (_, i) => (i * 131 + 7) & 0xff);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });
});
