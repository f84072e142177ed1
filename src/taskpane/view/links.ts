/**
 * The links table: what the mail shows against where each link really goes, the registrable
 * domain in bold, rewritten links (Safe Links, URL Defense...) unwrapped with the wrapper named.
 * Links are text, never clickable. Rows a finding points at come first and are marked; identical
 * links are shown once with a count. Linear in the number of links (one Map, one sort).
 */
import type { Finding, LinkInfo, Severity } from "../../core/analysis.js";
import { UI } from "../../ui/strings.js";
import type { ViewContext } from "./context.js";
import { SEVERITY_RANK, severityBadge } from "./findings.js";
import { mailText, shownWithDomain, urlWithDomain, visiblePieces } from "./text.js";

/** Rows shown before the rest goes behind "show N more". */
export const LINK_ROWS_SHOWN = 25;

interface LinkRow {
  readonly link: LinkInfo;
  count: number;
  /** Highest severity of a links finding whose evidence names this link's URL. */
  flag?: Severity;
}

/** URL → highest severity of the link findings that cite it as evidence. */
function flaggedUrls(findings: readonly Finding[]): Map<string, Severity> {
  const flagged = new Map<string, Severity>();
  for (const finding of findings) {
    if (finding.group !== "links") continue;
    for (const e of finding.evidence) {
      const previous = flagged.get(e.value);
      if (previous === undefined || SEVERITY_RANK[finding.severity] < SEVERITY_RANK[previous]) flagged.set(e.value, finding.severity);
    }
  }
  return flagged;
}

function mostSevere(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return SEVERITY_RANK[a] <= SEVERITY_RANK[b] ? a : b;
}

function rowsOf(links: readonly LinkInfo[], findings: readonly Finding[]): LinkRow[] {
  const flagged = flaggedUrls(findings);
  const rows = new Map<string, LinkRow>();
  for (const link of links) {
    const key = `${link.shownKind}\u0000${link.shownText}\u0000${link.target.url}`;
    const existing = rows.get(key);
    if (existing) {
      existing.count++;
      continue;
    }
    let flag = mostSevere(flagged.get(link.target.url), flagged.get(link.href));
    if (link.unwrapped) flag = mostSevere(flag, flagged.get(link.unwrapped.url));
    rows.set(key, flag === undefined ? { link, count: 1 } : { link, count: 1, flag });
  }
  // Stable: flagged rows first (most severe first), then in the order of the mail.
  return [...rows.values()].sort((a, b) => (a.flag ? SEVERITY_RANK[a.flag] : 9) - (b.flag ? SEVERITY_RANK[b.flag] : 9));
}

function shownCell(ctx: ViewContext, link: LinkInfo): HTMLElement {
  const { h } = ctx;
  const note =
    link.shownKind === "image" ? ctx.t(UI.shownImage) : link.shownKind === "empty" ? ctx.t(UI.shownEmpty) : undefined;
  const element = link.element !== "a" && link.element !== "text" ? ctx.t(UI.shownElement, { element: link.element }) : undefined;
  return h(
    "td",
    { class: "ctm-links__shown" },
    note && h("span", { class: "ctm-note" }, note),
    link.shownText !== "" && (note ? " " : ""),
    link.shownText !== "" && shownWithDomain(ctx, link.shownText, link.shownHost, link.shownRegistrableDomain),
    element && h("span", { class: "ctm-note ctm-links__element" }, visiblePieces(ctx, element)),
  );
}

function targetCell(ctx: ViewContext, row: LinkRow): HTMLElement {
  const { h } = ctx;
  const { link } = row;
  const real = link.unwrapped ?? link.target;
  const differs =
    link.shownRegistrableDomain !== undefined &&
    real.registrableDomain !== null &&
    link.shownRegistrableDomain.toLowerCase() !== real.registrableDomain.toLowerCase();
  return h(
    "td",
    { class: "ctm-links__target" },
    row.flag && h("span", { class: "ctm-links__flag" }, severityBadge(ctx, row.flag), h("span", { class: "ctm-visually-hidden" }, ` ${ctx.t(UI.flagged)}`)),
    link.unwrapped &&
      h("span", { class: "ctm-links__wrapped" }, visiblePieces(ctx, ctx.t(UI.wrappedBy, { wrapper: link.unwrapped.wrapper }))),
    urlWithDomain(ctx, real.url, real.host, real.registrableDomain),
    real.hostUnicode && h("span", { class: "ctm-note" }, ctx.t(UI.idnShown, { host: "" }), mailText(ctx, real.hostUnicode)),
    differs && h("span", { class: "ctm-links__differs" }, ctx.t(UI.domainDiffers)),
    link.unwrapped &&
      h(
        "span",
        { class: "ctm-links__wrapper-url" },
        h("span", { class: "ctm-note" }, `${ctx.t(UI.wrapperUrl)}: `),
        urlWithDomain(ctx, link.target.url, link.target.host, link.target.registrableDomain),
      ),
    row.count > 1 && h("span", { class: "ctm-links__count" }, ctx.t(UI.repeated, { n: row.count })),
  );
}

function table(ctx: ViewContext, rows: readonly LinkRow[], caption: string | undefined): HTMLTableElement {
  const { h } = ctx;
  return h(
    "table",
    { class: "ctm-links" },
    caption !== undefined && h("caption", { class: "ctm-visually-hidden" }, caption),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", { scope: "col" }, ctx.t(UI.shownText)),
        h("th", { scope: "col" }, ctx.t(UI.realTarget)),
      ),
    ),
    h(
      "tbody",
      null,
      rows.map((row) =>
        h(
          "tr",
          { class: row.flag ? `ctm-links__row ctm-links__row--${row.flag}` : "ctm-links__row", "data-flagged": row.flag ?? null },
          shownCell(ctx, row.link),
          targetCell(ctx, row),
        ),
      ),
    ),
  );
}

/** The links block of the Links group (heading, note, table, the rest folded away). */
export function renderLinks(ctx: ViewContext, links: readonly LinkInfo[], findings: readonly Finding[]): HTMLElement {
  const { h } = ctx;
  const headingId = ctx.id("links-table");
  if (links.length === 0) return h("p", { class: "ctm-empty" }, ctx.t(UI.noLinks));
  const rows = rowsOf(links, findings);
  const first = rows.slice(0, LINK_ROWS_SHOWN);
  const rest = rows.slice(LINK_ROWS_SHOWN);
  return h(
    "div",
    { class: "ctm-block", role: "group", "aria-labelledby": headingId },
    h("h3", { class: "ctm-block__heading", id: headingId }, ctx.t(UI.linksTableHeading), " ", h("span", { class: "ctm-count" }, String(links.length))),
    h("p", { class: "ctm-note" }, ctx.t(UI.linksNotClickable)),
    h("div", { class: "ctm-scroll" }, table(ctx, first, ctx.t(UI.linksTableHeading))),
    rest.length > 0 &&
      h(
        "details",
        { class: "ctm-more" },
        h("summary", null, ctx.t(UI.moreLinks, { n: rest.length })),
        h("div", { class: "ctm-scroll" }, table(ctx, rest, ctx.t(UI.moreLinks, { n: rest.length }))),
      ),
  );
}
