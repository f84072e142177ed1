/**
 * Seeded mutation of byte strings for the "never throws on hostile bytes" tests: the same seed
 * gives the same cases on every run, so a failure can be reproduced.
 */
import { seededRandom } from "./random.js";

/**
 * `count` variants of `input`: truncations at random points, random bit flips, random bytes
 * overwritten with boundary values (0, 0xff, 0x7f, 0x80 — the values that break length fields),
 * and short random splices.
 */
export function* mutations(input: Uint8Array, count: number, seed: number): Generator<Uint8Array> {
  const random = seededRandom(seed);
  const pick = (n: number): number => Math.floor(random() * n);
  const boundary = [0x00, 0xff, 0x7f, 0x80, 0xfe, 0x01];
  for (let i = 0; i < count; i++) {
    const kind = i % 4;
    if (kind === 0 || input.length === 0) {
      yield input.slice(0, pick(input.length + 1));
      continue;
    }
    const out = Uint8Array.from(input);
    const edits = 1 + pick(8);
    for (let e = 0; e < edits; e++) {
      const at = pick(out.length);
      if (kind === 1) out[at]! ^= 1 << pick(8);
      else if (kind === 2) out[at] = boundary[pick(boundary.length)]!;
      else out[at] = pick(256);
    }
    yield out;
  }
}
