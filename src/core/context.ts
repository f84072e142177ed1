import type { AttachmentInfo, AuthenticationSummary, Route } from "./analysis.js";
import type { Diagnostic } from "./diagnostics.js";
import type { Limits } from "./options.js";
import type { Organization } from "./organization.js";
import type { MailAddress, MessageSnapshot } from "./snapshot.js";
import { describeAttachments } from "./attachments/describe.js";
import type { ContentInspection } from "./attachments/content/inspect.js";
import type { LinkInfo } from "./analysis.js";
import { summarizeAuthentication } from "./auth/authentication.js";
import { extractBody, type BodyFacts } from "./body/extract.js";
import { buildLink } from "./body/link.js";
import { buildRoute } from "./route/route.js";
import { domainOfAddress, registrableDomain } from "./net/domain.js";
import type { Timed } from "./timing.js";

/** The sender as the rules see it. */
export interface SenderFacts {
  readonly from?: MailAddress;
  /** Normalised host of the From address, null when absent or unparsable. */
  readonly domain: string | null;
  readonly registrableDomain: string | null;
}

/**
 * Everything the rules read, computed at most once per analysis and only when a rule asks for
 * it (links are not extracted for a mail no link rule needs, the route is not built twice).
 */
export interface RuleContext {
  readonly snapshot: MessageSnapshot;
  readonly organization: Organization;
  readonly limits: Limits;
  readonly now: Date;
  readonly lookupCountry?: (ip: string) => string | undefined;
  readonly sender: SenderFacts;
  readonly body: BodyFacts;
  readonly route: Route;
  readonly authentication: AuthenticationSummary;
  readonly attachments: readonly AttachmentInfo[];
  /** Full content inspection of each attachment, by `AttachmentInfo.index`; undefined where the host gave no bytes. */
  readonly attachmentContent: readonly (ContentInspection | undefined)[];
  /** Records what could not be parsed or checked; duplicates (same code and detail) are dropped. */
  report(diagnostic: Diagnostic): void;
  readonly diagnostics: readonly Diagnostic[];
}

export interface ContextInput {
  readonly snapshot: MessageSnapshot;
  readonly organization: Organization;
  readonly limits: Limits;
  readonly now: Date;
  readonly lookupCountry?: (ip: string) => string | undefined;
  readonly initialDiagnostics?: readonly Diagnostic[];
  /** SHA-256 of each attachment from the asynchronous step (AnalyzeOptions.attachmentDigests). */
  readonly attachmentDigests?: readonly (string | undefined)[];
  /** Per-stage timing (AnalyzeOptions.timings); each fact is one stage. */
  readonly timed?: Timed;
}

function lazy<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

export function createContext(input: ContextInput): RuleContext {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const report = (d: Diagnostic): void => {
    const key = `${d.code}\u0000${d.message.en}\u0000${d.detail ?? ""}`;
    if (seen.has(key)) return;
    seen.add(key);
    diagnostics.push(d);
  };
  input.initialDiagnostics?.forEach(report);

  const { snapshot, organization, limits } = input;
  const timed: Timed = input.timed ?? ((_stage, compute) => compute());
  const sender = lazy((): SenderFacts => timed("sender", () => {
    // "Bank, Support <x@evil.example>" unquoted parses as two mailboxes, the first without an
    // address: the rules must look at the one that has an address.
    const from = snapshot.fromAll.find((m) => m.address.includes("@")) ?? snapshot.from;
    const domain = domainOfAddress(from?.address);
    return { from, domain, registrableDomain: registrableDomain(domain) };
  }));
  const described = lazy(() => timed("attachments", () => describeAttachments(snapshot, limits, report, input.attachmentDigests)));
  // Link targets found inside attachments (PDF URI actions) go to the link rules with the body's
  // links, marked as coming from the attachment.
  const body = lazy((): BodyFacts => timed("body", () => {
    const facts = extractBody(snapshot, limits, report, timed);
    const extra: LinkInfo[] = [];
    const { attachments, inspections } = described();
    inspections.forEach((inspection, index) => {
      if (!inspection) return;
      for (const uri of inspection.uris) {
        // No shown text: a PDF link is an area on a page, so the rules comparing text and target skip it.
        const raw = { source: "attachment" as const, element: inspection.kind, text: "", image: false, href: uri };
        extra.push({ ...buildLink(raw, undefined, report).link, attachment: { index, name: attachments[index]!.name } });
      }
    });
    return extra.length === 0 ? facts : { ...facts, links: [...facts.links, ...extra] };
  }));
  const route = lazy(() => timed("route", () => buildRoute(snapshot, organization, limits, input.lookupCountry, report)));
  const authentication = lazy(() => {
    // The route first, so its time is not counted as authentication's.
    const known = route();
    return timed("authentication", () => summarizeAuthentication(snapshot, organization, known, report, limits.maxAuthResults));
  });

  return {
    snapshot,
    organization,
    limits,
    now: input.now,
    lookupCountry: input.lookupCountry,
    get sender() {
      return sender();
    },
    get body() {
      return body();
    },
    get route() {
      return route();
    },
    get authentication() {
      return authentication();
    },
    get attachments() {
      return described().attachments;
    },
    get attachmentContent() {
      return described().inspections;
    },
    report,
    diagnostics,
  };
}
