import type { LinkInfo, LinkTarget } from "../analysis.js";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import type { Limits } from "../options.js";
import type { MessageSnapshot } from "../snapshot.js";
import type { Timed } from "../timing.js";
import { htmlExtent, scanHtml } from "./html.js";
import { buildLink, type RawLink } from "./link.js";
import { parseHref } from "./target.js";
import { findTextUrls } from "./text-urls.js";
import { opaqueWrapperOf } from "./unwrap.js";

export interface FormFact {
  /** The form's action as written ("" when absent: submits to the page itself). */
  readonly action: string;
  readonly method: string;
  /** Contains an <input type="password">: a credential harvest inside the mail. */
  readonly hasPasswordField: boolean;
  /** Where the form submits, resolved like a link; absent when it has no action. */
  readonly target?: LinkTarget;
  /** Fields that take typed data (text-like inputs, textarea), password fields included. */
  readonly dataFields: number;
}

/** What the bodies contain, from one parse of each. */
export interface BodyFacts {
  readonly links: readonly LinkInfo[];
  readonly forms: readonly FormFact[];
  /** Targets of <meta http-equiv="refresh" content="0; url=...">. */
  readonly metaRefreshTargets: readonly string[];
  /** href values of <base> elements. */
  readonly baseHrefs: readonly string[];
  /** True when the mail has an HTML body (plain-text rules then look at the text part only if there is no HTML). */
  readonly hasHtml: boolean;
  /** The base URL relative links were resolved against (the first absolute <base href>), when there is one. */
  readonly base?: string;
  /** Indexes into `links` of links whose destination the <base> decided (relative hrefs). */
  readonly baseResolvedLinks: readonly number[];
  /**
   * Links whose real destination a rewriting service keeps on its own server (Mimecast URL
   * Protect): the mail cannot tell where they go, and the rules do not guess.
   */
  readonly opaqueLinks: readonly { readonly index: number; readonly wrapper: string }[];
}

const EMPTY: BodyFacts = { links: [], forms: [], metaRefreshTargets: [], baseHrefs: [], hasHtml: false, baseResolvedLinks: [], opaqueLinks: [] };

function opaqueLinksOf(links: readonly LinkInfo[]): BodyFacts["opaqueLinks"] {
  const out: { index: number; wrapper: string }[] = [];
  links.forEach((link, index) => {
    const wrapper = opaqueWrapperOf((link.unwrapped ?? link.target).url);
    if (wrapper !== undefined) out.push({ index, wrapper });
  });
  return out;
}

/** The first <base href> that is an absolute URL: the document base URL (HTML §2.4.1). A relative one has nothing to resolve against in a mail. */
function baseUrlOf(baseHrefs: readonly string[]): URL | undefined {
  const first = baseHrefs[0];
  if (first === undefined) return undefined;
  try {
    return new URL(first.trim());
  } catch {
    return undefined;
  }
}

/**
 * Extracts links, forms, meta refresh and <base> from the mail: the HTML body when there is one
 * (one parse5 parse), otherwise URLs in the plain-text body. An HTML mail's text part is an
 * alternative rendering of the same content (RFC 2046 §5.1.4) and is not what the person sees.
 */
export function extractBody(
  snapshot: MessageSnapshot,
  limits: Limits,
  report: (d: Diagnostic) => void,
  timed: Timed = (_stage, compute) => compute(),
): BodyFacts {
  if (snapshot.available.body === false) {
    report(diagnostic("NO_BODY", "warning"));
    return EMPTY;
  }
  const html = snapshot.html ?? "";
  if (html.trim() !== "") return extractHtml(html, limits, report, timed);
  const text = snapshot.text ?? "";
  if (text.trim() !== "") return extractText(text, limits, report);
  return EMPTY;
}

function extractHtml(full: string, limits: Limits, report: (d: Diagnostic) => void, timed: Timed): BodyFacts {
  let html = full.length > limits.maxHtmlChars ? full.slice(0, limits.maxHtmlChars) : full;
  // Every node takes at least two characters: a shorter page (nearly every mail) is not counted.
  if (html.length > 2 * limits.maxHtmlNodes) html = html.slice(0, htmlExtent(html, limits.maxHtmlNodes).end);
  // The limit reported is what was read, whichever limit cut it (characters or nodes).
  if (html.length < full.length) report(diagnostic("HTML_TOO_LARGE", "warning", { limit: html.length }));
  const scan = timed("html", () => scanHtml(html, limits.maxLinks));
  if (scan.truncated) report(diagnostic("TOO_MANY_LINKS", "warning", { limit: limits.maxLinks }));
  const base = baseUrlOf(scan.baseHrefs);
  const links: LinkInfo[] = [];
  const baseResolvedLinks: number[] = [];
  for (const raw of scan.links) {
    const built = buildLink(raw, base, report);
    if (built.viaBase) baseResolvedLinks.push(links.length);
    links.push(built.link);
  }
  const forms = scan.forms.map((form) => {
    const fact: FormFact = { action: form.action, method: form.method, hasPasswordField: form.hasPasswordField, dataFields: form.dataFields };
    if (form.action.trim() === "") return fact;
    return { ...fact, target: parseHref(form.action, base).target };
  });
  const facts: BodyFacts = {
    links,
    forms,
    metaRefreshTargets: scan.metaRefreshTargets,
    baseHrefs: scan.baseHrefs,
    hasHtml: true,
    baseResolvedLinks,
    opaqueLinks: opaqueLinksOf(links),
  };
  return base ? { ...facts, base: base.href } : facts;
}

function extractText(text: string, limits: Limits, report: (d: Diagnostic) => void): BodyFacts {
  const found = findTextUrls(text, limits.maxLinks);
  if (found.truncated) report(diagnostic("TOO_MANY_LINKS", "warning", { limit: limits.maxLinks }));
  const links = found.urls.map((url) => {
    const raw: RawLink = { source: "text", element: "text", text: url.text, image: false, href: url.text };
    return buildLink(raw, undefined, report).link;
  });
  return { ...EMPTY, links, opaqueLinks: opaqueLinksOf(links) };
}
