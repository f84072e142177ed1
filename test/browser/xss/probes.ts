/**
 * What the XSS run looks for in the pages, as functions that run inside them (passed to
 * addInitScript / evaluate: they close over nothing). Kept apart from the run so the checker's
 * own test (xss-checker.browser.ts) can point them at a page with a payload injected on purpose.
 *
 * - `installProbes` (every frame, before any of the page's scripts): the canary
 *   `window.__ctmCanary`, which records its arguments in `window.__xss`; and a record of every
 *   element made through document.createElement / createElementNS, plus the elements of the
 *   page's own HTML as parsed at DOMContentLoaded. An element in neither was made from markup
 *   after the page loaded — innerHTML, insertAdjacentHTML, document.write, a parser — which the
 *   pane never does: the view builds everything with createElement (view/h.ts).
 * - `inspectPane`: opens every <details>, then checks every element of the pane's document
 *   against what the view may make (tags, attributes, URLs), and returns its text.
 * - `inspectDemo`: the demo host's own page: no element from markup, mail text only as text in
 *   the reading pane's header, the notification bar, the draft and the call log, and the
 *   reading pane's iframe still sandboxed with no permissions.
 */

declare global {
  interface Window {
    __ctmCanary?: (...args: unknown[]) => void;
    __xss?: { args: string[]; where: string }[];
    __ctmOrigin?: (element: Element) => "made" | "initial" | "other";
    __cspViolations?: string[];
  }
}

/** Runs in every frame before its scripts (context.addInitScript). */
export function installProbes(): void {
  const made = new WeakSet<Element>();
  const proto = Document.prototype;
  const createElement = proto.createElement;
  const createElementNS = proto.createElementNS;
  Object.defineProperty(proto, "createElement", {
    configurable: true,
    writable: true,
    value: function (this: Document, ...args: Parameters<Document["createElement"]>) {
      const element = createElement.apply(this, args);
      made.add(element);
      return element;
    },
  });
  Object.defineProperty(proto, "createElementNS", {
    configurable: true,
    writable: true,
    value: function (this: Document, ...args: [string | null, string]) {
      const element = (createElementNS as (ns: string | null, name: string) => Element).apply(this, args);
      made.add(element);
      return element;
    },
  });
  let initial: WeakSet<Element> | undefined;
  const snapshot = (): void => {
    if (!initial) initial = new WeakSet(Array.from(document.querySelectorAll("*")));
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", snapshot, { once: true });
  else snapshot();
  window.__ctmOrigin = (element) => (made.has(element) ? "made" : initial?.has(element) ? "initial" : "other");
  window.__ctmCanary = (...args) => {
    (window.__xss ??= []).push({ args: args.map((a) => String(a).slice(0, 200)), where: location.href });
  };
}

export interface PaneInspection {
  readonly state: string;
  readonly check: number;
  readonly problems: string[];
  /** Text of the pane (every <details> open), and the report preview's value when the form is shown. */
  readonly text: string;
  readonly preview: string;
  /** Text of each region (selector → text of every match, joined). */
  readonly regions: Record<string, string>;
  readonly canary: { args: string[]; where: string }[];
  readonly csp: string[];
}

export interface PaneRules {
  /** Regions whose text to return, by name: CSS selectors. */
  readonly regions: Readonly<Record<string, string>>;
  /** Tags the view may create in the pane's body. */
  readonly tags: readonly string[];
  /** Origins a <script> in the pane's head may come from besides the page's own. */
  readonly scriptOrigins: readonly string[];
  /** The one external link the pane may have (DB-IP's attribution). */
  readonly attributionHref: string;
  /** How many canary calls and CSP violations were already reported (only newer ones are returned). */
  readonly seen: { readonly canary: number; readonly csp: number };
}

/** Runs in the pane's frame. */
export function inspectPane(rules: PaneRules): PaneInspection {
  const problems: string[] = [];
  for (const d of Array.from(document.querySelectorAll("details"))) d.open = true;
  const origin = window.__ctmOrigin;
  if (!origin) problems.push("the probes are not installed in the pane");
  const HTML = "http://www.w3.org/1999/xhtml";
  const headTags = new Set(["html", "head", "meta", "title", "link", "script", "body"]);
  const bodyTags = new Set(rules.tags);
  const urlAttributes = new Set(["src", "srcset", "srcdoc", "action", "formaction", "background", "poster", "data", "codebase", "ping", "xlink:href", "lowsrc", "dynsrc", "manifest", "icon", "cite", "longdesc", "usemap", "profile", "classid", "archive"]);
  const inputTypes = new Set(["text", "radio", "checkbox"]);
  const describe = (el: Element): string => {
    const id = el.id ? `#${el.id}` : "";
    const cls = el.getAttribute("class") ? `.${(el.getAttribute("class") ?? "").split(" ")[0]}` : "";
    return `<${el.localName}${id}${cls}>`;
  };
  for (const el of Array.from(document.querySelectorAll("*"))) {
    const tag = el.localName;
    const where = describe(el);
    if (el.namespaceURI !== HTML) problems.push(`${where}: element in namespace ${el.namespaceURI}`);
    const provenance = origin ? origin(el) : "made";
    if (provenance === "other") problems.push(`${where}: not made by the pane (parsed from markup after load)`);
    const inBody = el !== document.body && document.body.contains(el);
    if (inBody ? !bodyTags.has(tag) : !headTags.has(tag)) problems.push(`${where}: tag not allowed ${inBody ? "in the pane" : "in the head"}`);
    if (el.shadowRoot) problems.push(`${where}: has a shadow root`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value;
      if (name.startsWith("on")) problems.push(`${where}: event-handler attribute ${name}=${JSON.stringify(value.slice(0, 80))}`);
      if (name === "style") problems.push(`${where}: style attribute`);
      if (name === "is" || (name === "http-equiv" && inBody)) problems.push(`${where}: attribute ${name}`);
      if (urlAttributes.has(name) && !(tag === "script" && name === "src" && !inBody)) problems.push(`${where}: URL attribute ${name}=${JSON.stringify(value.slice(0, 80))}`);
      if (name === "href") {
        const anchor = value.startsWith("#") && /^#[\w-]+$/.test(value);
        const ok = tag === "a" ? anchor || value === rules.attributionHref : tag === "link" && !inBody && value === "taskpane.css";
        if (!ok) problems.push(`${where}: href=${JSON.stringify(value.slice(0, 80))}`);
      }
      if (tag === "input" && name === "type" && !inputTypes.has(value)) problems.push(`${where}: input type ${value}`);
    }
    if (tag === "script") {
      const src = el.getAttribute("src");
      let fine = false;
      if (src !== null && !inBody && (el.textContent ?? "") === "") {
        const url = new URL(src, location.href);
        fine = (url.origin === location.origin && /^\/[\w.-]+\.js$/.test(url.pathname)) || rules.scriptOrigins.some((o) => url.href.startsWith(o));
      }
      if (!fine) problems.push(`${where}: script ${JSON.stringify((src ?? el.textContent ?? "").slice(0, 80))}`);
    }
    if (tag === "link" && (el.getAttribute("rel") !== "stylesheet" || el.getAttribute("href") !== "taskpane.css")) problems.push(`${where}: link ${el.getAttribute("rel")} ${el.getAttribute("href")}`);
    if (tag === "meta" && inBody) problems.push(`${where}: meta in the body`);
  }
  const app = document.getElementById("app");
  const preview = document.querySelector<HTMLTextAreaElement>("[data-report-preview]");
  const canary = window.__xss ?? [];
  const csp = window.__cspViolations ?? [];
  const regions: Record<string, string> = {};
  for (const [name, selector] of Object.entries(rules.regions)) regions[name] = Array.from(document.querySelectorAll(selector), (e) => e.textContent ?? "").join("\n");
  return {
    regions,
    state: app?.dataset.state ?? "",
    check: Number(app?.dataset.check ?? 0),
    problems,
    text: app?.textContent ?? "",
    preview: preview?.value ?? "",
    canary: canary.slice(rules.seen.canary),
    csp: csp.slice(rules.seen.csp),
  };
}

export interface DemoInspection {
  readonly problems: string[];
  /** Text of each region (selector → text of every match, joined); "log" is the call log lines this mail added. */
  readonly regions: Record<string, string>;
  readonly canary: { args: string[]; where: string }[];
  readonly csp: string[];
  /** Lines in the call log so far. */
  readonly calls: number;
}

/** Runs in the demo host's page. */
export function inspectDemo(input: { readonly regions: Readonly<Record<string, string>>; readonly seen: { readonly canary: number; readonly csp: number; readonly calls: number } }): DemoInspection {
  const { seen } = input;
  const problems: string[] = [];
  const origin = window.__ctmOrigin;
  if (!origin) problems.push("the probes are not installed in the demo host");
  for (const el of Array.from(document.querySelectorAll("*"))) {
    const provenance = origin ? origin(el) : "made";
    if (provenance === "other") problems.push(`<${el.localName}>: not made by the demo host (parsed from markup after load)`);
    for (const attr of Array.from(el.attributes)) if (attr.name.toLowerCase().startsWith("on")) problems.push(`<${el.localName}>: event-handler attribute ${attr.name}`);
  }
  const textOnly = ["#msg-subject", "#msg-from", "#msg-to", "#msg-date", "#msg-error", "#draft-to", "#draft-subject", "#draft-attachments", "#draft-body"];
  for (const selector of textOnly) {
    const el = document.querySelector(selector);
    if (el && el.children.length > 0) problems.push(`${selector}: holds elements (${Array.from(el.children, (c) => c.localName).join(", ")})`);
  }
  for (const li of Array.from(document.querySelectorAll("#msg-attachments li, #notification-bar li, #calls li"))) {
    if (li.children.length > 0) problems.push(`${li.parentElement?.id ?? "?"} li: holds elements`);
  }
  const frames = Array.from(document.querySelectorAll("#msg-body iframe"));
  for (const frame of frames) {
    if (frame.getAttribute("sandbox") !== "") problems.push(`reading pane iframe: sandbox=${JSON.stringify(frame.getAttribute("sandbox"))}`);
  }
  const bodyChildren = Array.from(document.querySelector("#msg-body")?.children ?? []);
  for (const child of bodyChildren) if (child.localName !== "iframe" && child.localName !== "pre") problems.push(`#msg-body: <${child.localName}>`);
  for (const pre of Array.from(document.querySelectorAll("#msg-body pre"))) if (pre.children.length > 0) problems.push("#msg-body pre: holds elements");
  const calls = Array.from(document.querySelectorAll("#calls li"));
  const regions: Record<string, string> = {};
  for (const [name, selector] of Object.entries(input.regions)) regions[name] = Array.from(document.querySelectorAll(selector), (e) => e.textContent ?? "").join("\n");
  // The log is newest first: the lines this mail added.
  regions.log = calls.slice(0, Math.max(0, calls.length - seen.calls)).map((li) => li.textContent ?? "").join("\n");
  const frame = document.querySelector<HTMLIFrameElement>("#msg-body iframe");
  regions["reading-pane"] = frame?.srcdoc ?? "";
  return {
    problems,
    regions,
    canary: (window.__xss ?? []).slice(seen.canary),
    csp: (window.__cspViolations ?? []).slice(seen.csp),
    calls: calls.length,
  };
}
