import { INCOMPLETE_CODES, SEVERITY_ORDER, verdictOf, type Analysis, type Evidence, type Finding, type FindingGroup } from "./analysis.js";
import { DEFAULT_MASS_RECIPIENT_THRESHOLD } from "./config.js";
import { createContext, type RuleContext } from "./context.js";
import { diagnostic } from "./diagnostics.js";
import { localized } from "./i18n.js";
import { resolveLimits, type AnalyzeOptions } from "./options.js";
import { resolveOrganization } from "./organization.js";
import type { Rule } from "./rule.js";
import { RULES } from "./rules/index.js";
import type { MessageSnapshot } from "./snapshot.js";
import { stageTimer, type Timed } from "./timing.js";

/** Evidence beyond this many items per finding is summarised, so one hostile mail cannot flood the pane. */
export const MAX_EVIDENCE_PER_FINDING = 30;
/**
 * Characters of one evidence value kept: a 10 MB From header was carried whole as evidence, into
 * the pane, the JSON and the report (a 10.9 MB report text). A URL or header worth showing fits.
 */
export const MAX_EVIDENCE_VALUE_CHARS = 2000;

const GROUP_ORDER: readonly FindingGroup[] = ["links", "sender", "attachments"];


const MORE_EVIDENCE = localized("ほかに", "More");

/** The value cut to MAX_EVIDENCE_VALUE_CHARS, never inside a surrogate pair, saying how much went. */
function capValue(item: Evidence): Evidence {
  if (item.value.length <= MAX_EVIDENCE_VALUE_CHARS) return item;
  let end = MAX_EVIDENCE_VALUE_CHARS - 1;
  const last = item.value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { ...item, value: `${item.value.slice(0, end)}…`, cutChars: item.value.length - end };
}

function capEvidence(evidence: Evidence[]): Evidence[] {
  if (evidence.length <= MAX_EVIDENCE_PER_FINDING) return evidence.map(capValue);
  const kept = evidence.slice(0, MAX_EVIDENCE_PER_FINDING - 1).map(capValue);
  kept.push({ label: MORE_EVIDENCE, value: `+${evidence.length - kept.length}` });
  return kept;
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function runRules(context: RuleContext, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    let hits;
    try {
      hits = rule.check(context);
    } catch (error) {
      context.report(diagnostic("RULE_FAILED", "error", { rule: rule.id }, error instanceof Error ? error.message : String(error)));
      continue;
    }
    if (hits.length === 0) continue;
    const severity = SEVERITY_ORDER.find((s) => hits.some((h) => (h.severity ?? rule.severity) === s)) ?? rule.severity;
    findings.push({
      id: rule.id,
      severity,
      group: rule.group,
      title: rule.title,
      explanation: rule.explanation,
      evidence: capEvidence(hits.flatMap((h) => h.evidence)),
    });
  }
  return findings.sort(compareFindings);
}

/**
 * Analyses one message snapshot. Pure and synchronous: all I/O (clock, country lookup) comes in
 * through `options`. Never throws on bad mail — problems become diagnostics.
 */
export function analyze(snapshot: MessageSnapshot, options: AnalyzeOptions = {}, rules: readonly Rule[] = RULES): Analysis {
  const timed = stageTimer(options.timings);
  return timed("analyze", () => analyzeTimed(snapshot, options, rules, timed));
}

function analyzeTimed(snapshot: MessageSnapshot, options: AnalyzeOptions, rules: readonly Rule[], timed: Timed): Analysis {
  const limits = resolveLimits(options.limits);
  const now = (options.now ?? (() => new Date()))();
  const organization = resolveOrganization(options.config, DEFAULT_MASS_RECIPIENT_THRESHOLD);
  const context = createContext({
    snapshot,
    organization,
    limits,
    now,
    lookupCountry: options.lookupCountry,
    initialDiagnostics: snapshot.diagnostics,
    attachmentDigests: options.attachmentDigests,
    timed,
  });

  const findings = timed("rules", () => runRules(context, rules));

  // Compute the shared facts even when no rule needed them: the analysis reports them.
  const { route, authentication, attachments } = context;
  const links = context.snapshot.available.body === false ? [] : context.body.links;
  const from = snapshot.from;
  const diagnostics = [...context.diagnostics];
  const incomplete = diagnostics.some((d) => INCOMPLETE_CODES.has(d.code));
  return {
    schemaVersion: 2,
    verdict: verdictOf(findings, incomplete),
    findings,
    message: {
      subject: snapshot.subject,
      from: from ? { name: from.name, address: from.address } : undefined,
      date: snapshot.date,
      messageId: snapshot.messageId,
    },
    links,
    route,
    authentication,
    attachments,
    diagnostics,
    incomplete,
    analyzedAt: now.toISOString(),
  };
}
