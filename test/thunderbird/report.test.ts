/**
 * The report from Thunderbird: compose.beginNew's details (to the desk, the subject, the report
 * as plain text with the JSON between marker lines, the original attached unchanged as a
 * message/rfc822 .eml), delivery through the shared flow (intake first, the draft as fallback,
 * a refused attachment retried without), and item 8 from runtime.getBrowserInfo/getPlatformInfo.
 */
import { afterEach, describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze.js";
import type { Config } from "../../src/core/config.js";
import { buildReport, defaultAnswers, reportSubject, reportText, type Report } from "../../src/core/report/index.js";
import { ITEM_HEADINGS } from "../../src/core/report/strings.js";
import { beginNew } from "../../src/hosts/thunderbird/begin-new.js";
import { browserInfo } from "../../src/hosts/thunderbird/browser-info.js";
import { thunderbirdEnvironment } from "../../src/hosts/thunderbird/environment.js";
import { platformInfo } from "../../src/hosts/thunderbird/platform-info.js";
import { readMessage } from "../../src/hosts/thunderbird/read-message.js";
import { composeDetails, ORIGINAL_FILE_NAME, thunderbirdReportHost } from "../../src/hosts/thunderbird/report-host.js";
import { deliverReport } from "../../src/taskpane/report.js";
import { FIXED_NOW } from "../helpers/build.js";
import { findReportJson } from "../helpers/report-block.js";
import { reportSchemaErrors } from "../helpers/report-schema.js";
import { SAMPLE_CONFIG } from "../outlook/helpers.js";
import { CASE1, displayedHeader, fakeMessenger, install } from "./fake-messenger.js";

const ENV = { operatingSystem: "Windows 11", clientVersion: "Thunderbird 128.5.0esr" };
let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

async function setup(override: Parameters<typeof fakeMessenger>[0] = {}) {
  const fake = await fakeMessenger(override);
  uninstall = install(fake.api);
  const header = displayedHeader();
  const read = await readMessage(header);
  const analysis = analyze(read.snapshot, { config: SAMPLE_CONFIG, now: FIXED_NOW });
  const report = (withOriginal: boolean, config: Config = SAMPLE_CONFIG): Report =>
    buildReport({
      analysis,
      snapshot: read.snapshot,
      answers: defaultAnswers(ENV),
      reportedAt: new Date("2026-11-26T03:00:00Z"),
      config,
      source: "thunderbird",
      environment: ENV,
      ...(withOriginal && read.eml ? { originalEml: read.eml } : {}),
    });
  return { ...fake, header, read, report };
}

const beginNewCalls = (calls: { api: string; args: readonly unknown[] }[]) =>
  calls.filter((c) => c.api === "compose.beginNew").map((c) => c.args[0] as messenger.compose.ComposeDetails);

describe("compose.beginNew details", () => {
  it("to the desk, one-line subject, the report as text with its JSON, the original as message/rfc822 .eml", async () => {
    const { report } = await setup();
    const { details, text } = composeDetails({ address: "csirt@example.co.jp", subject: "[CSIRT] a\r\nb", report: report(false), lang: "ja", reportText, eml: CASE1 });
    expect(details.to).toEqual(["csirt@example.co.jp"]);
    expect(details.subject).toBe("[CSIRT] a b");
    expect(details.isPlainText).toBe(true);
    expect(details.body).toBeUndefined();
    const body = details.plainTextBody!;
    expect(body.startsWith(text)).toBe(true);
    ITEM_HEADINGS.forEach((heading, i) => expect(body).toContain(`(${i + 1}) ${heading.ja}`));
    const { raw, json } = findReportJson(body);
    expect(reportSchemaErrors(json)).toEqual([]);
    // Thunderbird links URLs and addresses in plain text: the JSON has them only as escapes.
    expect(JSON.stringify(json)).toMatch(/:\/\/|@/);
    expect(raw).not.toMatch(/:\/\/|@/);
    expect(json.source).toBe("thunderbird");
    expect(json).not.toHaveProperty("original"); // the attachment is the original
    expect(details.attachments).toHaveLength(1);
    const file = details.attachments![0]!.file;
    expect(details.attachments![0]!.name).toBe(ORIGINAL_FILE_NAME);
    expect(file.name).toBe("original-message.eml");
    expect(file.type).toBe("message/rfc822");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(CASE1);
  });

  it("a very long subject is cut without splitting a character", async () => {
    const { report } = await setup();
    const { details } = composeDetails({ address: "d@example.co.jp", subject: "😀".repeat(300), report: report(false), lang: "en", reportText });
    expect(Array.from(details.subject!)).toHaveLength(255);
    expect(details.subject!.endsWith("😀")).toBe(true);
    expect(details.attachments).toEqual([]);
  });
});

describe("delivery through the shared flow", () => {
  it("no intake: beginNew opens the draft with the original attached", async () => {
    const { calls, header, read, report } = await setup();
    const draft = thunderbirdReportHost().draft(header, read);
    const outcome = await deliverReport({ config: SAMPLE_CONFIG, lang: "en", report: (w) => report(w), text: reportText, subject: reportSubject, draft });
    expect(outcome).toMatchObject({ kind: "draft", address: "csirt@example.co.jp", attached: true, jsonOmitted: false });
    const [details] = beginNewCalls(calls);
    expect(details?.subject?.startsWith("[不審メール報告] ")).toBe(true);
    expect(details?.attachments?.map((a) => a.name)).toEqual([ORIGINAL_FILE_NAME]);
  });

  it("Thunderbird refuses the draft with the attachment: opened without it, and the outcome says so", async () => {
    let first = true;
    const { calls, header, read, report } = await setup({
      override: {
        "compose.beginNew": () => {
          if (first) {
            first = false;
            throw new Error("attachment refused");
          }
          return { id: 8 };
        },
      },
    });
    const outcome = await deliverReport({ config: SAMPLE_CONFIG, lang: "en", report, text: reportText, subject: reportSubject, draft: thunderbirdReportHost().draft(header, read) });
    expect(outcome).toMatchObject({ kind: "draft", attached: false });
    expect(beginNewCalls(calls).map((d) => d.attachments?.length)).toEqual([1, 0]);
  });

  it("no draft at all: the reason, never a throw", async () => {
    const { header, read, report } = await setup({ override: { "compose.beginNew": new Error("compose window failed") } });
    const outcome = await deliverReport({ config: SAMPLE_CONFIG, lang: "en", report, text: reportText, subject: reportSubject, draft: thunderbirdReportHost().draft(header, read) });
    expect(outcome).toEqual({ kind: "not-delivered", reason: "draft-failed", detail: "Error: compose window failed" });
  });

  it("with an intake: posted first (with the original as base64); a failed POST still opens the draft", async () => {
    const { calls, header, read, report } = await setup();
    const config: Config = { ...SAMPLE_CONFIG, securityDesk: { address: "csirt@example.co.jp", intakeUrl: "https://intake.example.co.jp/r" } };
    const posted: unknown[] = [];
    const ok = await deliverReport({
      config,
      lang: "en",
      report: (w) => report(w, config),
      text: reportText,
      subject: reportSubject,
      draft: thunderbirdReportHost().draft(header, read),
      fetcher: async (_url, init) => {
        posted.push(JSON.parse(String(init?.body)));
        return new Response('{"reference":"R-9"}', { status: 201, headers: { "content-type": "application/json" } });
      },
    });
    expect(ok).toEqual({ kind: "intake", reference: "R-9" });
    expect((posted[0] as { original?: { encoding?: string } }).original).toBeDefined();
    expect(beginNewCalls(calls)).toEqual([]);
    const failed = await deliverReport({
      config,
      lang: "en",
      report: (w) => report(w, config),
      text: reportText,
      subject: reportSubject,
      draft: thunderbirdReportHost().draft(header, read),
      fetcher: async () => Promise.reject(new TypeError("NetworkError when attempting to fetch resource.")),
    });
    expect(failed).toMatchObject({ kind: "draft", attached: true, intakeFailure: { kind: "unreachable" } });
    expect(beginNewCalls(calls)).toHaveLength(1);
  });

  it("the host module's beginNew: a rejection is a failure", async () => {
    uninstall = install((await fakeMessenger({ override: { "compose.beginNew": new Error("no identity") } })).api);
    expect(await beginNew({ to: ["a@example.co.jp"] })).toEqual({ ok: false, detail: "Error: no identity" });
  });
});

describe("item 8 in Thunderbird", () => {
  it("the client from getBrowserInfo, the system from the user agent or else getPlatformInfo", async () => {
    uninstall = install((await fakeMessenger()).api);
    const b = await browserInfo();
    const p = await platformInfo();
    expect(b.ok && p.ok).toBe(true);
    const env = thunderbirdEnvironment(b.ok ? b.value : undefined, p.ok ? p.value : undefined, { userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0" });
    expect(env).toEqual({ operatingSystem: "Linux", clientVersion: "Thunderbird 128.5.0esr", hostName: "Thunderbird", platform: "win", serverVersion: false });
    expect(thunderbirdEnvironment(undefined, { os: "mac" }, { userAgent: "" })).toMatchObject({ operatingSystem: "macOS", clientVersion: "Thunderbird" });
    expect(thunderbirdEnvironment(undefined, undefined, { userAgent: "" })).toMatchObject({ operatingSystem: "", clientVersion: "Thunderbird" });
  });
});
