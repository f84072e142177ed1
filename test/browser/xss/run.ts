/**
 * Runs the XSS mails through the demo host in Chromium, from the built dist/: the first mail of
 * each page load by `demo.html?eml=/xss/<name>` (a route answers from memory, same origin), the
 * rest through the demo's "Open an .eml file…" input (a selection change the pinned pane
 * re-checks). For each mail: the verdict, every <details> opened, the Report button, the form
 * and its preview, Send, the draft the demo shows — then every check:
 *
 * - the canary (`__ctmCanary`, what alert/prompt/confirm became) in the pane and the demo page;
 * - any dialog (payloads that reach alert some other way);
 * - console errors and uncaught errors, anywhere (the sandboxed reading pane may only report its
 *   own refusals: loads its CSP blocked, scripts its sandbox blocked);
 * - CSP violations (securitypolicyviolation in the pane and the demo page);
 * - any request to another origin, and any request of this origin but the pane's own files;
 * - the pane's DOM: only elements the view makes (createElement, allowed tags, no on* or URL
 *   attributes, links only to DB-IP's page or in-page anchors), and the demo's likewise;
 * - the pane ends with a verdict, and the report is delivered (a mail must not be able to stop
 *   either).
 *
 * And, so that a clean run means something: where each payload showed up (the result view, the
 * report form, the demo's reading pane header/draft/log, the reading pane's document).
 */
import { performance } from "node:perf_hooks";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { launch, OFFICE_CDN, paneFrame, serveStatic } from "../../../scripts/browser.js";
import { isReadingPaneRefusal } from "../demo-session.js";
import type { Payload } from "./corpus.js";
import type { XssMail } from "./mails.js";
import { inspectDemo, inspectPane, installProbes, type PaneRules } from "./probes.js";

/**
 * Tags the pane may contain: the view's (src/taskpane/view/h.ts) — written out here again, so
 * that widening the view's list is a decision this test sees.
 */
export const VIEW_TAGS: readonly string[] = [
  "main", "a", "article", "aside", "button", "caption", "code", "dd", "details", "div", "dl", "dt", "em",
  "fieldset", "footer", "h1", "h2", "h3", "h4", "header", "input", "label", "legend", "li", "mark",
  "nav", "ol", "p", "pre", "section", "small", "span", "strong", "summary", "table", "tbody", "td",
  "textarea", "th", "thead", "time", "tr", "ul", "wbr",
];

export const ATTRIBUTION_HREF = "https://db-ip.com";

/** Regions of the pane whose text is searched for the payloads (the result view, then the report form). */
export const PANE_REGIONS: Readonly<Record<string, string>> = {
  subject: ".ctm-message__subject",
  "from-name": ".ctm-message__name",
  "from-address": ".ctm-message__address",
  date: ".ctm-facts--message .ctm-facts__item:nth-child(3) dd",
  "links-shown": ".ctm-links__shown",
  "links-target": ".ctm-links__target",
  "attachment-name": ".ctm-attachment__name",
  "attachment-facts": ".ctm-attachment .ctm-facts",
  "archive-entries": ".ctm-entries",
  route: ".ctm-route",
  authentication: ".ctm-auth",
  evidence: ".ctm-evidence",
  diagnostics: ".ctm-diagnostics",
  "report-mail": ".ctm-report__facts",
};

/** Regions of the demo host's page ("log" and "reading-pane" are added by inspectDemo). */
export const DEMO_REGIONS: Readonly<Record<string, string>> = {
  "demo-subject": "#msg-subject",
  "demo-from": "#msg-from",
  "demo-to": "#msg-to",
  "demo-date": "#msg-date",
  "demo-attachments": "#msg-attachments",
  "demo-text-body": "#msg-body pre",
  "notification-bar": "#notification-bar",
  "demo-draft": "#draft",
};

/** Where each field is meant to show (a payload found there counts as having reached its place). */
export const EXPECTED_REGIONS: readonly (readonly [prefix: string, regions: readonly string[]])[] = [
  ["subject/", ["subject", "demo-subject", "report-mail"]],
  ["from-name/", ["from-name", "demo-from"]],
  ["from-address/", ["from-address", "demo-from"]],
  ["reply-to-name/", ["evidence", "preview"]],
  ["date", ["date"]],
  ["message-id", ["preview"]],
  ["x-mailer", ["preview"]],
  ["vendor-verdict", ["preview", "route"]],
  ["to-name/", ["demo-to", "preview"]],
  ["cc-address/", ["preview"]],
  ["references", ["preview"]],
  ["link/href", ["links-target"]],
  ["link/", ["links-shown"]],
  ["text-url/", ["links-shown", "links-target"]],
  ["attachment-name/", ["attachment-name", "demo-attachments"]],
  ["attachment-content/zip-entry-name", ["archive-entries"]],
  ["attachment-content/", ["evidence", "attachment-facts", "preview"]],
  ["received/", ["route", "evidence"]],
  ["authentication-results/", ["authentication", "evidence"]],
  ["body-html/", ["reading-pane"]],
  ["body-text/", ["demo-text-body"]],
];

export function expectedRegions(field: string): readonly string[] {
  return EXPECTED_REGIONS.find(([prefix]) => field.startsWith(prefix))?.[1] ?? [];
}

export interface MailOutcome {
  readonly mail: string;
  readonly problems: readonly string[];
  /** For each placement (index into mail.placements), the regions its payload was found in. */
  readonly reached: readonly (readonly string[])[];
  /** Refusals the sandboxed reading pane reported (its CSP and sandbox at work). */
  readonly refusals: number;
  readonly ms: number;
  readonly verdict: string;
}

/** Hidden-character markers and blank-run markers the view writes, whitespace, controls and default-ignorables: gone. */
const MARKER = /\[U\+[\dA-F]{4,6}\]|\[\d+ spaces\]/g;
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\uFFFD]/gu;

export function normalize(text: string): string {
  return text.replace(MARKER, "").replace(INVISIBLE, "");
}

/** Text with %XX sequences decoded (URLs the pane shows percent-encoded), leniently. */
export function percentDecoded(text: string): string {
  if (!text.includes("%")) return text;
  return text.replace(/(?:%[\da-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** The part of a payload looked for: its first 32 visible characters (long link text is clipped, hops cut at 200). */
export function needle(payload: string): string {
  return [...normalize(payload)].slice(0, 32).join("");
}

export class XssRunner {
  private page!: Page;
  private frame!: Frame;
  private lastCheck = 0;
  private seenPane = { canary: 0, csp: 0 };
  private seenDemo = { canary: 0, csp: 0, calls: 0 };
  private mailsOnPage = 0;
  private readonly dialogs: string[] = [];
  private readonly served = new Map<string, Uint8Array>();
  readonly payloadText: Map<number, string>;

  private constructor(
    private readonly server: Awaited<ReturnType<typeof serveStatic>>,
    private readonly browser: Awaited<ReturnType<typeof launch>>,
    payloads: readonly Payload[],
    /** A fresh page after this many mails (the demo's call log and the stand-in's records grow). */
    private readonly mailsPerPage: number,
  ) {
    this.payloadText = new Map(payloads.map((p) => [p.id, p.text]));
  }

  static async start(payloads: readonly Payload[], mailsPerPage = 100): Promise<XssRunner> {
    const server = await serveStatic();
    const browser = await launch(server.origin);
    await browser.context.addInitScript(installProbes);
    const runner = new XssRunner(server, browser, payloads, mailsPerPage);
    await browser.context.route(`${server.origin}/xss/**`, (route) => {
      const name = decodeURIComponent(new URL(route.request().url()).pathname.slice("/xss/".length));
      const bytes = runner.served.get(name);
      return bytes ? route.fulfill({ status: 200, contentType: "message/rfc822", body: Buffer.from(bytes) }) : route.fulfill({ status: 404, body: "" });
    });
    return runner;
  }

  get context(): BrowserContext {
    return this.browser.context;
  }

  get origin(): string {
    return this.server.origin;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }

  private rules(): PaneRules {
    return { tags: VIEW_TAGS, scriptOrigins: [OFFICE_CDN], attributionHref: ATTRIBUTION_HREF, seen: this.seenPane, regions: PANE_REGIONS };
  }

  /** A fresh demo page that opens `mail` through ?eml= (the pane's first check). */
  private async openPage(mail: XssMail): Promise<void> {
    if (this.page) await this.page.close().catch(() => undefined);
    this.served.clear();
    this.served.set(mail.name, mail.bytes);
    this.page = await this.context.newPage();
    this.page.on("dialog", (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message().slice(0, 200)}`);
      void dialog.dismiss().catch(() => undefined);
    });
    this.lastCheck = 0;
    this.seenPane = { canary: 0, csp: 0 };
    this.seenDemo = { canary: 0, csp: 0, calls: 0 };
    this.mailsOnPage = 0;
    await this.page.goto(`${this.origin}/demo.html?eml=${encodeURIComponent(`/xss/${mail.name}`)}&lang=en`);
    this.frame = await paneFrame(this.page);
  }

  /** Selects `mail` in the demo host: a fresh page every `mailsPerPage` mails (or after a failure), else the file input. */
  private async select(mail: XssMail): Promise<void> {
    if (!this.page || this.mailsOnPage >= this.mailsPerPage) {
      await this.openPage(mail);
    } else {
      await this.page.setInputFiles("#file", { name: mail.name, mimeType: "message/rfc822", buffer: Buffer.from(mail.bytes) });
    }
    this.mailsOnPage++;
  }

  /**
   * Checks `mail` in the pane and inspects everything. `tamper` (the run's self-test only) acts on
   * the page once the verdict is shown, to prove the inspection sees what it looks for.
   */
  async run(mail: XssMail, tamper?: (page: Page, pane: Frame) => Promise<void>): Promise<MailOutcome> {
    const started = performance.now();
    const { record } = this.browser;
    const mark = { requests: record.requests.length, foreign: record.foreign.length, refused: record.refusedByCsp.length, errors: record.errors.length, dialogs: this.dialogs.length };
    const problems: string[] = [];
    const texts = new Map<string, string[]>();
    const add = (regions: Record<string, string>): void => {
      for (const [name, text] of Object.entries(regions)) texts.set(name, [...(texts.get(name) ?? []), text]);
    };
    let verdict = "";
    let reload = false;
    try {
      await this.select(mail);
      const timeout = 20_000;
      await this.frame.waitForFunction(
        (n) => {
          const app = document.getElementById("app");
          return app !== null && Number(app.dataset.check) > n && app.dataset.state !== "loading" && app.dataset.state !== "starting";
        },
        this.lastCheck,
        { timeout },
      );
      if (tamper) await tamper(this.page, this.frame);
      const view = await this.frame.evaluate(inspectPane, this.rules());
      this.lastCheck = view.check;
      this.seenPane = { canary: this.seenPane.canary + view.canary.length, csp: this.seenPane.csp + view.csp.length };
      verdict = view.state === "ready" ? ((await this.frame.getAttribute("[data-verdict]", "data-verdict")) ?? "") : view.state;
      problems.push(...view.problems.map((p) => `pane: ${p}`));
      problems.push(...view.canary.map((c) => `canary ran in the pane: ${c.args.join(", ")} (${c.where})`));
      problems.push(...view.csp.map((c) => `CSP violation in the pane: ${c}`));
      add(view.regions);
      if (view.state !== "ready") {
        problems.push(`the pane shows "${view.state}" instead of a verdict: ${view.text.slice(0, 300)}`);
        reload = true;
      } else {
        await this.frame.evaluate(() => document.querySelector<HTMLElement>('[data-action="report"]')?.click());
        await this.frame.waitForFunction(() => document.getElementById("app")?.dataset.state === "report" && document.querySelector("[data-report-preview]") !== null, undefined, { timeout });
        await this.frame.evaluate(() => document.querySelector<HTMLElement>('[data-action="send-report"]')?.click());
        await this.frame.waitForFunction(
          () => {
            const state = document.querySelector<HTMLElement>("[data-report-form]")?.dataset.reportState;
            return state === "delivered" || state === "not-delivered";
          },
          undefined,
          { timeout },
        );
        const form = await this.frame.evaluate(inspectPane, this.rules());
        this.seenPane = { canary: this.seenPane.canary + form.canary.length, csp: this.seenPane.csp + form.csp.length };
        problems.push(...form.problems.map((p) => `report form: ${p}`));
        problems.push(...form.canary.map((c) => `canary ran in the pane: ${c.args.join(", ")} (${c.where})`));
        problems.push(...form.csp.map((c) => `CSP violation in the pane: ${c}`));
        add({ ...form.regions, preview: form.preview });
        const delivered = await this.frame.evaluate(() => document.querySelector<HTMLElement>("[data-report-form]")?.dataset.reportState);
        if (delivered !== "delivered") problems.push(`the report was not delivered: ${(await this.frame.textContent(".ctm-report__result").catch(() => "")) ?? ""}`);
      }
      const demo = await this.page.evaluate(inspectDemo, { regions: DEMO_REGIONS, seen: this.seenDemo });
      this.seenDemo = { canary: this.seenDemo.canary + demo.canary.length, csp: this.seenDemo.csp + demo.csp.length, calls: demo.calls };
      problems.push(...demo.problems.map((p) => `demo host: ${p}`));
      problems.push(...demo.canary.map((c) => `canary ran in the demo host: ${c.args.join(", ")} (${c.where})`));
      problems.push(...demo.csp.map((c) => `CSP violation in the demo host: ${c}`));
      add(demo.regions);
    } catch (e) {
      problems.push(`stalled: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
      reload = true;
    }
    // Let late events land (a dialog, an error) before counting.
    await new Promise((done) => setTimeout(done, 0));
    problems.push(...this.dialogs.slice(mark.dialogs).map((d) => `dialog: ${d}`));
    problems.push(...record.foreign.slice(mark.foreign).map((u) => `request to another origin: ${u}`));
    const errors = record.errors.slice(mark.errors);
    const refusals = errors.filter(isReadingPaneRefusal).length;
    problems.push(...errors.filter((e) => !isReadingPaneRefusal(e)).map((e) => `console error (${e.url}): ${e.text.slice(0, 300)}`));
    // A load the reading pane's CSP refused never left the page (its console refusal is counted above).
    const refused = new Set(record.refusedByCsp.slice(mark.refused));
    problems.push(...record.requests.slice(mark.requests).filter((u) => !this.expectedRequest(u) && !refused.has(u)).map((u) => `unexpected request: ${u}`));
    if (reload || problems.length > 0) this.mailsOnPage = Number.POSITIVE_INFINITY; // start the next mail on a fresh page
    return { mail: mail.name, problems, reached: this.reached(mail, texts), refusals, ms: performance.now() - started, verdict };
  }

  /** The requests a page load makes, and the two the pane makes for a mail: its engine chunk, the country table. */
  private expectedRequest(url: string): boolean {
    if (url.startsWith(OFFICE_CDN)) return true;
    if (!url.startsWith(`${this.origin}/`)) return false;
    const path = new URL(url).pathname;
    return /^\/[\w.-]+\.(?:js|css|html|png)$/.test(path) || ["/config.json", "/samples/index.json", "/assets/geo/ip-country.bin"].includes(path) || path.startsWith("/assets/icon-") || path.startsWith("/xss/");
  }

  private reached(mail: XssMail, texts: ReadonlyMap<string, readonly string[]>): string[][] {
    const haystacks = [...texts].map(([region, list]) => {
      const joined = list.join("\n");
      return { region, plain: normalize(joined), decoded: normalize(percentDecoded(joined)) };
    });
    const cache = new Map<string, string[]>();
    return mail.placements.map((placement) => {
      const key = needle(this.payloadText.get(placement.payload) ?? "");
      let found = cache.get(key);
      if (!found) {
        found = key === "" ? [] : haystacks.filter((h) => h.plain.includes(key) || h.decoded.includes(key)).map((h) => h.region);
        cache.set(key, found);
      }
      return found;
    });
  }
}
