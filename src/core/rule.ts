import type { Evidence, FindingGroup, Severity } from "./analysis.js";
import type { Localized } from "./i18n.js";
import type { RuleContext } from "./context.js";

/** One occurrence a rule found. A rule's hits become one finding (evidence joined, highest severity). */
export interface RuleHit {
  /** Overrides the rule's default severity for this hit (e.g. government sender → high). */
  readonly severity?: Severity;
  readonly evidence: readonly Evidence[];
}

/**
 * A detection rule: one module per rule, with its stable ID, default severity, ja/en text and a
 * pure check over the shared, lazily computed context. A rule never throws on bad mail; if it
 * does anyway the engine records RULE_FAILED and carries on.
 */
export interface Rule {
  readonly id: string;
  readonly group: FindingGroup;
  readonly severity: Severity;
  readonly title: Localized;
  readonly explanation: Localized;
  check(context: RuleContext): readonly RuleHit[];
}

/** Typed identity helper so each rule module reads as a declaration. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
