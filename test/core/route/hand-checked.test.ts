import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/core/analyze.js";
import { snapshotFromEml } from "../../../src/hosts/eml/index.js";
import { loadCountryLookup } from "../../../src/hosts/node/geo.js";
import { FIXED_NOW } from "../../helpers/build.js";

// Origin hops read by hand from real header chains in ../shared/corpora/headers (CI has the
// corpora there), and the countries confirmed against the DB-IP CSV of the installed package:
//   186.249.234.30  3136806912–3136985087  BR
//   66.218.66.74    1121585152–1121607679  US
const corpus = new URL("../../../../shared/corpora/headers/", import.meta.url);
const lookupCountry = loadCountryLookup();

async function routeOf(file: string, domains?: string[]) {
  const headers = readFileSync(new URL(file, corpus), "utf8");
  const snapshot = await snapshotFromEml(`${headers.trimEnd()}\r\n\r\n`);
  const config = domains ? { organization: { domains } } : undefined;
  return analyze(snapshot, { now: FIXED_NOW, lookupCountry, config }).route;
}

describe("origin hops checked by hand", () => {
  it("Exchange Online: five internal Microsoft hops, then the Brazilian server that handed the mail over", async () => {
    // (0)–(4) *.prod.outlook.com / *.protection.outlook.com internal relays;
    // (5) from mail5.hipolabor.com.br (186.249.234.30) by MW2NAM04FT051.mail.protection.outlook.com;
    // (6) from localhost by mail5.hipolabor.com.br — the sender's own claim.
    const route = await routeOf("phishing_pot/sample-1038.eml.headers.txt");
    expect(route.origin).toMatchObject({ hopIndex: 5, ip: "186.249.234.30", country: "BR", countrySource: "lookup" });
    expect(route.hops.slice(0, 6).every((h) => !h.unverified)).toBe(true);
    expect(route.hops[6]).toMatchObject({ unverified: true, fromIp: "127.0.0.1" });
  });

  it("Postfix behind fetchmail: past two loopback hops to the Yahoo! Groups server", async () => {
    // (0) from localhost [127.0.0.1] by phobos (Postfix); (1) from phobos [127.0.0.1] by localhost
    // (fetchmail); (2) from n19.grp.scd.yahoo.com [66.218.66.74] by dogma.slashnull.org — the
    // hand-over to the reader's server; below it Yahoo's and BAE's own hops are claims.
    const route = await routeOf("spamassassin_public_corpus/easy-ham-1__00177.22e75f7ffcce4664a3266d90a4b4266b.headers.txt", ["slashnull.org", "taint.org"]);
    expect(route.origin).toMatchObject({ hopIndex: 2, ip: "66.218.66.74", country: "US" });
    expect(route.hops[2]!.fromHost).toBe("n19.grp.scd.yahoo.com");
    expect(route.hops.slice(3).every((h) => h.unverified)).toBe(true);
    expect(route.enteredFromOutside).toBe(true);
  });
});
