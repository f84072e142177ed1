/**
 * Corpus test (not a golden file): every Received field of the real header blocks in
 * ../shared/corpora/headers goes through the route builder without throwing, and a measured
 * share of the hops yields a sending IP. The floors were measured when the parser was written
 * and sit a little below the measurement, so a regression shows while new files do not break it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseHeaderBlock, routingFields } from "../../../src/core/headers/block.js";
import { DEFAULT_LIMITS } from "../../../src/core/options.js";
import { resolveOrganization } from "../../../src/core/organization.js";
import { buildRoute } from "../../../src/core/route/route.js";
import { makeSnapshot } from "../../helpers/build.js";
import { requireCorpus } from "../../helpers/corpora.js";

describe("Received corpus", () => {
  it("parses every hop of every header block without throwing, most with a sending IP", () => {
    const organization = resolveOrganization(undefined, 10);
    let hops = 0;
    let withFromClause = 0;
    let withIp = 0;
    let unparsed = 0;
    let blocks = 0;
    let chains = 0;
    let chainsWithOrigin = 0;
    for (const file of requireCorpus("headers")) {
      // Some files hold several blocks (one Received field each) separated by blank lines.
      for (const chunk of readFileSync(file, "latin1").split(/\r?\n[ \t]*\r?\n/)) {
        const headers = parseHeaderBlock(chunk);
        const fields = routingFields(headers);
        if (fields.received.length === 0) continue;
        blocks++;
        const snapshot = makeSnapshot({ headers, ...fields });
        const route = buildRoute(snapshot, organization, DEFAULT_LIMITS, undefined, () => {});
        expect(route.hops).toHaveLength(fields.received.length);
        // Single-field blocks are unit-test fixtures (internal hops, broken lines): only real
        // chains are expected to show where the mail came from.
        if (route.hops.length > 1) {
          chains++;
          if (route.origin) chainsWithOrigin++;
        }
        for (const hop of route.hops) {
          hops++;
          if (!hop.parsed) unparsed++;
          if (/^\s*from\s/i.test(hop.raw)) withFromClause++;
          if (hop.fromIp) withIp++;
        }
      }
    }
    expect(blocks).toBeGreaterThan(100);
    expect(hops).toBeGreaterThan(700);
    // Measured: 95 % of the hops with a "from" clause carry an IP (the rest are local
    // submissions such as "from user@host by localhost with qmail-scanner"); the only unparsed
    // fields (1.2 %) are MHA's deliberately broken ones; every real chain has an origin.
    expect(withIp / withFromClause).toBeGreaterThan(0.92);
    expect(unparsed / hops).toBeLessThan(0.02);
    expect(chainsWithOrigin / chains).toBeGreaterThan(0.97);
  });
});
