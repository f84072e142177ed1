import type { LinkInfo } from "../analysis.js";
import type { Diagnostic } from "../diagnostics.js";
import type { Limits } from "../options.js";
import type { MessageSnapshot } from "../snapshot.js";

export interface FormFact {
  /** The form's action as written ("" when absent: submits to the page itself). */
  readonly action: string;
  readonly method: string;
  /** Contains an <input type="password">: a credential harvest inside the mail. */
  readonly hasPasswordField: boolean;
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
}

// Placeholder until the body extractor lands: reports nothing found.
export function extractBody(_snapshot: MessageSnapshot, _limits: Limits, _report: (d: Diagnostic) => void): BodyFacts {
  return { links: [], forms: [], metaRefreshTargets: [], baseHrefs: [], hasHtml: false };
}
