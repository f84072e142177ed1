/**
 * The set-up the browser test files share: one static server for dist/ and one Chromium per file,
 * a fresh page per test, and after each test the checks every test makes — no request left for
 * another host, no console error, no CSP violation in the page or the pane.
 *
 * The one console output let through is the sandboxed reading pane refusing what the mail's
 * HTML asks for (its CSP and sandbox at work), told apart by Chromium's wording.
 */
import type { BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { launch, paneFrame, serveStatic } from "../../scripts/browser.js";

/**
 * Chromium's console wording when it refuses something the sandboxed reading pane (or a frame the
 * mail's HTML opens inside it) asked for: CSP (both the older "Refused to …" and the newer
 * "Loading the image 'x' violates …" forms), the sandbox, and the refusals that need neither.
 */
const REFUSALS: readonly RegExp[] = [
  /^Refused to /,
  /violates the following Content Security Policy directive/,
  /^Blocked script execution in '/,
  /^Blocked (?:form submission|autofocusing|opening|a frame)/,
  /^Not allowed to load local resource: /,
  /^Blocked setting the .* cookie from a `<meta>` tag/s,
  /^'javascript' URLs may not be used as base URLs/,
];

/**
 * The frame the demo host parses the mail's HTML in (src/demo/inert-html.ts: sandboxed, no
 * script, the demo page's policy) refusing what the mail's markup holds as it is parsed: an
 * event-handler attribute, a <base href>. Nothing runs or changes, but Chromium names the demo's
 * script, the caller of the frame's DOMParser, as the place. The same refusal in the demo page's
 * own document would still show as a CSP violation there (securitypolicyviolation).
 */
const PARSER_FRAME_REFUSALS: readonly RegExp[] = [
  /^Blocked script execution in 'about:blank' because the document's frame is sandboxed and the 'allow-scripts' permission is not set\.$/,
  /^Setting the document's base URI to '.*' violates the following Content Security Policy directive: "base-uri 'none'"\. The action has been blocked\.$/s,
];

/**
 * A console error of the reading pane: its document (about:srcdoc) or a frame inside it (about:blank,
 * or no URL at all) refusing something. The pane's own refusals are not let through here: the pane
 * reports its CSP violations itself (securitypolicyviolation) and runs at the page's origin.
 */
export function isReadingPaneRefusal(error: { readonly text: string; readonly url: string }): boolean {
  if (PARSER_FRAME_REFUSALS.some((r) => r.test(error.text))) return true;
  const fromReadingPane = error.url === "" || error.url.startsWith("about:");
  return fromReadingPane && REFUSALS.some((r) => r.test(error.text));
}

type Browser = Awaited<ReturnType<typeof launch>>;

export interface DemoSession {
  readonly origin: string;
  readonly context: BrowserContext;
  readonly record: Browser["record"];
  /** The page of the current test (opened by `open`). */
  readonly page: Page;
  /** A fresh page at `path` (e.g. "demo.html?eml=…"), its record of requests and errors emptied; returns the pane's frame. */
  open(path: string): Promise<Frame>;
  /** Console errors so far, but the reading pane's refusals. */
  errors(): { text: string; url: string }[];
  /** Runs `test` with the demo's config.json answered by `body`, then serves the real one again. */
  withConfigJson(body: string, test: () => Promise<void>): Promise<void>;
}

/** A policy with a misspelt setting ("domians"): the pane must name it, not show a verdict. */
export const MISSPELT_CONFIG = '{"organization":{"domians":["example.co.jp"]}}';

/** The pane (or popup) in `frame` shows the configuration error naming `setting`, and no verdict. */
export async function expectConfigError(frame: Frame, setting: string): Promise<void> {
  await frame.waitForFunction(() => document.getElementById("app")?.dataset.state === "config-error");
  expect(await frame.textContent("#app")).toContain(setting);
  expect(await frame.$("[data-verdict]")).toBeNull();
}

const violationsOf = (target: Page | Frame): Promise<string[]> => target.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);

/** Registers the file's hooks; call once at the top of a browser test file. */
export function demoSession(): DemoSession {
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const started = (): Browser => {
    if (!browser) throw new Error("the demo session has not started (use it inside a test)");
    return browser;
  };

  beforeAll(async () => {
    server = await serveStatic();
    browser = await launch(server.origin);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    if (!page || !browser) return;
    const inPage = await violationsOf(page);
    const inPane = await paneFrame(page).then(violationsOf);
    await page.close();
    page = undefined;
    expect(browser.record.foreign, "requests to another host").toEqual([]);
    expect(browser.record.errors.filter((e) => !isReadingPaneRefusal(e)), "console errors").toEqual([]);
    expect([...inPage, ...inPane], "CSP violations").toEqual([]);
  });

  return {
    get origin() {
      if (!server) throw new Error("the demo session has not started (use it inside a test)");
      return server.origin;
    },
    get context() {
      return started().context;
    },
    get record() {
      return started().record;
    },
    get page() {
      if (!page) throw new Error("no page is open: call open() first");
      return page;
    },
    async open(path) {
      const { context, record } = started();
      record.requests.length = 0;
      record.foreign.length = 0;
      record.errors.length = 0;
      page = await context.newPage();
      await page.goto(`${server!.origin}/${path}`);
      return paneFrame(page);
    },
    errors: () => started().record.errors.filter((e) => !isReadingPaneRefusal(e)),
    async withConfigJson(body, test) {
      const { context } = started();
      const url = `${server!.origin}/config.json`;
      await context.route(url, (route) => route.fulfill({ contentType: "application/json", body }));
      try {
        await test();
      } finally {
        await context.unroute(url);
      }
    },
  };
}
