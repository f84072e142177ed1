import { describe, expect, it } from "vitest";
import { parseIpWords } from "../../../src/core/geo/fast-ip.js";
import { parseIp } from "../../../src/core/net/ip.js";
import { seeded } from "./data.js";

/** parseIp's 16 bytes as the four big-endian words parseIpWords writes. */
const wordsOf = (bytes: Uint8Array): number[] =>
  [0, 4, 8, 12].map((i) => ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0);

describe("parseIpWords", () => {
  it("reads the plain forms", () => {
    const w = new Uint32Array(4);
    expect(parseIpWords("192.0.2.1", w)).toBe(true);
    expect([...w]).toEqual([0, 0, 0xffff, 0xc0000201]);
    expect(parseIpWords("2001:DB8::a:1", w)).toBe(true);
    expect([...w]).toEqual([0x20010db8, 0, 0, 0x000a0001]);
    expect(parseIpWords("::", w)).toBe(true);
    expect([...w]).toEqual([0, 0, 0, 0]);
    expect(parseIpWords("1::", w)).toBe(true);
    expect([...w]).toEqual([0x00010000, 0, 0, 0]);
  });

  it("leaves every other form to parseIp", () => {
    const w = new Uint32Array(4);
    for (const text of ["[::1]", "IPv6:::1", "fe80::1%eth0", "::ffff:1.2.3.4", " 1.2.3.4", "01.2.3.4", "1.2.3", ":1::", "1:::2", "a::b::c", "12345::"]) {
      expect(parseIpWords(text, w), text).toBe(false);
    }
  });

  // The fast path may only ever decline: whatever it accepts, parseIp reads to the same address.
  it("never disagrees with parseIp (seeded, 30 000 strings)", () => {
    const next = seeded(3);
    const int = (n: number) => Math.floor(next() * n);
    const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
    const ALPHABET = "0123456789abcdefABCDEF:.:.g %[]";
    const ipv4 = () => Array.from({ length: 4 }, () => String(pick([0, 1, 9, 10, 99, 100, 199, 255, 256, int(300)]))).join(".");
    const group = () => pick(["0", "00", "000", "0000", "1", "ff", "FFFF", "abcd", "12345", int(0x10000).toString(16)]);
    const ipv6 = () => {
      const groups = Array.from({ length: 8 }, group);
      const form = int(4);
      if (form === 0) return groups.join(":");
      const at = int(8);
      const length = int(8 - at) + 1;
      const text = `${groups.slice(0, at).join(":")}::${groups.slice(at + length).join(":")}`;
      return form === 3 ? `${text}:${ipv4()}` : text;
    };
    const mutate = (text: string) => {
      const at = int(text.length + 1);
      const op = int(3);
      const c = pick([...ALPHABET]);
      return op === 0 ? text.slice(0, at) + c + text.slice(at) : op === 1 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + c + text.slice(at + 1);
    };
    const w = new Uint32Array(4);
    let accepted = 0;
    let declinedValid = 0;
    let bothRefused = 0;
    for (let i = 0; i < 30_000; i++) {
      const base = pick([ipv4, ipv6, ipv6, () => Array.from({ length: int(12) }, () => pick([...ALPHABET])).join("")])();
      const text = next() < 0.4 ? mutate(base) : base;
      const parsed = parseIp(text);
      if (parseIpWords(text, w)) {
        accepted++;
        expect(parsed, text).toBeDefined();
        expect([...w], text).toEqual(wordsOf(parsed!.bytes));
      } else if (parsed) declinedValid++;
      else bothRefused++;
    }
    // Not vacuous: most valid plain forms take the fast path; the other outcomes occur too.
    expect(accepted).toBeGreaterThan(5_000);
    expect(declinedValid).toBeGreaterThan(100);
    expect(bothRefused).toBeGreaterThan(5_000);
  });
});
