/** One finding as a card: severity (word, shape and colour), title, explanation, evidence. */
import type { Evidence, Finding, LinkTarget, Severity } from "../../core/analysis.js";
import { SEVERITY_TEXT, UI } from "../../ui/strings.js";
import type { ViewContext } from "./context.js";
import { mailText, urlWithDomain, visiblePieces } from "./text.js";

/** Glyph inside the severity shape; the shape and the word carry the meaning too (not colour alone). */
const SEVERITY_GLYPH: Readonly<Record<Severity, string>> = { high: "!", medium: "!", low: "i", info: "i" };

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2, info: 3 };

/** The severity as a badge: a shaped icon (hidden from screen readers) and the word. */
export function severityBadge(ctx: ViewContext, severity: Severity): HTMLSpanElement {
  const { h } = ctx;
  return h(
    "span",
    { class: `ctm-sev ctm-sev--${severity}` },
    h("span", { class: "ctm-sev__icon", "aria-hidden": "true" }, SEVERITY_GLYPH[severity]),
    h("span", { class: "ctm-visually-hidden" }, `${ctx.t(UI.severity)}: `),
    h("span", { class: "ctm-sev__word" }, ctx.t(SEVERITY_TEXT[severity])),
  );
}

/**
 * A finding joins the evidence of every place its rule fired ("shown text, destination, domain"
 * for each link). Split it back where a label comes round again, so each occurrence reads as one
 * block. Linear: one set of labels per block.
 */
export function occurrences(evidence: readonly Evidence[]): Evidence[][] {
  const blocks: Evidence[][] = [];
  let current: Evidence[] = [];
  let seen = new Set<string>();
  for (const e of evidence) {
    const key = e.label.en;
    if (seen.has(key) && current.length > 0) {
      blocks.push(current);
      current = [];
      seen = new Set();
    }
    seen.add(key);
    current.push(e);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

export function findingAnchor(ctx: ViewContext, finding: Finding): string {
  return ctx.id(`finding-${finding.id}`);
}

/**
 * A finding's card. `targets` maps URLs the analysis knows as link targets to their parsed
 * form, so evidence that is a link target gets the same domain emphasis as the links table.
 */
export function renderFinding(ctx: ViewContext, finding: Finding, targets: ReadonlyMap<string, LinkTarget>): HTMLElement {
  const { h } = ctx;
  const titleId = ctx.id(`finding-${finding.id}-title`);
  return h(
    "article",
    {
      class: `ctm-finding ctm-finding--${finding.severity}`,
      id: findingAnchor(ctx, finding),
      "data-rule-id": finding.id,
      "data-severity": finding.severity,
      "aria-labelledby": titleId,
      tabindex: "-1",
    },
    h(
      "h3",
      { class: "ctm-finding__title", id: titleId },
      severityBadge(ctx, finding.severity),
      h("span", { class: "ctm-finding__title-text" }, visiblePieces(ctx, ctx.t(finding.title))),
    ),
    h("p", { class: "ctm-finding__explanation" }, visiblePieces(ctx, ctx.t(finding.explanation))),
    finding.evidence.length > 0 &&
      h(
        "div",
        { class: "ctm-evidence" },
        h("p", { class: "ctm-evidence__heading" }, ctx.t(UI.evidence)),
        occurrences(finding.evidence).map((evidence) =>
          h(
            "dl",
            { class: "ctm-evidence__list" },
            evidence.map((e) => {
              const target = targets.get(e.value);
              return h(
                "div",
                { class: "ctm-evidence__item" },
                h("dt", { class: "ctm-evidence__label" }, visiblePieces(ctx, ctx.t(e.label))),
                h(
                  "dd",
                  { class: "ctm-evidence__value" },
                  target ? urlWithDomain(ctx, e.value, target.host, target.registrableDomain) : mailText(ctx, e.value),
                ),
              );
            }),
          ),
        ),
      ),
    h("p", { class: "ctm-finding__id" }, h("span", { class: "ctm-visually-hidden" }, `${ctx.t(UI.ruleId)}: `), visiblePieces(ctx, finding.id)),
  );
}
