import type { AuthResult, Severity } from "../../analysis.js";
import { senderAuthentication, type SenderAuthentication } from "../../auth/alignment.js";
import type { RuleContext } from "../../context.js";
import { diagnostic } from "../../diagnostics.js";

/** One step less alarming (for data that softens a finding). */
export function lower(severity: Severity): Severity {
  return severity === "high" ? "medium" : severity === "medium" ? "low" : "info";
}

/** The header block is missing (some Outlook clients): header-based rules say so and stop. */
export function headersMissing(context: RuleContext): boolean {
  if (context.snapshot.available.headers !== false) return false;
  context.report(diagnostic("NO_HEADERS", "warning"));
  return true;
}

/** The organisation is not configured: rules that need it say so and stop. */
export function organizationMissing(context: RuleContext): boolean {
  if (context.organization.known) return false;
  context.report(diagnostic("NO_ORGANIZATION", "warning"));
  return true;
}

export function authOf(context: RuleContext): SenderAuthentication {
  return senderAuthentication(context.authentication, context.sender.registrableDomain);
}

/** "dmarc=fail (action=oreject header.from=example.jp) [authserv-id]" — the result as evidence. */
export function describeResult(result: AuthResult): string {
  const props = Object.entries(result.properties)
    .slice(0, 4)
    .map(([k, v]) => `${k}=${v}`);
  if (result.reason !== undefined) props.unshift(`reason=${result.reason}`);
  const detail = props.length > 0 ? ` (${props.join(" ")})` : "";
  const by = result.authservId ? ` [${result.authservId}]` : "";
  return `${result.methodName}=${result.result}${detail}${by}`;
}

/** Reports ORIGIN_UNKNOWN, naming the hop where the search stopped when there is one. */
export function reportOriginUnknown(context: RuleContext): void {
  const route = context.route;
  const stopped = route.originStoppedAt === undefined ? undefined : route.hops[route.originStoppedAt]?.raw;
  context.report(diagnostic("ORIGIN_UNKNOWN", "info", {}, stopped));
}
