/**
 * net/ip.ts and net/domain.ts: examples from the RFCs, then seeded property tests in the manner
 * of tldts's extract-hostname invariant test: many spellings of one address or host must give
 * one answer. Each property counts how often it reached the branch it is about and asserts the
 * count is above zero, so a generator that drifts away from it cannot pass vacuously.
 */
import { describe, expect, it } from "vitest";
import { cidrContains, isNonPublicIp, parseCidr, parseIp, type IpAddress } from "../../src/core/net/ip.js";
import { domainOfAddress, hostToUnicode, isSameOrSubdomain, isUnderAnyOf, normalizeHostname, registrableDomain } from "../../src/core/net/domain.js";
import { seededRandom } from "../helpers/random.js";


const SEED = 20261126;
const RUNS = 2000;

function tools(random: () => number) {
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number): boolean => random() < p;
  return { int, pick, chance };
}

const ip = (text: string): IpAddress => {
  const parsed = parseIp(text);
  if (!parsed) throw new Error(`test address ${text} does not parse`);
  return parsed;
};

describe("parseIp", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1", 4],
    [" 192.0.2.1 ", "192.0.2.1", 4],
    ["[192.0.2.1]", "192.0.2.1", 4],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1", 6],
    ["2001:db8::1", "2001:db8::1", 6],
    ["[2001:db8::1]", "2001:db8::1", 6],
    ["IPv6:2001:db8::1", "2001:db8::1", 6],
    ["[IPv6:2001:db8::1]", "2001:db8::1", 6],
    ["ipv6:::1", "::1", 6],
    ["fe80::1%eth0", "fe80::1", 6],
    ["::", "::", 6],
    ["0:0:0:0:0:0:0:0", "::", 6],
    ["::ffff:192.0.2.1", "192.0.2.1", 4],
    ["::ffff:c000:201", "192.0.2.1", 4],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1", 6], // RFC 5952 §4.2.3: first of equal runs
    ["2001:0:0:1:0:0:0:1", "2001:0:0:1::1", 6], // §4.2.3: the longest run
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1", 6], // §4.2.2: never "::" for one group
    ["2001:0DB8:00AA::0001", "2001:db8:aa::1", 6], // §4.1 no leading zeros, §4.3 lower case
    ["1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304", 6],
  ])("parses %j as %s (IPv%i)", (input, text, family) => {
    expect(parseIp(input)).toMatchObject({ text, family });
  });

  it.each(["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "1::2::3", ":::", "1:2:3:4:5:6:7:8:9", "12345::1", "1:2:3:4:5:6:7", "2001:db8:::1", "::1:", "example.com", "g::1"])(
    "rejects %j",
    (input) => {
      expect(parseIp(input)).toBeUndefined();
    },
  );
});

describe("parseCidr and cidrContains", () => {
  it("matches by prefix, within one family", () => {
    expect(cidrContains(parseCidr("10.0.0.0/8")!, ip("10.255.1.1"))).toBe(true);
    expect(cidrContains(parseCidr("172.16.0.0/12")!, ip("172.31.255.255"))).toBe(true);
    expect(cidrContains(parseCidr("172.16.0.0/12")!, ip("172.32.0.0"))).toBe(false);
    expect(cidrContains(parseCidr("0.0.0.0/0")!, ip("203.0.113.9"))).toBe(true);
    expect(cidrContains(parseCidr("2001:db8::/32")!, ip("2001:db8:ffff::1"))).toBe(true);
    expect(cidrContains(parseCidr("2001:db8::/32")!, ip("2001:db9::1"))).toBe(false);
    expect(cidrContains(parseCidr("::/0")!, ip("192.0.2.1"))).toBe(false);
    expect(parseCidr("192.0.2.1")).toMatchObject({ prefix: 32 });
    expect(parseCidr("2001:db8::1")).toMatchObject({ prefix: 128 });
  });

  it.each(["10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/1a", "nonsense/8"])("rejects %j", (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe("isNonPublicIp", () => {
  it.each(["10.1.2.3", "172.16.0.1", "192.168.1.1", "127.0.0.1", "169.254.1.1", "100.64.0.1", "0.0.0.0", "192.0.2.1", "198.51.100.1", "203.0.113.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1", "fd12::1", "fe80::1", "ff02::1", "2001:db8::1", "::ffff:10.0.0.1"])(
    "%s is not public",
    (text) => {
      expect(isNonPublicIp(ip(text))).toBe(true);
    },
  );

  it.each(["8.8.8.8", "60.26.146.1", "133.1.1.1", "100.128.0.1", "172.32.0.1", "2400:cb00::1", "2001:4860:4860::8888", "::ffff:8.8.8.8"])("%s is public", (text) => {
    expect(isNonPublicIp(ip(text))).toBe(false);
  });
});

/** Lengths of the runs of zero groups, in order. */
function zeroRuns(groups: readonly number[]): number[] {
  const runs: number[] = [];
  let run = 0;
  for (const g of [...groups, 1]) {
    if (g === 0) run++;
    else if (run > 0) {
      runs.push(run);
      run = 0;
    }
  }
  return runs;
}

/** RFC 5952 §4 checked as properties of the text, independently of how ip.ts builds it. */
function rfc5952Problems(text: string, groups: readonly number[]): string[] {
  const problems: string[] = [];
  if (text !== text.toLowerCase()) problems.push("not lower case");
  const halves = text.split("::");
  if (halves.length > 2) problems.push("more than one ::");
  const written = (h: string): string[] => (h === "" ? [] : h.split(":"));
  const head = written(halves[0]!);
  const tail = halves.length === 2 ? written(halves[1]!) : [];
  for (const g of [...head, ...tail]) if (g.length > 1 && g.startsWith("0")) problems.push(`leading zero in ${g}`);
  // Zero runs of the real address.
  let best = 0;
  let bestStart = -1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best) {
      best = j - i;
      bestStart = i;
    }
    i = j;
  }
  if (best >= 2) {
    if (halves.length !== 2) problems.push(`zero run of ${best} not compressed`);
    else if (head.length !== bestStart || 8 - head.length - tail.length !== best) problems.push("compressed the wrong run");
  } else if (halves.length === 2) {
    problems.push("compressed a single zero group");
  }
  return problems;
}

describe("IP properties (seeded)", () => {
  it("every spelling of an IPv6 address parses to one RFC 5952 text that parses back to the same bytes", () => {
    const { int, pick, chance } = tools(seededRandom(SEED));
    let compressed = 0;
    let tiedRuns = 0;
    let singleZero = 0;
    let mapped = 0;
    for (let run = 0; run < RUNS; run++) {
      // Zero-heavy groups so that runs, ties and lone zeros all occur.
      const groups = Array.from({ length: 8 }, () => (chance(0.45) ? 0 : chance(0.5) ? int(16) : int(0x10000)));
      if (chance(0.05)) groups.splice(0, 8, 0, 0, 0, 0, 0, 0xffff, int(0x10000), int(0x10000));
      const spelled = groups.map((g) => {
        const hex = g.toString(16).padStart(int(5), "0");
        return chance(0.3) ? hex.toUpperCase() : hex;
      });
      const wrap = pick([(t: string) => t, (t: string) => `[${t}]`, (t: string) => `IPv6:${t}`, (t: string) => `[IPv6:${t}]`, (t: string) => ` ${t} `]);
      const input = wrap(spelled.join(":"));
      const parsed = parseIp(input);
      const context = `seed ${SEED} run ${run}: ${input}`;
      expect(parsed, context).toBeDefined();
      expect(Array.from(parsed!.bytes.slice(0, 16)), context).toEqual(groups.flatMap((g) => [g >> 8, g & 0xff]));
      if (parsed!.family === 4) {
        mapped++;
        expect(parsed!.text, context).toBe(groups.slice(6).flatMap((g) => [g >> 8, g & 0xff]).join("."));
      } else {
        expect(rfc5952Problems(parsed!.text, groups), `${context} → ${parsed!.text}`).toEqual([]);
        if (parsed!.text.includes("::")) compressed++;
        const runs = zeroRuns(groups);
        const longest = Math.max(0, ...runs);
        if (longest >= 2 && runs.filter((r) => r === longest).length > 1) tiedRuns++;
        if (parsed!.text.split(":").includes("0")) singleZero++;
      }
      // Round trip: the canonical text is a fixed point.
      expect(parseIp(parsed!.text)?.text, context).toBe(parsed!.text);
    }
    expect(compressed).toBeGreaterThan(0);
    expect(tiedRuns).toBeGreaterThan(0);
    expect(singleZero).toBeGreaterThan(0);
    expect(mapped).toBeGreaterThan(0);
  });

  it("every IPv4 address round-trips, and cidrContains agrees with a bit-by-bit reference", () => {
    const { int, chance } = tools(seededRandom(SEED + 1));
    let inside = 0;
    let outside = 0;
    const bits = (a: IpAddress): string => Array.from(a.bytes, (b) => b.toString(2).padStart(8, "0")).join("");
    for (let run = 0; run < RUNS; run++) {
      const octets = Array.from({ length: 4 }, () => int(256));
      const text = octets.join(".");
      expect(parseIp(text)).toMatchObject({ text, family: 4 });
      const v6 = chance(0.5);
      const network = v6 ? ip(Array.from({ length: 8 }, () => int(0x10000).toString(16)).join(":")) : ip(text);
      const max = v6 ? 128 : 32;
      const prefix = int(max + 1);
      const cidr = parseCidr(`${network.text}/${prefix}`)!;
      // A candidate near the network: flip one bit, inside or outside the prefix.
      const flip = int(max);
      const offset = v6 ? 0 : 96;
      const candidateBytes = Uint8Array.from(network.bytes);
      candidateBytes[(offset + flip) >> 3]! ^= 0x80 >> ((offset + flip) & 7);
      const candidateText = v6
        ? Array.from({ length: 8 }, (_, i) => ((candidateBytes[i * 2]! << 8) | candidateBytes[i * 2 + 1]!).toString(16)).join(":")
        : Array.from(candidateBytes.slice(12)).join(".");
      const candidate = ip(candidateText);
      if (candidate.family !== network.family) continue; // the flip made an IPv4-mapped address
      const expected = bits(candidate).slice(offset, offset + prefix) === bits(network).slice(offset, offset + prefix);
      expect(cidrContains(cidr, candidate), `seed ${SEED + 1} run ${run}: ${candidateText} in ${network.text}/${prefix}`).toBe(expected);
      if (expected) inside++;
      else outside++;
    }
    expect(inside).toBeGreaterThan(0);
    expect(outside).toBeGreaterThan(0);
  });
});

describe("normalizeHostname", () => {
  it.each([
    ["Example.COM", "example.com"],
    ["example.com.", "example.com"],
    ["example.com..", "example.com"],
    ["  example.com  ", "example.com"],
    ["例え.jp", "xn--r8jz45g.jp"],
    ["例え．jp", "xn--r8jz45g.jp"],
    ["ｅｘａｍｐｌｅ.com", "example.com"],
    ["münchen.de", "xn--mnchen-3ya.de"],
    ["XN--R8JZ45G.JP", "xn--r8jz45g.jp"],
    ["%65xample.com", "example.com"],
    ["0x7f.1", "127.0.0.1"],
  ])("%j → %s", (input, expected) => {
    expect(normalizeHostname(input)).toBe(expected);
  });

  it.each(["", ".", "..", "exa mple.com", "a/b.com", "user@host", "a?b", "a#b", "a\\b", "xn--a.com"])("rejects %j", (input) => {
    expect(normalizeHostname(input)).toBeNull();
  });
});

describe("registrableDomain", () => {
  it.each([
    ["www.city.example.co.jp", "example.co.jp"],
    ["www.mext.go.jp", "mext.go.jp"],
    ["www.city.shibuya.tokyo.jp", "city.shibuya.tokyo.jp"],
    ["a.b.example.com", "example.com"],
    ["evil.github.io", "evil.github.io"],
    ["x.y.evil.github.io", "evil.github.io"],
    ["a.xn--r8jz45g.jp", "xn--r8jz45g.jp"],
    ["192.0.2.1", "192.0.2.1"],
    ["[2001:db8::1]", "2001:db8::1"],
  ])("%s → %s", (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });

  it.each(["co.jp", "go.jp", "github.io", "com", "localhost", "", null, undefined])("%j has none", (host) => {
    expect(registrableDomain(host)).toBeNull();
  });
});

describe("isSameOrSubdomain and isUnderAnyOf", () => {
  it("match the domain itself and its subdomains, label-aligned, never a string suffix", () => {
    const cases: [string, string, boolean][] = [
      ["example.com", "example.com", true],
      ["a.b.example.com", "example.com", true],
      ["badexample.com", "example.com", false],
      ["example.com.evil.example", "example.com", false],
      ["com", "example.com", false],
      [".example.com", "example.com", true],
    ];
    for (const [host, domain, expected] of cases) {
      expect(isSameOrSubdomain(host, domain), `${host} / ${domain}`).toBe(expected);
      expect(isUnderAnyOf(host, new Set(["other.example", domain])), `${host} under {${domain}}`).toBe(expected);
    }
    expect(isUnderAnyOf("x.example.com", new Set())).toBe(false);
  });
});

describe("hostToUnicode", () => {
  it.each([
    ["xn--r8jz45g.jp", "例え.jp"],
    ["www.xn--mnchen-3ya.de", "www.münchen.de"],
    ["xn--80ak6aa92e.com", "аррӏе.com"],
    ["example.com", "example.com"],
  ])("%s → %s", (host, expected) => {
    expect(hostToUnicode(host)).toBe(expected);
  });

  it.each(["xn--.com", "xn--a.com", "xn--abc-.com", "xn--zzzzzzzzz.com"])("leaves %s alone (it does not decode to a name that encodes back to it)", (host) => {
    expect(hostToUnicode(host)).toBe(host);
  });
});

describe("domainOfAddress", () => {
  it.each([
    ["a@Example.COM", "example.com"],
    ["Name <a@B.example>", "b.example"],
    ["a@例え.jp", "xn--r8jz45g.jp"],
    ['"a@b"@c.example', "c.example"],
    ["a@example.com.", "example.com"],
    ["a@[192.0.2.1]", "192.0.2.1"],
    ["a@[IPv6:2001:DB8::1]", "2001:db8::1"],
  ])("%s → %s", (address, expected) => {
    expect(domainOfAddress(address)).toBe(expected);
  });

  it.each(["noat", "a@", "a@exa mple.com", "a@[not-an-ip]", "", undefined])("%j → null", (address) => {
    expect(domainOfAddress(address)).toBeNull();
  });
});

describe("domain properties (seeded)", () => {
  const ASCII_LABELS = ["www", "mail", "city", "example", "a", "x-y", "test1", "secure-login", "go", "co"];
  const UNICODE_LABELS = ["例え", "日本語", "münchen", "пример", "аррӏе", "テスト", "bücher", "παράδειγμα"];
  const SUFFIXES = ["com", "jp", "co.jp", "go.jp", "lg.jp", "tokyo.jp", "github.io", "co.uk", "de", "xn--wgv71a"];

  function randomHost(t: ReturnType<typeof tools>): string {
    const labels = Array.from({ length: 1 + t.int(3) }, () => (t.chance(0.3) ? t.pick(UNICODE_LABELS) : t.pick(ASCII_LABELS)));
    return `${labels.join(".")}.${t.pick(SUFFIXES)}`;
  }

  /** Another way to write the same host: case, full-width dots, trailing dots, blanks, punycode. */
  function respell(host: string, t: ReturnType<typeof tools>): string {
    let out = host;
    // ASCII case only: upper-casing some Unicode letters (Cyrillic palochka) gives a different,
    // disallowed code point rather than another spelling.
    if (t.chance(0.5)) out = Array.from(out, (c) => (c >= "a" && c <= "z" && t.chance(0.5) ? c.toUpperCase() : c)).join("");
    if (t.chance(0.2)) out = out.replace(/\./g, () => (t.chance(0.5) ? "．" : "."));
    if (t.chance(0.3)) out += ".".repeat(1 + t.int(2));
    if (t.chance(0.2)) out = ` ${out}\t`;
    return out;
  }

  it("normalises every spelling of a host to one value, and normalising is idempotent", () => {
    const t = tools(seededRandom(SEED + 2));
    let idn = 0;
    let trailingDots = 0;
    for (let run = 0; run < RUNS; run++) {
      const host = randomHost(t);
      const canonical = normalizeHostname(host);
      const context = `seed ${SEED + 2} run ${run}: ${host}`;
      expect(canonical, context).not.toBeNull();
      expect(normalizeHostname(canonical!), context).toBe(canonical);
      const spelled = respell(host, t);
      if (spelled.trimEnd().endsWith("..")) trailingDots++;
      expect(normalizeHostname(spelled), `${context} spelled ${JSON.stringify(spelled)}`).toBe(canonical);
      // The punycode form is another spelling of the same host.
      expect(normalizeHostname(canonical!.toUpperCase()), context).toBe(canonical);
      if (canonical!.includes("xn--")) idn++;
    }
    expect(idn).toBeGreaterThan(0);
    expect(trailingDots).toBeGreaterThan(0);
  });

  it("hostToUnicode round-trips: normalising the Unicode form gives the host back", () => {
    const t = tools(seededRandom(SEED + 3));
    let decoded = 0;
    for (let run = 0; run < RUNS; run++) {
      const canonical = normalizeHostname(randomHost(t))!;
      const unicode = hostToUnicode(canonical);
      expect(normalizeHostname(unicode), `seed ${SEED + 3} run ${run}: ${canonical} → ${unicode}`).toBe(canonical);
      if (unicode !== canonical) decoded++;
    }
    expect(decoded).toBeGreaterThan(0);
  });

  it("the registrable domain is a label-aligned suffix of the host, the same for every subdomain", () => {
    const t = tools(seededRandom(SEED + 4));
    let found = 0;
    let multiLabelSuffix = 0;
    let privateSuffix = 0;
    for (let run = 0; run < RUNS; run++) {
      const canonical = normalizeHostname(randomHost(t))!;
      const domain = registrableDomain(canonical);
      const context = `seed ${SEED + 4} run ${run}: ${canonical}`;
      if (domain === null) continue;
      found++;
      expect(isSameOrSubdomain(canonical, domain), context).toBe(true);
      expect(registrableDomain(domain), context).toBe(domain);
      const sub = normalizeHostname(`${t.pick(ASCII_LABELS)}.${canonical}`)!;
      expect(registrableDomain(sub), context).toBe(domain);
      // The suffix itself is never registrable.
      expect(registrableDomain(domain.slice(domain.indexOf(".") + 1)), context).toBeNull();
      if (/\.(?:co|go|lg|tokyo)\.jp$|\.co\.uk$/.test(domain)) multiLabelSuffix++;
      if (domain.endsWith(".github.io")) privateSuffix++;
    }
    expect(found).toBeGreaterThan(RUNS / 2);
    expect(multiLabelSuffix).toBeGreaterThan(0);
    expect(privateSuffix).toBeGreaterThan(0);
  });
});
