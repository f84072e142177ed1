/**
 * The task pane's view of one analysis: a pure function from an Analysis to DOM, built with
 * createElement and text nodes only (see h.ts). Nothing here talks to Office.js or the network;
 * src/taskpane/taskpane.ts calls these and puts the result on the page (preferably through
 * `mountView`, which keeps the screen-reader live region in place between results).
 *
 * Layout, top to bottom, for a person who has a second to look:
 *   1. the verdict (danger / caution / no indicators found — never "safe"), in a live region,
 *      and the main reasons;
 *   2. what to do now, with the Report button (danger and caution);
 *   3. the mail checked (subject, sender, date);
 *   4. the findings grouped as Links, Sender and origin, Attachments, each group followed by
 *      its picture: the links table, the route and authentication, the attachment list;
 *   5. what could not be checked (collapsed), and when the check ran.
 */
import type { Analysis, Finding, FindingGroup, LinkTarget, Verdict } from "../../core/analysis.js";
import { SEVERITY_ORDER, uncheckedParts } from "../../core/analysis.js";
import { GEO_ATTRIBUTION } from "../../core/geo/index.js";
import type { Language, Localized } from "../../core/i18n.js";
import { DIAGNOSTIC_LEVEL_TEXT, GROUP_TEXT, NEXT_STEPS, SEVERITY_COUNT, UI, VERDICT_TEXT } from "../../ui/strings.js";
import { renderAttachments } from "./attachments.js";
import { createContext, type ViewContext } from "./context.js";
import { findingAnchor, renderFinding } from "./findings.js";
import type { Child } from "./h.js";
import { renderLinks } from "./links.js";
import { renderAuthentication, renderRoute, routeShowsLookupCountry } from "./route.js";
import { formatDate, mailText, visiblePieces } from "./text.js";

export interface ViewHooks {
  /** Called when the person presses "Report to security desk"; without it the button is not shown. */
  readonly onReport?: () => void;
}

export type StatusView =
  | { readonly kind: "loading" }
  /** Nothing went wrong, there is just nothing to check yet ("select a mail", "open in Outlook"). */
  | { readonly kind: "notice"; readonly title: Localized; readonly message: Localized }
  | { readonly kind: "error"; readonly message: Localized; readonly detail?: string }
  | { readonly kind: "config-error"; readonly errors: readonly { readonly path: string; readonly message: Localized }[] };

/** Marks the live region that `mountView` keeps in the page across results. */
const LIVE = "data-ctm-live";
const GROUPS: readonly FindingGroup[] = ["links", "sender", "attachments"];
const VERDICT_GLYPH: Readonly<Record<Verdict, string>> = { danger: "!", caution: "!", incomplete: "?", clean: "✓" };
/** Reasons listed under the verdict before "and N more". */
const REASONS_SHOWN = 3;

function root(ctx: ViewContext, view: string, children: Child[]): HTMLElement {
  return ctx.h("div", { class: "ctm", lang: ctx.lang, "data-view": view }, children);
}

/** The live region: a polite status whose content changes are read out. */
function live(ctx: ViewContext, ...children: Child[]): HTMLElement {
  return ctx.h("div", { class: "ctm-live", role: "status", "aria-live": "polite", "aria-atomic": "true", [LIVE]: "" }, children);
}

function banner(ctx: ViewContext, attrs: Record<string, string>, kind: string, glyph: string, headline: string, ...rest: Child[]): HTMLElement {
  const { h } = ctx;
  const headingId = ctx.id("verdict");
  return h(
    "section",
    { class: `ctm-verdict ctm-verdict--${kind}`, "aria-labelledby": headingId, tabindex: "-1", ...attrs },
    h("span", { class: "ctm-verdict__icon", "aria-hidden": "true" }, glyph),
    h("div", { class: "ctm-verdict__body" }, h("h2", { class: "ctm-verdict__headline", id: headingId }, headline), rest),
  );
}

function counts(ctx: ViewContext, findings: readonly Finding[]): string {
  const bySeverity = new Map<string, number>();
  for (const f of findings) bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
  return SEVERITY_ORDER.filter((s) => bySeverity.has(s))
    .map((s) => ctx.t(SEVERITY_COUNT[s], { n: bySeverity.get(s)! }))
    .join(ctx.t(UI.countSeparator));
}

/** The findings that decided the verdict, as in-page links to their cards. */
function reasons(ctx: ViewContext, analysis: Analysis): HTMLElement | undefined {
  const { h } = ctx;
  const { findings } = analysis;
  if (findings.length === 0) return undefined;
  const deciding = analysis.verdict === "clean" ? [] : findings.filter((f) => f.severity === "high" || f.severity === "medium");
  const shown = deciding.slice(0, REASONS_SHOWN);
  return h(
    "div",
    { class: `ctm-reasons ctm-reasons--${analysis.verdict}` },
    h("p", { class: "ctm-reasons__counts" }, ctx.t(UI.summaryCount, { counts: counts(ctx, findings) })),
    shown.length > 0 &&
      h(
        "ul",
        { class: "ctm-reasons__list" },
        shown.map((f) => h("li", { "data-severity": f.severity }, h("a", { href: `#${findingAnchor(ctx, f)}`, class: "ctm-reasons__link" }, visiblePieces(ctx, ctx.t(f.title))))),
        deciding.length > shown.length && h("li", { class: "ctm-reasons__more" }, ctx.t(UI.moreReasons, { n: deciding.length - shown.length })),
      ),
    analysis.verdict === "clean" && h("p", { class: "ctm-reasons__note" }, ctx.t(UI.lowOnly, { n: findings.length })),
  );
}

function reportButton(ctx: ViewContext, hooks: ViewHooks | undefined, primary: boolean): HTMLElement | undefined {
  const onReport = hooks?.onReport;
  if (!onReport) return undefined;
  const button = ctx.h(
    "button",
    { type: "button", class: primary ? "ctm-button ctm-button--primary" : "ctm-button", "data-action": "report" },
    ctx.t(UI.report),
  );
  button.addEventListener("click", () => onReport());
  return button;
}

/** What was not checked, right under the verdict it explains (why the mail is not "clean"). */
function unchecked(ctx: ViewContext, analysis: Analysis): HTMLElement | undefined {
  const texts = [...new Set(uncheckedParts(analysis).map((d) => d.message[ctx.lang]))];
  if (texts.length === 0) return undefined;
  const { h } = ctx;
  return h(
    "div",
    { class: "ctm-verdict__unchecked" },
    h("p", { class: "ctm-verdict__unchecked-heading" }, ctx.t(UI.uncheckedHeading)),
    h("ul", { class: "ctm-verdict__unchecked-list" }, texts.map((text) => h("li", null, mailText(ctx, text)))),
  );
}

function nextSteps(ctx: ViewContext, verdict: Verdict, hooks: ViewHooks | undefined): HTMLElement | undefined {
  if (verdict === "clean") return undefined;
  const { h } = ctx;
  const headingId = ctx.id("next");
  return h(
    "section",
    { class: `ctm-next ctm-next--${verdict}`, "aria-labelledby": headingId },
    h("h2", { class: "ctm-next__heading", id: headingId }, ctx.t(UI.nextHeading)),
    h("p", { class: "ctm-next__intro" }, ctx.t(verdict === "danger" ? UI.nextIntroDanger : UI.nextIntroCaution)),
    h("ol", { class: "ctm-next__steps" }, NEXT_STEPS.map((step) => h("li", null, ctx.t(step)))),
    reportButton(ctx, hooks, true),
  );
}

function messageBlock(ctx: ViewContext, analysis: Analysis): HTMLElement {
  const { h } = ctx;
  const m = analysis.message;
  const headingId = ctx.id("message");
  const row = (label: Localized, ...value: Child[]): HTMLElement =>
    h("div", { class: "ctm-facts__item" }, h("dt", null, ctx.t(label)), h("dd", null, value));
  return h(
    "section",
    { class: "ctm-message", "aria-labelledby": headingId },
    h("h2", { class: "ctm-visually-hidden", id: headingId }, ctx.t(UI.messageHeading)),
    h(
      "dl",
      { class: "ctm-facts ctm-facts--message" },
      row(UI.subject, m.subject === undefined || m.subject === "" ? h("span", { class: "ctm-note" }, ctx.t(UI.noSubject)) : mailText(ctx, m.subject, "ctm-message__subject")),
      row(
        UI.from,
        m.from
          ? [
              m.from.name && mailText(ctx, m.from.name, "ctm-message__name"),
              m.from.name && " ",
              h("span", { class: "ctm-message__address" }, "<", mailText(ctx, m.from.address), ">"),
            ]
          : h("span", { class: "ctm-note" }, ctx.t(UI.noFrom)),
      ),
      m.date !== undefined && row(UI.date, mailText(ctx, formatDate(m.date, ctx.lang))),
    ),
  );
}

/**
 * Every URL the analysis knows as a real link destination, for domain emphasis in evidence.
 * A rewriting wrapper's own URL (safelinks.protection.outlook.com...) is left plain: its domain
 * is not where the person would end up.
 */
function linkTargets(analysis: Analysis): Map<string, LinkTarget> {
  const targets = new Map<string, LinkTarget>();
  for (const link of analysis.links) {
    if (link.unwrapped) targets.set(link.unwrapped.url, link.unwrapped);
    else targets.set(link.target.url, link.target);
  }
  return targets;
}

function attribution(ctx: ViewContext): HTMLElement {
  const { h } = ctx;
  return h(
    "p",
    { class: "ctm-attribution" },
    h("a", { href: GEO_ATTRIBUTION.url, target: "_blank", rel: "noopener noreferrer", class: "ctm-attribution__link" }, ctx.t(GEO_ATTRIBUTION.text)),
  );
}

/**
 * The client gave no header block (Outlook below Mailbox 1.8 without getAsFileAsync): the route
 * and authentication pictures would state as facts of the mail ("no route records") what is only
 * missing from the client.
 */
function headersWithheld(analysis: Analysis): boolean {
  return analysis.diagnostics.some((d) => d.code === "NO_HEADERS");
}

function group(ctx: ViewContext, analysis: Analysis, name: FindingGroup, findings: readonly Finding[], targets: ReadonlyMap<string, LinkTarget>): HTMLElement {
  const { h } = ctx;
  const headingId = ctx.id(`group-${name}`);
  const picture =
    name === "links"
      ? renderLinks(ctx, analysis.links, findings)
      : name === "sender"
        ? headersWithheld(analysis)
          ? h("p", { class: "ctm-empty", "data-withheld": "headers" }, ctx.t(UI.headersWithheld))
          : [renderRoute(ctx, analysis.route), renderAuthentication(ctx, analysis.authentication)]
        : renderAttachments(ctx, analysis.attachments, findings);
  // DB-IP's licence: its attribution wherever a country from its data is shown (route or evidence).
  const needsAttribution = name === "sender" && routeShowsLookupCountry(analysis.route);
  return h(
    "section",
    { class: `ctm-group ctm-group--${name}`, "data-group": name, "aria-labelledby": headingId },
    h(
      "h2",
      { class: "ctm-group__heading", id: headingId },
      ctx.t(GROUP_TEXT[name]),
      findings.length > 0 && [" ", h("span", { class: "ctm-count ctm-count--findings" }, ctx.t(UI.groupCount, { n: findings.length }))],
    ),
    findings.length === 0
      ? h("p", { class: "ctm-group__none" }, ctx.t(UI.groupNone))
      : h("div", { class: "ctm-findings" }, findings.map((f) => renderFinding(ctx, f, targets))),
    picture,
    needsAttribution && attribution(ctx),
  );
}

function diagnosticsBlock(ctx: ViewContext, analysis: Analysis): HTMLElement | undefined {
  const { h } = ctx;
  const { diagnostics } = analysis;
  if (diagnostics.length === 0 && !analysis.incomplete) return undefined;
  return h(
    "details",
    { class: "ctm-diagnostics" },
    h("summary", { class: "ctm-diagnostics__summary" }, ctx.t(UI.diagnosticsSummary, { n: diagnostics.length })),
    analysis.incomplete && h("p", { class: "ctm-diagnostics__incomplete" }, ctx.t(UI.incomplete)),
    h(
      "ul",
      { class: "ctm-diagnostics__list" },
      diagnostics.map((d) =>
        h(
          "li",
          { class: `ctm-diagnostic ctm-diagnostic--${d.level}`, "data-code": d.code, "data-level": d.level },
          h("span", { class: "ctm-tag" }, ctx.t(DIAGNOSTIC_LEVEL_TEXT[d.level])),
          " ",
          mailText(ctx, d.message[ctx.lang]),
          d.detail !== undefined && h("span", { class: "ctm-diagnostic__detail" }, mailText(ctx, d.detail)),
          h("span", { class: "ctm-diagnostic__code" }, d.code),
        ),
      ),
    ),
  );
}

/**
 * The whole result for one mail. `lang` picks the words (Office.context.displayLanguage
 * starting with "ja" → "ja", else "en"); mail content is shown as it is, hidden characters
 * written out.
 */
export function renderAnalysis(doc: Document, analysis: Analysis, lang: Language, hooks?: ViewHooks): HTMLElement {
  const ctx = createContext(doc, lang);
  const { h } = ctx;
  const verdict = VERDICT_TEXT[analysis.verdict];
  const targets = linkTargets(analysis);
  const byGroup = new Map<FindingGroup, Finding[]>(GROUPS.map((g) => [g, []]));
  for (const f of analysis.findings) byGroup.get(f.group)?.push(f);
  return root(ctx, "analysis", [
    live(
      ctx,
      banner(ctx, { "data-verdict": analysis.verdict }, analysis.verdict, VERDICT_GLYPH[analysis.verdict], ctx.t(verdict.headline), h("p", { class: "ctm-verdict__summary" }, ctx.t(verdict.summary)), unchecked(ctx, analysis)),
    ),
    reasons(ctx, analysis),
    nextSteps(ctx, analysis.verdict, hooks),
    messageBlock(ctx, analysis),
    h("div", { class: "ctm-groups" }, GROUPS.map((g) => group(ctx, analysis, g, byGroup.get(g) ?? [], targets))),
    diagnosticsBlock(ctx, analysis),
    h(
      "footer",
      { class: "ctm-footer" },
      analysis.verdict === "clean" && hooks?.onReport && h("p", { class: "ctm-footer__report" }, ctx.t(UI.reportClean), " ", reportButton(ctx, hooks, false)),
      h("p", null, ctx.t(UI.localOnly)),
      h("p", null, ctx.t(UI.checkedAt, { time: formatDate(analysis.analyzedAt, lang) })),
    ),
  ]);
}

/** Loading, a failure, or a broken configuration: never a blank pane. */
export function renderStatus(doc: Document, status: StatusView, lang: Language): HTMLElement {
  const ctx = createContext(doc, lang);
  const { h } = ctx;
  switch (status.kind) {
    case "loading":
      return root(ctx, "loading", [
        live(ctx, banner(ctx, { "data-status": "loading" }, "loading", "", ctx.t(UI.loading))),
      ]);
    case "notice":
      return root(ctx, "notice", [
        live(
          ctx,
          banner(ctx, { "data-status": "notice" }, "notice", "i", status.title[lang], h("p", { class: "ctm-verdict__summary" }, status.message[lang])),
        ),
      ]);
    case "error":
      return root(ctx, "error", [
        live(
          ctx,
          banner(ctx, { "data-status": "error" }, "error", "✕", ctx.t(UI.errorHeadline), h("p", { class: "ctm-verdict__summary" }, mailText(ctx, status.message[lang]))),
        ),
        h("p", { class: "ctm-status__help" }, ctx.t(UI.errorRetry)),
        status.detail !== undefined &&
          h("details", { class: "ctm-diagnostics" }, h("summary", { class: "ctm-diagnostics__summary" }, ctx.t(UI.errorDetail)), h("p", { class: "ctm-status__detail" }, mailText(ctx, status.detail))),
      ]);
    case "config-error":
      return root(ctx, "config-error", [
        live(ctx, banner(ctx, { "data-status": "config-error" }, "error", "✕", ctx.t(UI.configHeadline), h("p", { class: "ctm-verdict__summary" }, ctx.t(UI.configHelp)))),
        h(
          "ul",
          { class: "ctm-config-errors" },
          status.errors.map((e) =>
            h("li", { class: "ctm-config-errors__item" }, h("code", { class: "ctm-config-errors__path" }, mailText(ctx, e.path || "(root)")), " ", mailText(ctx, e.message[lang])),
          ),
        ),
      ]);
  }
}

function liveChild(element: Element): Element | undefined {
  for (const child of Array.from(element.children)) if (child.hasAttribute(LIVE)) return child;
  return undefined;
}

/**
 * Shows a view in `container`. When the container already shows a view, its live region stays
 * in the document and only its content changes — screen readers announce changes to a live
 * region, not a region that appears with its content already inside. Use this for every
 * update of the pane (loading → result, next mail in a pinned pane).
 */
export function mountView(container: Element, view: HTMLElement): void {
  const current = container.children.length === 1 ? container.firstElementChild : null;
  const oldLive = current?.classList.contains("ctm") ? liveChild(current) : undefined;
  const newLive = liveChild(view);
  if (!current || !oldLive || !newLive) {
    container.replaceChildren(view);
    return;
  }
  // Copy the root's attributes (lang, data-view), then swap everything around the live region.
  for (const name of current.getAttributeNames()) if (!view.hasAttribute(name)) current.removeAttribute(name);
  for (const name of view.getAttributeNames()) current.setAttribute(name, view.getAttribute(name)!);
  while (oldLive.previousSibling) oldLive.previousSibling.remove();
  while (oldLive.nextSibling) oldLive.nextSibling.remove();
  const before: Node[] = [];
  const after: Node[] = [];
  let seen = false;
  for (const node of Array.from(view.childNodes)) {
    if (node === newLive) seen = true;
    else (seen ? after : before).push(node);
  }
  oldLive.replaceChildren(...Array.from(newLive.childNodes));
  oldLive.before(...before);
  oldLive.after(...after);
}
