/**
 * The intake URL, end to end: a dist/ built with a configuration whose securityDesk.intakeUrl is
 * a local HTTPS server started here (127.0.0.1, a throw-away self-signed certificate made with
 * openssl; Chromium is told to accept it). The configuration validator keeps requiring https://
 * — the test meets it rather than loosening it — and the build writes that origin into the
 * pane's CSP connect-src, as it would for a real desk.
 *
 * - intake up: one POST of the report JSON, whose base64 `original.data` decodes to the sample
 *   file byte for byte; the pane shows the desk's reference and opens no draft;
 * - intake answering 500, and intake down: the mail draft opens anyway and the pane says the
 *   intake failed.
 *
 * The "nothing leaves for another host" rule stands: the intake's origin is the one extra origin
 * allowed, in this file only.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launch, paneFrame, ROOT, serveStatic, verdictOf } from "../../scripts/browser.js";
import { reportSchemaErrors } from "../helpers/report-schema.js";
import { REPORT_SCHEMA_VERSION } from "../../src/core/report/types.js";
import { CASE1, draftBlocks, draftCalls, jsonBlock, nineItems, openReportForm, outcomeOf } from "./report-helpers.js";

const REFERENCE = "CSIRT-2026-0042";

interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** The desk's intake: answers CORS preflights for the pane's origin, records every POST. */
function intakeServer(key: Buffer, cert: Buffer): Promise<{ server: Server; origin: string; received: Received[]; mode: { status: number } }> {
  const received: Received[] = [];
  const mode = { status: 201 };
  const server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const cors = {
        "access-control-allow-origin": String(req.headers.origin ?? ""),
        "access-control-allow-methods": "POST",
        "access-control-allow-headers": "content-type, accept",
        vary: "Origin",
      };
      if (req.method === "OPTIONS") {
        res.writeHead(204, cors).end();
        return;
      }
      received.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (mode.status >= 400) res.writeHead(mode.status, { ...cors, "content-type": "text/plain" }).end("intake is broken");
      else res.writeHead(mode.status, { ...cors, "content-type": "application/json" }).end(JSON.stringify({ reference: REFERENCE }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, received, mode })),
  );
}

let work: string;
let intake: Awaited<ReturnType<typeof intakeServer>>;
let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Awaited<ReturnType<typeof launch>>;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "ctm-intake-"));
  const key = join(work, "key.pem");
  const cert = join(work, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], {
    stdio: "ignore",
  });
  intake = await intakeServer(readFileSync(key), readFileSync(cert));
  const config = JSON.parse(readFileSync(join(ROOT, "samples/config.example.json"), "utf8")) as { securityDesk: Record<string, string> };
  config.securityDesk = { ...config.securityDesk, intakeUrl: `${intake.origin}/intake` };
  const configFile = join(work, "config.json");
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  // The real build, into a folder of its own (dist/ stays the sample configuration's).
  const dist = join(work, "dist");
  await promisify(execFile)(process.execPath, [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production", "--env", "quiet", "--output-path", dist], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_CONFIG: configFile },
  });
  site = await serveStatic(dist);
  browser = await launch(site.origin, { allow: [intake.origin], ignoreHTTPSErrors: true });
  context = browser.context;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  intake?.server.closeAllConnections();
  await new Promise((done) => intake?.server.close(done));
  if (work) rmSync(work, { recursive: true, force: true });
});

async function openDemo(): Promise<Frame> {
  browser.record.requests.length = 0;
  browser.record.foreign.length = 0;
  browser.record.errors.length = 0;
  intake.received.length = 0;
  page = await context.newPage();
  await page.goto(`${site.origin}/demo.html?eml=samples/${CASE1}&lang=en`);
  const frame = await paneFrame(page);
  await verdictOf(frame);
  return frame;
}

afterEach(async () => {
  const pane = page ? await paneFrame(page).then((f) => f.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])) : [];
  await page?.close();
  expect(browser.record.foreign, "requests to another host").toEqual([]);
  // Chromium logs the intake's own failures (a 500, a refused connection) as console errors: those
  // are what these tests provoke. Anything else is a fault.
  expect(browser.record.errors.filter((e) => e.url !== "about:srcdoc" && !e.url.startsWith(intake.origin)), "console errors").toEqual([]);
  expect(pane, "CSP violations").toEqual([]);
});

describe("the report with an intake URL", () => {
  it("the build allowed the intake's origin, and only it, in the pane's CSP", () => {
    const html = readFileSync(join(work, "dist/taskpane.html"), "utf8");
    expect(html).toMatch(new RegExp(`connect-src 'self' ${intake.origin.replaceAll(".", "\\.")};`));
  });

  it("intake up: one POST of the report JSON, the original byte-identical to the sample, the desk's reference shown, no draft", async () => {
    intake.mode.status = 201;
    const frame = await openDemo();
    await openReportForm(frame);
    expect(await frame.textContent("[data-view='report']")).toContain("straight to the security desk's system");
    await frame.check('input[data-answer="openedAttachment"][value="no"]');
    await frame.click('[data-action="send-report"]');
    const outcome = await outcomeOf(frame);
    expect(outcome).toMatchObject({ state: "delivered", outcome: "intake", reference: REFERENCE, role: "status", focused: true });
    expect(outcome.text).toContain(`Reference: ${REFERENCE}`);
    expect(intake.received).toHaveLength(1);
    const [request] = intake.received;
    expect(request).toMatchObject({ method: "POST", path: "/intake", headers: { "content-type": "application/json", origin: site.origin } });
    expect(request!.headers.cookie).toBeUndefined();
    const report = JSON.parse(request!.body) as { original: { data: string; size: number; mediaType: string }; checklist: { item5_recipients: { openedAttachment: string } } };
    const sample = readFileSync(join(ROOT, "samples", CASE1));
    expect(report.original.mediaType).toBe("message/rfc822");
    expect(report.original.size).toBe(sample.length);
    expect(Buffer.from(report.original.data, "base64").equals(sample)).toBe(true);
    expect(report.checklist.item5_recipients.openedAttachment).toBe("no");
    expect(reportSchemaErrors(report)).toEqual([]);
    expect(await draftCalls(page)).toEqual([]);
  });

  it("intake answers 500: the draft opens anyway, and the pane says the intake failed", async () => {
    intake.mode.status = 500;
    const frame = await openDemo();
    await openReportForm(frame);
    await frame.click('[data-action="send-report"]');
    const outcome = await outcomeOf(frame);
    expect(outcome).toMatchObject({ state: "delivered", outcome: "draft-fallback", intakeFailed: "status", role: "alert" });
    expect(outcome.text).toContain("could not be delivered to the security desk's system (it answered HTTP 500)");
    expect(outcome.text).toContain("A report mail to csirt@example.co.jp has been opened");
    expect(intake.received).toHaveLength(1);
    const calls = await draftCalls(page);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.parameters.attachments).toEqual([{ type: "item", itemId: CASE1, name: "original message" }]);
    const [text] = (await draftBlocks(page, calls[0]!.parameters.htmlBody)).pre;
    expect(nineItems(text!, "en")).toEqual(Array(9).fill(true));
  });

  it("intake down: the draft opens, and the pane says the intake could not be reached", async () => {
    intake.server.closeAllConnections();
    await new Promise((done) => intake.server.close(done));
    const frame = await openDemo();
    await openReportForm(frame);
    await frame.click('[data-action="send-report"]');
    const outcome = await outcomeOf(frame);
    expect(outcome).toMatchObject({ outcome: "draft-fallback", intakeFailed: "unreachable", role: "alert", focused: true });
    expect(outcome.text).toContain("could not be delivered to the security desk's system (could not connect)");
    const calls = await draftCalls(page);
    expect(calls).toHaveLength(1);
    const { pre } = await draftBlocks(page, calls[0]!.parameters.htmlBody);
    expect(jsonBlock(pre, calls[0]!.parameters.subject)).toMatchObject({ schemaVersion: REPORT_SCHEMA_VERSION, securityDesk: { address: "csirt@example.co.jp" } });
    await page.waitForSelector("#draft:not([hidden])");
  });
});
