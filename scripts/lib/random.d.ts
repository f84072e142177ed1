// Types of random.js (test/helpers/random.ts re-exports them for the tests).
/** mulberry32 seeded with `seed`: numbers in [0, 1). */
export function seededRandom(seed: number): () => number;
