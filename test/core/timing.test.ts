/**
 * The optional per-stage timing hook (AnalyzeOptions.timings) used by bench/ and the fuzzer:
 * exclusive times per stage, nothing measured and nothing changed when it is absent.
 */
import { describe, expect, it } from "vitest";
import { stageTimer, type Stage } from "../../src/core/timing.js";
import { analyzeEml } from "../../src/hosts/eml/index.js";

describe("stageTimer", () => {
  it("records each stage's own time: nested stages are not counted twice", () => {
    let now = 0;
    const recorded: [Stage, number][] = [];
    const timed = stageTimer({ clock: () => now, record: (stage, ms) => recorded.push([stage, ms]) });
    const result = timed("rules", () => {
      now += 1;
      timed("body", () => {
        now += 10;
        timed("attachments", () => (now += 100));
      });
      now += 1000;
      return "done";
    });
    expect(result).toBe("done");
    expect(recorded).toEqual([
      ["attachments", 100],
      ["body", 10],
      ["rules", 1001],
    ]);
  });

  it("records a stage that throws, and rethrows", () => {
    let now = 0;
    const recorded: Stage[] = [];
    const timed = stageTimer({ clock: () => (now += 5), record: (stage) => recorded.push(stage) });
    expect(() => timed("route", () => { throw new Error("x"); })).toThrow("x");
    expect(recorded).toEqual(["route"]);
  });

  it("is the work itself when timings are off", () => {
    expect(stageTimer(undefined)("html", () => 42)).toBe(42);
  });
});

describe("analyzeEml with timings", () => {
  const mail = [
    "Received: from mx.example.jp (mx.example.jp [192.0.2.1]) by mail.example.co.jp with ESMTP id x; Mon, 1 Jan 2024 00:00:00 +0900",
    "Authentication-Results: mail.example.co.jp; spf=pass smtp.mailfrom=example.jp",
    "From: a@example.jp",
    "Content-Type: multipart/mixed; boundary=b",
    "",
    "--b",
    "Content-Type: text/html",
    "",
    '<a href="https://example.jp/">x</a>',
    "--b",
    'Content-Type: application/pdf; name="a.pdf"',
    "",
    "%PDF-1.7",
    "--b--",
    "",
  ].join("\r\n");

  it("reports every stage once, and the same analysis as without", async () => {
    const stages = new Map<Stage, number>();
    let clock = 0;
    const timed = await analyzeEml(mail, {
      now: () => new Date(0),
      timings: { clock: () => (clock += 1), record: (stage, ms) => stages.set(stage, (stages.get(stage) ?? 0) + ms) },
    });
    expect([...stages.keys()].sort()).toEqual(["analyze", "attachments", "authentication", "body", "digest", "html", "mime", "route", "rules", "sender"]);
    for (const ms of stages.values()) expect(ms).toBeGreaterThanOrEqual(0);
    expect(timed).toEqual(await analyzeEml(mail, { now: () => new Date(0) }));
  });
});
