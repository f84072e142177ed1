/**
 * The text a person read in an HTML mail, for item 4 of the report: paragraphs and line breaks
 * kept, hidden content and scripts/styles left out, and each link's real target written after
 * its words ("こちら <http://203.0.113.7/…>") — the desk must see where a link went, not only
 * what it said. Nothing is rendered or run: parse5 builds the tree a browser would, and one walk
 * with an explicit stack reads it (100,000 nested elements must not overflow the call stack).
 */
import { parse, type DefaultTreeAdapterTypes } from "parse5";
import { isHidden } from "../body/html.js";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Never shown: not run in mail, inert, or the document's metadata. */
const SKIPPED = new Set(["script", "style", "template", "title", "head"]);

/** Elements that start on a line of their own (CSS display: block and friends in the UA style sheet). */
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
  "section", "table", "tr", "ul", "body", "html",
]);

/** Before and after these, a blank line (paragraph spacing), so the structure survives as text. */
const PARAGRAPHS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol"]);

/** Where the rendering breaks the line (a block's edge) or leaves a blank line (a paragraph's edge). */
const BREAK = 1;
const PARAGRAPH = 2;
/** A <br>: a line break, or a blank line when the line is already empty ("<br><br>" spaces paragraphs). */
const LINE_BREAK = 3;
type Piece = string | typeof BREAK | typeof PARAGRAPH | typeof LINE_BREAK;

type Frame =
  | { readonly node: Node; readonly pre: boolean }
  | { readonly close: Piece | null; readonly linkHref?: string; readonly linkStart?: number };

function attr(element: Element, name: string): string | undefined {
  for (const a of element.attrs) if (a.name === name) return a.value;
  return undefined;
}

/** HTML whitespace (ASCII space, tab, LF, FF, CR) collapsed to one space, as CSS white-space: normal renders it. */
function collapse(text: string): string {
  let out = "";
  let space = false;
  for (const c of text) {
    if (c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f") space = true;
    else {
      if (space) out += " ";
      space = false;
      out += c;
    }
  }
  return space ? `${out} ` : out;
}

/** The pieces as lines: each trimmed, empty ones dropped, one blank line where a paragraph ends or starts. */
function assemble(pieces: readonly Piece[]): string {
  const lines: string[] = [];
  let current = "";
  let blank = false;
  const endLine = (): void => {
    const line = current.trim();
    current = "";
    if (line === "") return;
    if (blank && lines.length > 0) lines.push("");
    blank = false;
    lines.push(line);
  };
  for (const piece of pieces) {
    if (piece === BREAK) endLine();
    else if (piece === PARAGRAPH) {
      endLine();
      blank = true;
    } else if (piece === LINE_BREAK) {
      if (current.trim() === "") blank = true;
      else endLine();
    } else {
      // Text of a <pre> keeps its own line ends.
      const parts = piece.split("\n");
      parts.forEach((part, i) => {
        if (i > 0) endLine();
        current += part;
      });
    }
  }
  endLine();
  return lines.join("\n");
}

/**
 * The text of `html`, at most about `maxChars` characters (the walk stops once past it, so a
 * huge body costs only the parse).
 */
export function htmlToText(html: string, maxChars: number): string {
  // scriptingEnabled: false — mail clients run no script, so <noscript> content is what shows.
  const root = parse(html, { scriptingEnabled: false });
  const pieces: Piece[] = [];
  let length = 0;
  const emit = (piece: Piece): void => {
    pieces.push(piece);
    if (typeof piece === "string") length += piece.length;
  };
  const stack: Frame[] = [{ node: root, pre: false }];
  while (stack.length > 0 && length <= maxChars) {
    const frame = stack.pop()!;
    if ("close" in frame) {
      if (frame.linkHref !== undefined && frame.linkStart !== undefined) {
        const words = pieces.slice(frame.linkStart).filter((p): p is string => typeof p === "string");
        const shown = collapse(words.join("")).trim();
        const href = frame.linkHref.trim();
        if (shown !== href && `mailto:${shown}` !== href) emit(` <${href}>`);
      }
      if (frame.close !== null) emit(frame.close);
      continue;
    }
    const { node, pre } = frame;
    if (node.nodeName === "#text") {
      const value = (node as DefaultTreeAdapterTypes.TextNode).value;
      emit(pre ? value : collapse(value));
      continue;
    }
    if (!("childNodes" in node)) continue;
    let insidePre = pre;
    if ("tagName" in node) {
      const tag = node.tagName;
      if (SKIPPED.has(tag) || isHidden(node)) continue;
      if (tag === "br") {
        emit(LINE_BREAK);
        continue;
      }
      if (tag === "img") {
        const alt = (attr(node, "alt") ?? "").trim();
        if (alt !== "") emit(`[${collapse(alt)}]`);
        continue;
      }
      if (tag === "pre") insidePre = true;
      const edge: Piece | null = PARAGRAPHS.has(tag) ? PARAGRAPH : BLOCKS.has(tag) ? BREAK : tag === "td" || tag === "th" ? " " : null;
      if (edge !== null) emit(edge);
      if (tag === "li") emit("- ");
      const href = tag === "a" || tag === "area" ? attr(node, "href") : undefined;
      const navigable = href !== undefined && href.trim() !== "" && !href.trim().startsWith("#");
      stack.push(navigable ? { close: edge, linkHref: href, linkStart: pieces.length } : { close: edge });
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, pre: insidePre });
  }
  return assemble(pieces);
}

/**
 * Line ends made LF, every line trimmed (only at its end with `keepIndent`, for a text part whose
 * indentation the sender wrote), leading and trailing blank lines dropped, and at most one blank
 * line in a row.
 */
export function tidy(text: string, keepIndent = false): string {
  const lines: string[] = [];
  let blank = 0;
  for (const raw of text.replaceAll("\r\n", "\n").replaceAll("\r", "\n").split("\n")) {
    const line = keepIndent ? raw.trimEnd() : raw.trim();
    if (line === "") {
      blank++;
      continue;
    }
    if (lines.length > 0 && blank > 0) lines.push("");
    blank = 0;
    lines.push(line);
  }
  return lines.join("\n");
}
