/**
 * One parse5 parse of the HTML body and one walk over the tree: links, forms, meta refresh and
 * <base>. parse5 builds the same tree a browser would (HTML Living Standard tree construction),
 * so hrefs hidden by broken markup are found where Outlook's renderer would find them. Nothing
 * here renders, runs or re-serialises the mail's HTML.
 */
import { parse, type DefaultTreeAdapterTypes } from "parse5";
import type { RawLink } from "./link.js";
import { isAsciiLetter } from "../text/ascii.js";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

export interface RawForm {
  readonly action: string;
  readonly method: string;
  hasPasswordField: boolean;
  /** Fields a person types data into (text-like inputs, textarea); a <select> only offers the sender's own choices. */
  dataFields: number;
}

/** <input> types that carry no typed data: hidden values and buttons, choices and file pickers aside. */
const NON_DATA_INPUTS = new Set(["hidden", "submit", "button", "image", "reset", "checkbox", "radio", "file"]);

export interface HtmlScan {
  readonly links: RawLink[];
  readonly forms: RawForm[];
  /** Raw URLs of <meta http-equiv="refresh">, in order. */
  readonly metaRefreshTargets: string[];
  /** href values of every <base href>, in order (the first one is the one browsers use). */
  readonly baseHrefs: string[];
  /** More links than `maxLinks` were present (only the first ones are kept). */
  truncated: boolean;
}

/** Raw link text gathered per link before collapsing; the shown text is clipped far below this. */
const MAX_RAW_TEXT = 4000;

function attr(element: Element, name: string): string | undefined {
  for (const a of element.attrs) if (a.name === name) return a.value;
  return undefined;
}

/**
 * Content a person does not see: the `hidden` attribute, or an inline style with display:none,
 * visibility:hidden or font-size:0 (all used to pad link text with invisible words). Only inline
 * styles are read — style sheets would need a CSS engine.
 */
export function isHidden(element: Element): boolean {
  const attrs = element.attrs;
  let style: string | undefined;
  for (let i = 0; i < attrs.length; i++) {
    const name = attrs[i]!.name;
    if (name === "hidden") return true;
    if (name === "style") style ??= attrs[i]!.value;
  }
  // Most styles hide nothing: only a style naming one of the values below is read closely.
  if (!style || !MAY_HIDE.test(style)) return false;
  const compact = style.toLowerCase().replace(/\s+/g, "");
  if (compact.includes("display:none") || compact.includes("visibility:hidden")) return true;
  const at = compact.indexOf("font-size:0");
  if (at < 0) return false;
  const next = compact[at + "font-size:0".length];
  return next === undefined || !/[\d.]/.test(next);
}

/** Words every hiding style below contains. */
const MAY_HIDE = /none|hidden|size/i;

const ASCII_SPACE = " \t\n\f\r";

/**
 * The URL of a refresh declaration ("5; url='https://…'"), or null when it has none — the
 * "shared declarative refresh steps" of the HTML standard, as a loop.
 */
export function refreshUrl(content: string): string | null {
  let i = 0;
  const skipSpace = (): void => {
    while (i < content.length && ASCII_SPACE.includes(content[i]!)) i++;
  };
  skipSpace();
  const timeStart = i;
  while (i < content.length && /[\d.]/.test(content[i]!)) i++;
  if (i === timeStart) return null;
  skipSpace();
  if (content[i] === ";" || content[i] === ",") i++;
  skipSpace();
  if (i >= content.length) return null;
  if (content.slice(i, i + 3).toLowerCase() === "url") {
    const save = i;
    i += 3;
    skipSpace();
    if (content[i] === "=") {
      i++;
      skipSpace();
    } else {
      i = save;
    }
  }
  let url = content.slice(i);
  const quote = url[0];
  if (quote === '"' || quote === "'") {
    const close = url.indexOf(quote, 1);
    url = url.slice(1, close < 0 ? url.length : close);
  }
  url = url.trim();
  return url === "" ? null : url;
}

/** What a node inherits from its ancestors. Shared by siblings: a new one only where something changes. */
interface Inherited {
  readonly hidden: boolean;
  readonly link?: PendingLink;
  readonly form?: RawForm;
}

const DOCUMENT: Inherited = { hidden: false };

interface PendingLink {
  readonly element: string;
  readonly href: string;
  text: string;
  image: boolean;
  alt?: string;
}

/** Elements whose content is never shown (script is not run in mail; template content is inert). */
const SKIPPED = new Set(["script", "style", "template", "title"]);

const HASH = 0x23;
const LT = 0x3c;
const GT = 0x3e;
const EQUALS = 0x3d;

function isHtmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/**
 * Where to cut `html` so that parse5 gets at most `maxNodes` nodes to build. parse5's cost
 * follows what it builds, not the characters (measured: 1–5 µs per element or attribute, more
 * when elements nest — 2 MB of "<font><p>" take two seconds — and 0.3–0.7 µs per word of text),
 * so one pass counts in the manner of its tokenizer: a start tag ("<" then an ASCII letter), an
 * attribute, and a comment, doctype or bogus comment ("<!", "<?", read whole to their end) are a
 * node each; a word of text an eighth of one. Quoted attribute values are skipped whole. `end` is
 * the length to keep; `nodes` how many it holds. Every node takes at least two characters ("<a",
 * "a "), so a page of at most 2 × maxNodes characters never needs cutting (see extract.ts).
 */
export function htmlExtent(html: string, maxNodes: number): { readonly end: number; readonly nodes: number } {
  const budget = maxNodes * 8;
  let cost = 0;
  let inTag = false;
  let afterSpace = true;
  let afterEquals = false;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === LT && !inTag) {
      const next = html.charCodeAt(i + 1);
      const letter = isAsciiLetter(next);
      if (letter || next === 0x21 || next === 0x3f) {
        cost += 8;
        if (cost > budget) return { end: i, nodes: Math.floor((cost - 8) / 8) };
        afterSpace = false;
        afterEquals = false;
        if (letter) {
          inTag = true;
          continue;
        }
        // A comment runs to "-->", a doctype, CDATA or bogus comment ("<?") to ">": one token each.
        const comment = html.startsWith("<!--", i);
        const close = html.indexOf(comment ? "-->" : ">", i + (comment ? 4 : 2));
        i = close < 0 ? html.length : close + (comment ? 2 : 0);
        afterSpace = true;
        continue;
      }
    }
    if (inTag) {
      if (c === GT) {
        inTag = false;
        afterSpace = true;
        continue;
      }
      if ((c === 0x22 || c === 0x27) && afterEquals) {
        const close = html.indexOf(c === 0x22 ? '"' : "'", i + 1);
        i = close < 0 ? html.length : close;
        afterEquals = false;
        afterSpace = false;
        continue;
      }
    }
    const space = isHtmlSpace(c);
    if (!space && afterSpace) {
      cost += inTag ? 8 : 1;
      if (cost > budget) return { end: i, nodes: Math.floor(cost / 8) };
    }
    if (!space) afterEquals = c === EQUALS;
    afterSpace = space;
  }
  return { end: html.length, nodes: Math.ceil(cost / 8) };
}

/**
 * Walks the parsed document in tree order with an explicit stack (a mail of 100,000 nested
 * <div>s must not overflow the call stack).
 */
export function scanHtml(html: string, maxLinks: number): HtmlScan {
  // scriptingEnabled: false — mail clients run no script, so <noscript> content is what shows.
  const root = parse(html, { scriptingEnabled: false });
  const scan: HtmlScan = { links: [], forms: [], metaRefreshTargets: [], baseHrefs: [], truncated: false };
  const order: (PendingLink | { form: RawForm; action: string } | { meta: string })[] = [];

  // Two parallel stacks, so that pushing a child allocates nothing.
  const nodes: Node[] = [root];
  const inherited: Inherited[] = [DOCUMENT];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const outer = inherited.pop()!;
    let { hidden, link, form } = outer;

    // Node kinds by nodeName ("#text", "#document", …; an element's is its tag name): one string
    // test instead of property probes on nodes of five different shapes.
    const nodeName = node.nodeName;
    if (nodeName === "#text") {
      if (link && !hidden && link.text.length < MAX_RAW_TEXT) link.text += (node as DefaultTreeAdapterTypes.TextNode).value;
      continue;
    }
    if (nodeName.charCodeAt(0) !== HASH) {
      const element = node as Element;
      const tag = element.tagName;
      if (SKIPPED.has(tag)) continue;
      if (isHidden(element)) hidden = true;
      switch (tag) {
        case "a":
        case "area": {
          const href = attr(element, "href");
          if (href !== undefined && isNavigable(href)) {
            const entry: PendingLink = { element: tag, href, text: "", image: tag === "area" };
            if (tag === "area") entry.alt = attr(element, "alt");
            order.push(entry);
            link = entry;
          }
          break;
        }
        case "img":
        case "svg":
          if (link && !hidden) {
            link.image = true;
            const alt = tag === "img" ? attr(element, "alt") : undefined;
            if (link.alt === undefined && alt !== undefined && alt.trim() !== "") link.alt = alt;
          }
          break;
        case "form": {
          const raw: RawForm = {
            action: attr(element, "action") ?? "",
            method: (attr(element, "method") ?? "get").trim().toLowerCase(),
            hasPasswordField: false,
            dataFields: 0,
          };
          // Forms count against the link limit too: each costs a URL parse, and a hostile page can hold thousands.
          if (scan.forms.length < maxLinks) {
            scan.forms.push(raw);
            if (raw.action.trim() !== "") order.push({ form: raw, action: raw.action });
          } else scan.truncated = true;
          form = raw;
          break;
        }
        case "input": {
          if (!form) break;
          const type = (attr(element, "type") ?? "text").trim().toLowerCase();
          if (type === "password") form.hasPasswordField = true;
          if (!NON_DATA_INPUTS.has(type)) form.dataFields++;
          break;
        }
        case "textarea":
          if (form) form.dataFields++;
          break;
        case "meta":
          if ((attr(element, "http-equiv") ?? "").trim().toLowerCase() === "refresh") {
            const url = refreshUrl(attr(element, "content") ?? "");
            if (url !== null) {
              scan.metaRefreshTargets.push(url);
              order.push({ meta: url });
            }
          }
          break;
        case "base": {
          const href = attr(element, "href");
          if (href !== undefined) scan.baseHrefs.push(href);
          break;
        }
        default:
          break;
      }
    }
    else if (nodeName !== "#document" && nodeName !== "#document-fragment") continue;
    const children = (node as Element).childNodes;
    const inner = hidden === outer.hidden && link === outer.link && form === outer.form ? outer : { hidden, link, form };
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      const childName = child.nodeName;
      // Only text inside a shown link is read; comments and doctypes are nothing to walk.
      if (childName === "#text" ? !link || hidden : childName === "#comment" || childName === "#documentType") continue;
      nodes.push(child);
      inherited.push(inner);
    }
  }

  for (const item of order) {
    if (scan.links.length >= maxLinks) {
      scan.truncated = true;
      break;
    }
    if ("meta" in item) scan.links.push({ source: "html", element: "meta", text: "", image: false, href: item.meta });
    else if ("form" in item) scan.links.push({ source: "html", element: "form", text: "", image: false, href: item.action });
    else scan.links.push({ source: "html", element: item.element, text: item.text, image: item.image, alt: item.alt, href: item.href });
  }
  return scan;
}

/** In-page anchors ("#top") and empty hrefs go nowhere; everything else is a link. */
function isNavigable(href: string): boolean {
  const trimmed = href.trim();
  return trimmed !== "" && !trimmed.startsWith("#");
}
