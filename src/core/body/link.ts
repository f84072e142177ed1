/** One link as the rules see it: shown text classified, target resolved, wrappers unwrapped. */
import type { LinkInfo, LinkSource, LinkTarget, ShownKind } from "../analysis.js";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { classifyShownText, clip, collapseWhitespace } from "./shown.js";
import { cleanHref, parseHref, schemeOf } from "./target.js";
import { mayBeWrapper, unwrap } from "./unwrap.js";

export interface RawLink {
  readonly source: LinkSource;
  readonly element: string;
  /** Visible text, not yet collapsed. */
  readonly text: string;
  /** The link shows an image (and no text). */
  readonly image: boolean;
  /** alt text of the first image that has one. */
  readonly alt?: string;
  readonly href: string;
}

export interface BuiltLink {
  readonly link: LinkInfo;
  /** The href was relative and <base href> decided where it goes. */
  readonly viaBase: boolean;
}

function shownOf(raw: RawLink): Pick<LinkInfo, "shownText" | "shownKind" | "shownHost" | "shownRegistrableDomain"> {
  const text = collapseWhitespace(raw.text);
  if (text !== "") {
    const shown = classifyShownText(text);
    const kind: ShownKind = shown.kind;
    const out: { shownText: string; shownKind: ShownKind; shownHost?: string; shownRegistrableDomain?: string } = {
      shownText: clip(text),
      shownKind: kind,
    };
    if (shown.host) out.shownHost = shown.host;
    if (shown.registrableDomain) out.shownRegistrableDomain = shown.registrableDomain;
    return out;
  }
  if (raw.image) return { shownText: clip(collapseWhitespace(raw.alt ?? "")), shownKind: "image" };
  return { shownText: "", shownKind: "empty" };
}

function unparsed(report: (d: Diagnostic) => void, href: string): void {
  report(diagnostic("URL_UNPARSED", "warning", { value: href }, href));
}

/** Wrapper chain → the innermost target the mail reveals (see unwrap.ts). */
function unwrappedOf(target: LinkTarget, href: string, report: (d: Diagnostic) => void): LinkInfo["unwrapped"] {
  if (target.host === null || !mayBeWrapper(target.host)) return undefined;
  // The href as written when absolute (Proofpoint v3 embeds the URL verbatim in the path); the
  // resolved URL when the href was relative.
  const result = unwrap(schemeOf(href) !== "" ? href : target.url);
  if (!result) return undefined;
  if (result.inner === undefined) return undefined;
  const inner = parseHref(result.inner, undefined);
  if (!inner.parsed) {
    unparsed(report, result.inner);
    return undefined;
  }
  // An opaque innermost wrapper (Safe Links around Mimecast) still counts: its target is the
  // Mimecast link, and the rules know Mimecast hides the destination.
  const wrappers = result.opaque ? result.wrappers.slice(0, -1) : result.wrappers;
  return { ...inner.target, wrapper: wrappers.join(" → ") };
}

export function buildLink(raw: RawLink, base: URL | undefined, report: (d: Diagnostic) => void): BuiltLink {
  const parsed = parseHref(raw.href, base);
  if (!parsed.parsed) unparsed(report, raw.href);
  const shown = shownOf(raw);
  const link: LinkInfo = {
    source: raw.source,
    element: raw.element,
    ...shown,
    href: raw.href,
    target: parsed.target,
  };
  const unwrapped = unwrappedOf(parsed.target, parsed.viaBase ? parsed.target.url : cleanHref(raw.href), report);
  return { link: unwrapped ? { ...link, unwrapped } : link, viaBase: parsed.viaBase };
}
