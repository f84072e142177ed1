/**
 * The mail's HTML as the demo's reading pane shows it: a document that asks the network for
 * nothing, not even a DNS look-up. The frame's sandbox and CSP stop loads, but not what happens
 * before a load: Chromium resolves and connects for <link rel=dns-prefetch|preconnect>, resolves
 * the host of a frame its policy then blocks, preconnects when a link is pressed, and a
 * target=_self link still navigates the frame. Each tells the sender the mail was opened.
 *
 * So the HTML is parsed by DOMParser into an inert document (no script, no load, no prefetch;
 * in the demo, the DOMParser of a frame that cannot run script at all), everything that can
 * reach the network is taken out, and the result is written back as markup for the frame's
 * srcdoc. The frame parses that markup again; the markup is only handed over once parsing it
 * again leaves nothing to take out, so a tree that changes shape when re-parsed (mutation XSS)
 * cannot bring back what was removed.
 */

/** The reading pane's own policy: its styles, inline images; nothing remote. */
export const READING_PANE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; media-src data:";

/**
 * The frame document's head, before anything of the mail's: the policy (first, so it applies
 * before the mail's markup), DNS prefetching off, a <base> that keeps anything still clickable
 * from navigating the frame itself, and links (now inert) still looking like links.
 */
const PROLOGUE = [
  `<meta http-equiv="Content-Security-Policy" content="${READING_PANE_CSP}">`,
  `<meta http-equiv="x-dns-prefetch-control" content="off">`,
  `<base target="_blank">`,
  `<style>a[data-href], area[data-href] { color: LinkText; text-decoration: underline; cursor: default; }</style>`,
].join("");
const PROLOGUE_ELEMENTS = ["meta", "meta", "base", "style"];

/**
 * Elements removed with their content: hints and resources (link, meta, base), frames and
 * plug-ins (the host of a frame is resolved even when the policy blocks it), script (including
 * speculation rules), template (a declarative shadow root in the frame's parse would bring its
 * content to life where DOMParser left it inert), and SVG animation, which can write an href
 * after the fact.
 */
const REMOVED = new Set([
  "link", "meta", "base", "script", "template",
  "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe",
  "set", "animate", "animatemotion", "animatetransform", "animatecolor",
]);

/** Attributes that name a URL (xlink:href's local name is href). */
const URL_ATTRIBUTES = new Set([
  "href", "src", "srcset", "imagesrcset", "srcdoc", "action", "formaction", "poster", "background", "data", "codebase",
  "classid", "archive", "cite", "longdesc", "ping", "manifest", "lowsrc", "dynsrc", "profile", "icon", "attributionsrc",
]);

/** Kept when inline: the one kind of image the policy lets the frame show. */
const INLINE_KEPT = new Set(["src", "poster", "background"]);
const isInline = (value: string): boolean => /^\s*data:/i.test(value);
/** A reference inside the document (an SVG gradient, a <use>): no network. */
const isFragment = (value: string): boolean => value.trim().startsWith("#");

const isLink = (e: Element): boolean => e.localName === "a" || e.localName === "area";

/**
 * Takes out of `doc` what can reach the network, but the first `keep` elements of its head (the
 * prologue); a link's target moves to data-href (shown on hover as its title), so the reader
 * still sees where it pointed and a click goes nowhere. Returns whether anything changed.
 */
function strip(doc: Document, keep: ReadonlySet<Element>): boolean {
  let changed = false;
  for (const e of Array.from(doc.querySelectorAll("*"))) {
    if (keep.has(e) || !e.isConnected) continue;
    if (REMOVED.has(e.localName.toLowerCase())) {
      e.remove();
      changed = true;
      continue;
    }
    for (const attribute of Array.from(e.attributes)) {
      const name = attribute.localName.toLowerCase();
      if (!URL_ATTRIBUTES.has(name)) continue;
      const value = attribute.value;
      if (INLINE_KEPT.has(name) && isInline(value)) continue;
      if (name === "href" && !isLink(e) && isFragment(value)) continue;
      e.removeAttributeNode(attribute);
      changed = true;
      if (name === "href" && isLink(e)) {
        e.setAttribute("data-href", value);
        if (!e.hasAttribute("title")) e.setAttribute("title", value);
      }
    }
  }
  return changed;
}

/**
 * A DOMParser of a hidden frame that can run no script (sandbox without allow-scripts), so the
 * mail's markup only ever becomes elements in a realm where none of it can run. Chromium looks at
 * every event-handler attribute as it is parsed, even in DOMParser's inert document; in the
 * demo's own window each one would be weighed (and refused) against the page's CSP.
 */
export function scriptlessParser(parent: HTMLElement): (markup: string) => Document {
  let frame: HTMLIFrameElement | undefined;
  return (markup) => {
    if (!frame?.contentWindow) {
      frame = document.createElement("iframe");
      frame.setAttribute("sandbox", "allow-same-origin");
      frame.setAttribute("aria-hidden", "true");
      frame.hidden = true;
      frame.tabIndex = -1;
      parent.append(frame);
    }
    const realm = frame.contentWindow as (Window & typeof globalThis) | null;
    if (!realm) throw new Error("the parser frame has no window");
    return new realm.DOMParser().parseFromString(markup, "text/html");
  };
}

/** Parsing and writing back run this often at most; mail that never settles is not shown. */
const MAX_ROUNDS = 4;

/**
 * The srcdoc of the reading pane for the mail's `html`: the prologue, then the mail's document
 * with everything that could reach the network taken out. `parse` is a DOMParser's: this
 * window's by default, scriptlessParser's in the demo.
 */
export function readingPaneDocument(html: string, parse: (markup: string) => Document = (m) => new DOMParser().parseFromString(m, "text/html")): string {
  let mail = html;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const source = PROLOGUE + mail;
    const doc = parse(source);
    // The prologue comes before any of the mail's bytes, so it parses the same every time.
    const prologue = Array.from(doc.head.children).slice(0, PROLOGUE_ELEMENTS.length);
    if (prologue.some((e, i) => e.localName !== PROLOGUE_ELEMENTS[i])) return PROLOGUE;
    if (!strip(doc, new Set(prologue))) return source;
    for (const e of prologue) e.remove();
    // The stripped tree as markup; the next round parses it after the prologue again and checks.
    // eslint-disable-next-line no-restricted-properties -- serialising the stripped, inert document for the sandboxed frame
    mail = doc.documentElement.outerHTML;
  }
  return PROLOGUE;
}
