// Shared by the browser tests (test/browser), the benchmark (bench/addin.bench.js) and the
// screenshot (scripts/screenshot.js): a static server for dist/ on 127.0.0.1, and Debian's
// Chromium driven by playwright-core with a fresh profile, office.js routed from the
// @microsoft/office-js package (the page keeps its CDN <script>), and every request recorded.
// Nothing is downloaded: no `playwright install`, no network.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const DIST = join(ROOT, "dist");
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = join(ROOT, "node_modules/@microsoft/office-js/dist");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json; charset=utf-8",
  ".eml": "message/rfc822",
  ".bin": "application/octet-stream",
};

/** Serves `dir` on http://127.0.0.1:<free port>/ (GET and HEAD; nothing outside `dir`). */
export async function serveStatic(dir = DIST) {
  if (!existsSync(join(dir, "taskpane.html"))) throw new Error(`${dir} has no build: run npm run build first`);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(dir, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) };
}

/**
 * Launches Chromium with a fresh profile. Returns the context and a record of every request
 * (`requests`), the requests that went to another origin than `origin` (`foreign`; office.js from
 * Office's CDN is served from the local package and does not leave), those a Content-Security-Policy
 * stopped before they left (`refusedByCsp`: Chromium still reports them as requests), console
 * errors and page errors (`errors`). `options.allow` names further origins that may be reached (the report
 * intake test's own server, and nothing else); `options.ignoreHTTPSErrors` accepts its
 * self-signed certificate.
 */
export async function launch(origin, options = {}) {
  /** @type {string[]} */
  const allowed = [origin, ...(options.allow ?? [])];
  const profile = mkdtempSync(join(tmpdir(), "check-this-mail-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    serviceWorkers: "block",
    ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
  });
  /** @type {{ requests: string[], foreign: string[], refusedByCsp: string[], errors: { text: string, url: string }[] }} */
  const record = { requests: [], foreign: [], refusedByCsp: [], errors: [] };
  await context.route(`${OFFICE_CDN}**`, async (route) => {
    const rel = new URL(route.request().url()).pathname.slice(new URL(OFFICE_CDN).pathname.length);
    const file = normalize(join(OFFICE_DIST, rel));
    if (!file.startsWith(OFFICE_DIST + sep) || !existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ path: file, contentType: TYPES[extname(file)] ?? "application/octet-stream" });
  });
  // Everything else that is not this origin is recorded and refused: nothing may leave.
  await context.route(
    (url) => !allowed.includes(url.origin) && !url.href.startsWith(OFFICE_CDN) && url.protocol !== "data:" && url.protocol !== "about:" && url.protocol !== "blob:",
    (route) => {
      record.foreign.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  context.on("request", (request) => record.requests.push(request.url()));
  context.on("requestfailed", (request) => {
    // Playwright names this failure "csp" (Chromium's net::ERR_BLOCKED_BY_CSP).
    const why = request.failure()?.errorText;
    if (why === "csp" || why === "net::ERR_BLOCKED_BY_CSP") record.refusedByCsp.push(request.url());
  });
  const watch = (page) => {
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      record.errors.push({ text: message.text(), url: message.location().url ?? "" });
    });
    page.on("pageerror", (error) => record.errors.push({ text: `page error: ${error.message}`, url: page.url() }));
  };
  context.on("page", watch);
  for (const page of context.pages()) watch(page);
  // CSP violations, reported by every frame that can run script (the sandboxed reading pane cannot).
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const list = (window.__cspViolations ??= []);
      list.push(`${event.violatedDirective} blocked ${event.blockedURI} in ${location.href}`);
    });
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, record, close };
}

/** The pane's iframe in the demo host, once it has loaded. */
export async function paneFrame(page) {
  const handle = await page.waitForSelector("#pane iframe");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the task pane iframe has no frame");
  return frame;
}

/**
 * Waits until the pane shows the verdict of a check numbered above `after`; returns the verdict,
 * the rule IDs of the findings and the pane's data attributes.
 */
export async function verdictOf(frame, after = 0, timeout = 15_000) {
  await frame.waitForFunction(
    (n) => {
      const app = document.getElementById("app");
      return app?.dataset.state === "ready" && Number(app.dataset.check) > n && document.querySelector("[data-verdict]") !== null;
    },
    after,
    { timeout },
  );
  return frame.evaluate(() => {
    const app = document.getElementById("app");
    return {
      verdict: document.querySelector("[data-verdict]")?.getAttribute("data-verdict") ?? null,
      rules: [...new Set([...document.querySelectorAll("[data-rule-id]")].map((e) => e.getAttribute("data-rule-id")))],
      check: Number(app?.dataset.check),
      source: app?.dataset.source ?? null,
      diagnostics: (app?.dataset.diagnostics ?? "").split(" ").filter(Boolean),
      lang: document.documentElement.lang,
      violations: window.__cspViolations ?? [],
    };
  });
}
