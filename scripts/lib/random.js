// mulberry32: a tiny seeded PRNG, so a property test, a benchmark or a fuzz input replays from
// its seed on every machine. Returns numbers in [0, 1). Plain JavaScript for bench/ and scripts/;
// types in random.d.ts.
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
