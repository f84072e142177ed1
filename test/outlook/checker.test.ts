import { describe, expect, it, vi } from "vitest";
import type { Analysis } from "../../src/core/analysis.js";
import { analyze } from "../../src/core/analyze.js";
import type { CountryLookup } from "../../src/core/geo/index.js";
import { digestAttachments } from "../../src/core/attachments/digest.js";
import { loadCountryLookup } from "../../src/hosts/node/geo.js";
import type { ReadMessage } from "../../src/hosts/outlook/read-message.js";
import { snapshotFromEml } from "../../src/hosts/eml/index.js";
import { Checker, needsCountry, type PaneState } from "../../src/taskpane/checker.js";
import { FIXED_NOW } from "../helpers/build.js";
import { readSample, SAMPLE_CONFIG } from "./helpers.js";

const readEml = async (name: string): Promise<ReadMessage> => ({ snapshot: await snapshotFromEml(readSample(name)), source: "eml" });

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function harness(
  read: (item: string) => Promise<ReadMessage>,
  loadGeo = vi.fn(async (): Promise<CountryLookup | undefined> => loadCountryLookup()),
  notify?: (item: string, analysis: Analysis) => Promise<void>,
) {
  const rendered: { state: PaneState; check: number }[] = [];
  const notified: { item: string; verdict: string }[] = [];
  const checker = new Checker<string>({
    read,
    analyze,
    digestAttachments,
    config: SAMPLE_CONFIG,
    loadGeo,
    now: FIXED_NOW,
    render: (state, check) => rendered.push({ state, check }),
    notify:
      notify ??
      (async (item, analysis) => {
        notified.push({ item, verdict: analysis.verdict });
      }),
  });
  return { checker, rendered, notified, loadGeo };
}

const shown = (rendered: { state: PaneState }[]): Analysis[] => rendered.flatMap((r) => (r.state.kind === "analysis" ? [r.state.analysis] : []));

describe("the pane's check of one message", () => {
  it("drops a result that arrives after the person selected another mail", async () => {
    const slow = deferred<ReadMessage>();
    const { checker, rendered, notified } = harness((item) => (item === "A" ? slow.promise : readEml("case2-plain-text-link-to-other-domain.eml")));
    const first = checker.check("A");
    const second = await checker.check("B");
    expect(second?.verdict).toBe("caution");
    slow.resolve(await readEml("case1-government-sender-from-abroad.eml"));
    expect(await first).toBeUndefined();
    // Only B's result was shown, and only B's notification bar was written.
    expect(shown(rendered).map((a) => a.verdict)).toEqual(["caution"]);
    expect(notified).toEqual([{ item: "B", verdict: "caution" }]);
    expect(rendered.at(-1)?.check).toBe(2);
  });

  it("loads the country table only when the origin has no country, and uses it", async () => {
    const { checker, loadGeo } = harness(() => readEml("case1-government-sender-from-abroad.eml"));
    const analysis = await checker.check("A");
    expect(loadGeo).toHaveBeenCalledTimes(1);
    expect(analysis?.route.origin).toMatchObject({ ip: "60.26.146.23", country: "CN" });
    expect(analysis?.findings.map((f) => f.id)).toContain("ORIGIN_COUNTRY_MISMATCH");
  });

  it("does not load the table for a mail whose origin needs no lookup", async () => {
    const { checker, loadGeo } = harness(() => readEml("case2-plain-text-link-to-other-domain.eml"));
    const analysis = await checker.check("A");
    expect(analysis && needsCountry(analysis)).toBe(false);
    expect(loadGeo).not.toHaveBeenCalled();
  });

  it("still shows the verdict when the table cannot be loaded (origin country unknown)", async () => {
    const { checker, rendered } = harness(() => readEml("case1-government-sender-from-abroad.eml"), vi.fn(async () => undefined));
    const analysis = await checker.check("A");
    expect(analysis?.verdict).toBe("danger");
    expect(analysis?.findings.map((f) => f.id)).not.toContain("ORIGIN_COUNTRY_MISMATCH");
    expect(rendered.at(-1)?.state.kind).toBe("analysis");
  });

  it("computes the attachments' SHA-256 for the pane", async () => {
    const { checker } = harness(() => readEml("case1-government-sender-from-abroad.eml"));
    const analysis = await checker.check("A");
    expect(analysis?.attachments[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("shows 'select a mail' for no item, and an error the person can read when reading fails", async () => {
    const { checker, rendered } = harness(async () => {
      throw new Error("boom");
    });
    await checker.check(null);
    expect(rendered.at(-1)?.state).toEqual({ kind: "no-item" });
    await checker.check("A");
    expect(rendered.map((r) => r.state.kind)).toEqual(["no-item", "loading", "error"]);
    expect(rendered.at(-1)?.state).toEqual({ kind: "error", detail: "boom" });
  });

  it("a notification bar that fails does not take the verdict away", async () => {
    const { checker, rendered } = harness(
      () => readEml("case3-internal-mail-reused-from-outside.eml"),
      undefined,
      async () => {
        throw new Error("notifications not supported");
      },
    );
    expect((await checker.check("A"))?.verdict).toBe("danger");
    expect(rendered.at(-1)?.state.kind).toBe("analysis");
  });
});
