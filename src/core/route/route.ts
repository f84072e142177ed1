import type { Route } from "../analysis.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Limits } from "../options.js";
import type { Organization } from "../organization.js";
import type { MessageSnapshot } from "../snapshot.js";

// Placeholder until the Received parser lands.
export function buildRoute(
  _snapshot: MessageSnapshot,
  _organization: Organization,
  _limits: Limits,
  _lookupCountry: ((ip: string) => string | undefined) | undefined,
  _report: (d: Diagnostic) => void,
): Route {
  return { hops: [] };
}
