import type { AuthenticationSummary, Route } from "../analysis.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Organization } from "../organization.js";
import type { MessageSnapshot } from "../snapshot.js";

// Placeholder until the Authentication-Results parser lands.
export function summarizeAuthentication(
  _snapshot: MessageSnapshot,
  _organization: Organization,
  _route: Route,
  _report: (d: Diagnostic) => void,
): AuthenticationSummary {
  return { results: [] };
}
