/**
 * The only way the pane builds DOM: elements from a fixed list of tags, attributes checked by
 * name, and text set as text nodes. Mail content is written by the attacker, so it must never
 * become markup: there is no innerHTML, insertAdjacentHTML or outerHTML anywhere in the view,
 * no event-handler attributes, no style attribute (a strict CSP forbids them anyway) and no URL
 * attributes except an `href` to the geolocation attribution page or to an anchor in the page.
 * Mail links are shown as text, never made clickable.
 *
 * A refusal throws: it is a programming error in the view, never something mail can cause
 * (mail text only ever reaches `textContent`).
 */
import { GEO_ATTRIBUTION } from "../../core/geo/index.js";

/**
 * Tags the view may create. No script, style, link, img, iframe, form, object, svg... The report
 * form (report-form.ts) uses fieldset, legend, label, input, textarea and pre without a <form>:
 * nothing is ever submitted by the browser (the CSP says form-action 'none' too); the pane reads
 * the controls' values itself.
 */
const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  "a", "article", "aside", "button", "caption", "code", "dd", "details", "div", "dl", "dt", "em",
  "fieldset", "footer", "h1", "h2", "h3", "h4", "header", "input", "label", "legend", "li", "mark",
  "nav", "ol", "p", "pre", "section", "small", "span", "strong", "summary", "table", "tbody", "td",
  "textarea", "th", "thead", "time", "tr", "ul", "wbr",
]);

/** Attribute names: lower-case letters, digits and hyphens ("data-rule-id", "aria-live"). */
const ATTRIBUTE_NAME = /^[a-z][a-z\d-]*$/;

/** Attributes that load, run or submit something, or style inline. `on*` is refused separately. */
const FORBIDDEN_ATTRIBUTES: ReadonlySet<string> = new Set([
  "style", "src", "srcset", "srcdoc", "action", "formaction", "background", "poster", "data",
  "codebase", "ping", "download", "xmlns", "is", "http-equiv", "content",
]);

/** Input types of the report form: text and choices (no file, image, submit, password...). */
const INPUT_TYPES: ReadonlySet<string> = new Set(["text", "radio", "checkbox"]);

/** In-page anchors the view itself generates ("#ctm1-finding-LINK_TEXT_MISMATCH"). */
const IN_PAGE_ANCHOR = /^#[a-z][\w-]*$/i;

/** The only external address the pane may link to: DB-IP's page, which its licence requires. */
export function isAllowedHref(value: string): boolean {
  return value === GEO_ATTRIBUTION.url || IN_PAGE_ANCHOR.test(value);
}

export type AttributeValue = string | number | boolean | null | undefined;
export type Attributes = Readonly<Record<string, AttributeValue>>;
/** Children: nodes, or text (set as a text node, never parsed); null/undefined/false are skipped. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

export type ElementBuilder = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Attributes | null,
  ...children: Child[]
) => HTMLElementTagNameMap[K];

function checkAttribute(tag: string, name: string, value: string): void {
  if (!ATTRIBUTE_NAME.test(name)) throw new Error(`h(): attribute name not allowed: ${JSON.stringify(name)}`);
  if (name.startsWith("on")) throw new Error(`h(): event-handler attributes are not allowed (${name}); use addEventListener`);
  if (FORBIDDEN_ATTRIBUTES.has(name)) throw new Error(`h(): attribute not allowed: ${name}`);
  if (tag === "input" && name === "type" && !INPUT_TYPES.has(value)) throw new Error(`h(): input type not allowed: ${JSON.stringify(value)}`);
  if (name === "href" && (tag !== "a" || !isAllowedHref(value))) {
    throw new Error(`h(): href not allowed: ${JSON.stringify(value.slice(0, 80))} (mail links are shown as text)`);
  }
}

/** Appends children in order without recursion depth limits or spread-argument limits. */
function appendChildren(doc: Document, parent: Node, children: readonly Child[]): void {
  const stack: { items: readonly Child[]; next: number }[] = [{ items: children, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.items.length) {
      stack.pop();
      continue;
    }
    const child = top.items[top.next++];
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === "string" || typeof child === "number") parent.appendChild(doc.createTextNode(String(child)));
    else if (Array.isArray(child)) stack.push({ items: child as readonly Child[], next: 0 });
    else parent.appendChild(child as Node);
  }
}

/** An `h(tag, attributes, ...children)` bound to one document. */
export function elementBuilder(doc: Document): ElementBuilder {
  return (tag, attributes, ...children) => {
    if (!ALLOWED_TAGS.has(tag)) throw new Error(`h(): tag not allowed: <${tag}>`);
    const element = doc.createElement(tag);
    if (attributes) {
      for (const [name, raw] of Object.entries(attributes)) {
        if (raw === null || raw === undefined || raw === false) continue;
        const value = raw === true ? "" : String(raw);
        checkAttribute(tag, name, value);
        element.setAttribute(name, value);
      }
    }
    appendChildren(doc, element, children);
    return element;
  };
}

/** A text node (for places where a bare string would be ambiguous). */
export function text(doc: Document, value: string): Text {
  return doc.createTextNode(value);
}
