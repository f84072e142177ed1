// The offline IP-to-country lookup (issue 3's budget: at least 1 million lookups per second).
import { readFileSync } from "node:fs";
import { createCountryLookup } from "../lib/core/geo/index.js";
import { GEO_TABLE_URL } from "../lib/hosts/node/geo.js";
import { seededRandom as random } from "../scripts/lib/random.js";


const ADDRESSES = 100_000;

/** The first two groups of an address in a block IANA allocated to a regional registry. */
function ipv6Prefix(int) {
  const blocks = [
    () => `2001:${(0x200 + int(0xbe00)).toString(16)}`, // the /23s of 2001::/16
    () => `${(0x2400 + int(0x20)).toString(16)}:${int(0x10000).toString(16)}`, // APNIC
    () => `${(0x2600 + int(0x10)).toString(16)}:${int(0x10000).toString(16)}`, // ARIN
    () => `${(0x2800 + int(0x10)).toString(16)}:${int(0x10000).toString(16)}`, // LACNIC
    () => `${(0x2a00 + int(0x20)).toString(16)}:${int(0x10000).toString(16)}`, // RIPE NCC
    () => `${(0x2c00 + int(0x10)).toString(16)}:${int(0x10000).toString(16)}`, // AFRINIC
  ];
  return blocks[int(blocks.length)]();
}

/**
 * A mix like the origins of real mail: public IPv4 (1.0.0.0–223.255.255.255, which includes
 * some private and reserved space), IPv6 in the regional registries' blocks written as mail
 * servers log it (a routed prefix, "::", an interface part), and a share of private addresses
 * (internal hops).
 */
function addresses(seed, share4, share6) {
  const next = random(seed);
  const int = (n) => Math.floor(next() * n);
  const hex = () => int(0x10000).toString(16);
  const out = [];
  for (let i = 0; i < ADDRESSES; i++) {
    const pick = next();
    if (pick < share4) out.push(`${1 + int(223)}.${int(256)}.${int(256)}.${int(256)}`);
    else if (pick < share4 + share6) out.push(`${ipv6Prefix(int)}:${hex()}:${hex()}::${hex()}`);
    else out.push(next() < 0.5 ? `10.${int(256)}.${int(256)}.${int(256)}` : `fe80::${hex()}:${hex()}`);
  }
  return out;
}

let lookup;
const table = () => (lookup ??= createCountryLookup(readFileSync(GEO_TABLE_URL)));

const lookups = (name, seed, share4, share6) => ({
  name,
  unit: "lookups",
  setup: () => ({ lookup: table(), ips: addresses(seed, share4, share6) }),
  batch: ({ lookup, ips }) => {
    for (let i = 0; i < ips.length; i++) lookup(ips[i]);
    return ips.length;
  },
});

export const benchmarks = [
  { name: "geo: load table (read, check CRC, decode)", once: () => createCountryLookup(readFileSync(GEO_TABLE_URL)) },
  lookups("geo: lookup, mix 60% IPv4 / 35% IPv6 / 5% private", 1, 0.6, 0.35),
  lookups("geo: lookup, IPv4 only", 2, 1, 0),
  lookups("geo: lookup, IPv6 only", 3, 0, 1),
];
