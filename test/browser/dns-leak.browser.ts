/**
 * No DNS query, preconnect or socket for a host the mail names, seen where such leaks show:
 * Chromium's own net-log (--log-net-log). Playwright's request events and routes miss them — a
 * <link rel=dns-prefetch>, a preconnect, the DNS look-up a CSP-blocked frame still starts — and
 * each one tells the sender the mail was opened.
 *
 * One Chromium per case, each with its own net-log, read after the browser closed (it is written
 * on close): a mail whose HTML holds every element and hint that may reach the network, each
 * naming its own host under a per-run domain, opened in the Outlook demo (reading pane and task
 * pane) and the Thunderbird demo (popup); every link, area and button of the reading pane clicked.
 * Nothing but office.js (served from the package) is routed, so whatever the page asks for
 * reaches the network stack and its log. The control case opens the same HTML in a reading pane
 * that does not strip it (a sandboxed srcdoc frame under the same policies) and must show the
 * leaks, so the harness is known to see them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { randomBytes } from "node:crypto";
import { chromium, type Frame, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, CHROMIUM_FLAGS, OFFICE_CDN, paneFrame, ROOT, serveStatic, verdictOf } from "../../scripts/browser.js";

/** This run's domain: no cache, no earlier run and no other test can have named it. */
const DOMAIN = `r${randomBytes(4).toString("hex")}.leaktest.example`;
const host = (probe: string): string => `${probe}.${DOMAIN}`;
const url = (probe: string, path = "/"): string => `https://${host(probe)}${path}`;

/** A 1×1 GIF: images the reading pane may show (data: is the one image source its policy allows). */
const GIF = "data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAACAkQBADs=";

/** Each thing in the mail's HTML that may reach the network, naming its own host. */
const HEAD = [
  `<meta http-equiv="x-dns-prefetch-control" content="on">`,
  `<base href="${url("base")}">`,
  `<link rel="dns-prefetch" href="//${host("dns-prefetch")}">`,
  `<link rel="preconnect" href="${url("preconnect")}">`,
  `<link rel="preconnect dns-prefetch" href="${url("preconnect-pair")}" crossorigin>`,
  `<link rel="prefetch" href="${url("prefetch", "/next.html")}">`,
  `<link rel="preload" as="image" href="${url("preload", "/x.png")}">`,
  `<link rel="prerender" href="${url("prerender")}">`,
  `<link rel="modulepreload" href="${url("modulepreload", "/m.js")}">`,
  `<link rel="stylesheet" href="${url("stylesheet", "/s.css")}">`,
  `<link rel="icon" href="${url("icon", "/favicon.ico")}">`,
  `<meta http-equiv="refresh" content="4; url=${url("refresh")}">`,
  `<script type="speculationrules">{"prefetch":[{"source":"list","urls":["${url("speculation")}"]}],"prerender":[{"source":"list","urls":["${url("speculation-prerender")}"]}]}</script>`,
  `<style>@import url(${url("css-import", "/i.css")}); .bg { background: url(${url("css-background", "/b.png")}); } @font-face { font-family: x; src: url(${url("css-font", "/f.woff")}); } .f { font-family: x; }</style>`,
].join("\n");

const BODY = [
  `<p>Dear customer, see www.${host("text")} or https://${host("text-url")}/ (written as text).</p>`,
  `<p><a id="click-self" href="${url("click-self")}" target="_self">target=_self</a></p>`,
  `<p><a id="click-default" href="${url("click-default")}">no target</a></p>`,
  `<p><a id="click-blank" href="${url("click-blank")}" target="_blank" rel="noopener">target=_blank</a></p>`,
  `<p><a id="click-top" href="${url("click-top")}" target="_top">target=_top</a></p>`,
  `<p><a id="click-ping" href="${url("click-ping")}" ping="${url("ping")}" target="_self">with ping</a></p>`,
  `<p><a id="click-relative" href="relative/page.html" target="_self">relative to the base</a></p>`,
  `<p><a id="click-protocol" href="//${host("click-protocol")}/" target="_self">protocol-relative</a></p>`,
  `<p><img id="click-map" src="${GIF}" width="40" height="20" usemap="#m" alt="map"></p>`,
  `<map name="m"><area id="area" shape="rect" coords="0,0,40,20" href="${url("click-area")}" target="_self" alt="area"></map>`,
  `<svg width="60" height="20"><a id="click-svg" href="${url("click-svg")}" target="_self"><rect width="60" height="20"/></a><image href="${url("svg-image", "/i.png")}" width="1" height="1"/></svg>`,
  `<form action="${url("form")}" method="get"><button id="click-form" type="submit">submit</button><input id="click-image" type="image" src="${url("input-image", "/i.png")}" alt="image button"></form>`,
  `<p><img src="${url("img", "/i.png")}" alt=""><img srcset="${url("img-srcset", "/i.png")} 2x" alt=""><img src="relative.png" alt=""></p>`,
  `<picture><source srcset="${url("picture-source", "/p.webp")}"><img src="${GIF}" alt=""></picture>`,
  `<img src="${GIF}" attributionsrc="${url("attributionsrc")}" alt="">`,
  `<video poster="${url("video-poster", "/p.png")}" src="${url("video", "/v.mp4")}"></video><audio src="${url("audio", "/a.mp3")}"></audio>`,
  `<table background="${url("table-background", "/t.png")}"><tr><td style="background-image: url(${url("style-background", "/b.png")})" class="bg f">cell</td></tr></table>`,
  `<iframe src="${url("iframe")}"></iframe>`,
  `<iframe srcdoc="&lt;link rel=dns-prefetch href=//${host("nested-srcdoc")}&gt;"></iframe>`,
  `<object data="${url("object", "/o.swf")}"></object>`,
  `<embed src="${url("embed", "/e.swf")}">`,
  `<portal src="${url("portal")}"></portal>`,
].join("\n");

const MAIL_HTML = `<!doctype html><html><head>${HEAD}</head><body>${BODY}</body></html>`;

/** The hosts the mail names; only the reading pane's HTML names the few under <head>. */
const NAMED = [...new Set(MAIL_HTML.match(new RegExp(`[a-z0-9-]+\\.${DOMAIN.replaceAll(".", "\\.")}`, "g")) ?? [])];

const MAIL_TEXT = [
  "Dear customer,",
  "",
  ...NAMED.map((h) => `https://${h}/`),
  "",
].join("\r\n");

const BOUNDARY = "leak-test-boundary";
const MAIL = [
  "From: Leak Test <sender@leaktest.example>",
  "To: someone@example.co.jp",
  "Subject: Your invoice",
  "Date: Tue, 01 Oct 2024 09:00:00 +0900",
  "Message-ID: <leak-test@leaktest.example>",
  "MIME-Version: 1.0",
  `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
  "",
  `--${BOUNDARY}`,
  "Content-Type: text/plain; charset=utf-8",
  "",
  MAIL_TEXT,
  `--${BOUNDARY}`,
  "Content-Type: text/html; charset=utf-8",
  "",
  MAIL_HTML,
  `--${BOUNDARY}--`,
  "",
].join("\r\n");

/** The reading pane as it was before it stripped anything: the control case's page. */
function unstrippedReadingPane(): string {
  const policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; media-src data:";
  const srcdoc = `<meta http-equiv="Content-Security-Policy" content="${policy}"><base target="_blank">${MAIL_HTML}`;
  const attribute = srcdoc.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
  return `<!doctype html><meta charset="utf-8"><title>control</title><iframe id="frame" sandbox="" referrerpolicy="no-referrer" srcdoc="${attribute}" style="width:800px;height:600px"></iframe>`;
}

// ---- the net-log ---------------------------------------------------------------------------------

interface NetLogEvent {
  readonly type: number;
  readonly source?: { readonly type?: number };
  readonly params?: unknown;
}

interface Touch {
  /** The host of the mail's that the event names. */
  readonly host: string;
  /** The event's type, e.g. HOST_RESOLVER_MANAGER_REQUEST, TCP_CONNECT, SOCKET_POOL_CONNECTING_N_SOCKETS. */
  readonly event: string;
  /** dns: a look-up; socket: a connection or a preconnect; request: any other network-stack activity. */
  readonly kind: "dns" | "socket" | "request";
}

function kindOf(event: string): Touch["kind"] {
  if (/HOST_RESOLVER|DNS/.test(event)) return "dns";
  if (/SOCKET|TCP_CONNECT|CONNECT_JOB|PRECONNECT|STREAM|SSL|QUIC|PROXY/.test(event)) return "socket";
  return "request";
}

/**
 * Every net-log event that names one of this run's hosts. A log cut short (Chromium killed before
 * it closed the file) lacks its closing brackets; the events written until then still count.
 */
function touchesIn(text: string): Touch[] {
  let log: { constants: { logEventTypes: Record<string, number> }; events: NetLogEvent[]; polledData?: unknown };
  try {
    log = JSON.parse(text);
  } catch {
    log = JSON.parse(`${text.replace(/,\s*$/, "")}]}`);
  }
  const names = new Map(Object.entries(log.constants.logEventTypes).map(([name, id]) => [id, name]));
  const pattern = new RegExp(`[a-z0-9-]+\\.${DOMAIN.replaceAll(".", "\\.")}`, "g");
  const touches = new Map<string, Touch>();
  const add = (event: string, json: string): void => {
    for (const h of json.match(pattern) ?? []) touches.set(`${h} ${event}`, { host: h, event, kind: kindOf(event) });
  };
  for (const e of log.events) add(names.get(e.type) ?? String(e.type), JSON.stringify(e.params ?? {}));
  // The host cache and the socket pools at close: a look-up the events somehow missed.
  add("POLLED_DATA", JSON.stringify(log.polledData ?? {}));
  return [...touches.values()];
}

const hostsOf = (touches: readonly Touch[]): string[] => [...new Set(touches.map((t) => t.host.slice(0, -DOMAIN.length - 1)))].sort();

// ---- one Chromium per case --------------------------------------------------------------------------

let server: Awaited<ReturnType<typeof serveStatic>>;
const OFFICE_DIST = join(ROOT, "node_modules/@microsoft/office-js/dist");

beforeAll(async () => {
  server = await serveStatic();
});

afterAll(async () => {
  await server?.close();
});

/**
 * Runs `drive` in a fresh Chromium that writes a net-log, closes it, and returns what the log
 * says of the mail's hosts (having checked that it logged the page's own requests). The mail is served at /leak.eml and the control page at
 * /leak-control.html; office.js comes from the package. Nothing else is routed: a request the
 * page makes goes to the network stack, where the log sees it.
 */
async function netLogged(drive: (page: Page) => Promise<void>): Promise<Touch[]> {
  const dir = mkdtempSync(join(tmpdir(), "check-this-mail-netlog-"));
  const log = join(dir, "net-log.json");
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--log-net-log=${log}`, "--net-log-capture-mode=Everything"],
    viewport: { width: 1400, height: 900 },
    serviceWorkers: "block",
  });
  try {
    await context.route(`${OFFICE_CDN}**`, async (route) => {
      const file = normalize(join(OFFICE_DIST, new URL(route.request().url()).pathname.slice(new URL(OFFICE_CDN).pathname.length)));
      if (!file.startsWith(OFFICE_DIST + sep) || !existsSync(file)) return route.fulfill({ status: 404, body: "" });
      return route.fulfill({ path: file, contentType: extname(file) === ".js" ? "text/javascript" : "application/octet-stream" });
    });
    await context.route(`${server.origin}/leak.eml`, (route) => route.fulfill({ contentType: "message/rfc822", body: MAIL }));
    await context.route(`${server.origin}/leak-control.html`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: unstrippedReadingPane() }));
    const page = await context.newPage();
    await drive(page);
    // Time for what the page does later: the refresh (4 s), prefetch timers, a prerender.
    await page.waitForTimeout(5_000);
  } finally {
    await context.close();
  }
  const text = readFileSync(log, "utf8");
  rmSync(dir, { recursive: true, force: true });
  // The log is not blind: it holds the page's own requests to this server.
  expect(text.split(server.origin).length - 1, "net-log entries naming the test server").toBeGreaterThan(3);
  return touchesIn(text);
}

/**
 * Clicks every link, button and image button of the reading pane (ids click-*; an area through
 * its image map), the way a person does: pointer over, down, up. Playwright's check that nothing
 * covers the element makes a click that would land elsewhere count as failed. A click that
 * navigates the frame away (what target=_self did before the fix) costs the rest their frame, so
 * the mail is opened again for the next one.
 */
async function clickEverything(open: () => Promise<Frame>): Promise<{ clicked: string[]; failed: string[] }> {
  let frame = await open();
  const clicked = await frame.evaluate(() => Array.from(document.querySelectorAll("[id^='click-']"), (e) => e.id));
  const failed: string[] = [];
  const click = (id: string): Promise<boolean> =>
    frame.click(`[id='${id}']`, { timeout: 3_000, noWaitAfter: true }).then(
      () => true,
      () => false,
    );
  for (const id of clicked) {
    if (frame.isDetached() || frame.url() !== "about:srcdoc") frame = await open();
    // A navigation still under way when the check above ran takes the element away: once more.
    if (!(await click(id))) {
      frame = await open();
      if (!(await click(id))) failed.push(id);
    }
    await frame.page().waitForTimeout(300);
  }
  return { clicked, failed };
}

/** The reading pane's frame at `selector` of `page`, once the mail is in it. */
async function readingPane(page: Page, selector: string): Promise<Frame> {
  const handle = await page.waitForSelector(selector);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`${selector} has no frame`);
  await frame.waitForSelector("#click-self", { state: "attached" });
  return frame;
}

const explain = (touches: readonly Touch[]): string =>
  touches.map((t) => `${t.kind} ${t.host} (${t.event})`).sort().join("\n") || "none";

describe("no DNS, preconnect or socket for a host the mail names (Chromium's net-log)", () => {
  it("control: the same HTML in a reading pane that does not strip it leaks, and the net-log shows it", async () => {
    const touches = await netLogged(async (page) => {
      const { failed } = await clickEverything(async () => {
        await page.goto(`${server.origin}/leak-control.html`);
        return readingPane(page, "#frame");
      });
      expect(failed, "clicks that did not happen").toEqual([]);
    });
    const leaked = hostsOf(touches);
    console.log(`control, hosts the net-log saw: ${leaked.join(", ")}`);
    // What issue 15 found: hints, a frame the policy blocks, a target=_self click.
    for (const probe of ["dns-prefetch", "preconnect", "iframe", "click-self"]) expect(leaked, explain(touches)).toContain(probe);
    expect(touches.some((t) => t.kind === "dns")).toBe(true);
  });

  it("the Outlook demo: reading pane, clicks, task pane and report draft ask the network for none of them", async () => {
    let clicks = { clicked: [] as string[], failed: [] as string[] };
    let opened = 0;
    const touches = await netLogged(async (page) => {
      const open = async (): Promise<Frame> => {
        opened += 1;
        await page.goto(`${server.origin}/demo.html?eml=leak.eml&lang=en`);
        return readingPane(page, "#msg-body iframe");
      };
      await open();
      const pane = await paneFrame(page);
      const shown = await verdictOf(pane);
      expect(shown.verdict).not.toBeNull();
      // The pane has the mail's hosts in view, as text.
      expect(await pane.textContent("#app")).toContain(DOMAIN);
      await pane.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
      });
      // The report the pane writes names the hosts too; the demo shows the draft it opened.
      await pane.click('[data-action="report"]');
      await pane.click('[data-action="send-report"]');
      await page.waitForSelector("#draft:not([hidden])");
      expect(await page.textContent("#draft-body")).toContain(DOMAIN);
      await page.click("#draft-close"); // the draft covers the reading pane
      let first = true;
      clicks = await clickEverything(() => (first ? ((first = false), readingPane(page, "#msg-body iframe")) : open()));
    });
    expect(hostsOf(touches), explain(touches)).toEqual([]);
    expect(opened, "times the mail was opened: a click took the reading pane elsewhere").toBe(1);
    expect(clicks.clicked.length).toBeGreaterThanOrEqual(10);
    expect(clicks.failed, "clicks that did not happen").toEqual([]);
  });

  it("the Thunderbird demo: message view, popup and report draft ask the network for none of them", async () => {
    const touches = await netLogged(async (page) => {
      await page.goto(`${server.origin}/thunderbird-demo.html?eml=leak.eml&lang=en`);
      const popup = await paneFrame(page);
      const shown = await verdictOf(popup);
      expect(shown.verdict).not.toBeNull();
      expect(await popup.textContent("#app")).toContain(DOMAIN);
      await popup.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
      });
      await popup.click('[data-action="report"]');
      await popup.click('[data-action="send-report"]');
      await page.waitForSelector("#draft:not([hidden])");
      expect(await page.textContent("#draft-body")).toContain(DOMAIN);
    });
    expect(hostsOf(touches), explain(touches)).toEqual([]);
  });
});
