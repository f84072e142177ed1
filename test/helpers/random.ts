/** The seeded PRNG of the tests (scripts/lib/random.js, shared with the benchmarks and the fuzzer). */
export { seededRandom } from "../../scripts/lib/random.js";
