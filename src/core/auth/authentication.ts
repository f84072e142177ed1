import type { AuthMethod, AuthResult, AuthenticationSummary, Route } from "../analysis.js";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import type { Organization } from "../organization.js";
import { headerPositions } from "../headers/block.js";
import { DEFAULT_LIMITS } from "../options.js";
import { receivedPositions } from "../route/route.js";
import type { MessageSnapshot } from "../snapshot.js";
import { parseAuthenticationResults } from "./authres.js";

/**
 * Reads the authentication results the receiving side wrote, and decides which of them can be
 * believed. Anyone can put an Authentication-Results field into a mail they send; only the ones
 * the organisation's own receiver added are facts (RFC 8601 §7.2 "Forged Header Fields").
 *
 * A result is trusted when:
 * 1. its authserv-id is one the admin configured (`organization.authservIds`); or
 * 2. its field sits above the Received field of the origin hop, in header order. Every server
 *    prepends its fields (RFC 5321 §4.4, RFC 8601 §5 "header fields are added at the top"), so
 *    whatever lies above the hop where the mail entered was added by the receiving side; what
 *    the sender wrote can only be below. This needs no configuration, and it is what makes
 *    Microsoft 365's results (which carry no authserv-id at all) usable; or
 * 3. its authserv-id is exactly the name of one of the receiving side's own servers (a "by" host
 *    of a hop at or above the origin): RFC 8601 §5 obliges a receiver to delete or rename
 *    fields that claim its own authserv-id before adding its own, so such a field cannot be a
 *    sender's forgery. This covers milters (OpenDKIM/OpenDMARC under Postfix) that insert their
 *    field just *below* the MTA's own Received field.
 * When the origin is unknown but every hop was internal, the bottom hop takes the origin's
 * place. A mail with no Received field at all has passed no receiver: nothing is trusted.
 */

function boundaryHop(route: Route): number | undefined {
  if (route.origin) return route.origin.hopIndex;
  if (route.originStoppedAt !== undefined) return route.originStoppedAt;
  let last: number | undefined;
  for (const hop of route.hops) if (hop.trusted) last = hop.index;
  return last;
}

interface Located {
  readonly value: string;
  readonly arc: boolean;
  /** Index in snapshot.headers, when known. */
  readonly position?: number;
}

/**
 * The fields in header order with their positions; falls back to the snapshot's lists. Only the
 * top `max` of each kind (the receiving side adds its own at the top): `cut` says when more were
 * left unread.
 */
function locate(snapshot: MessageSnapshot, max: number): { readonly fields: Located[]; readonly cut: boolean } {
  const own = headerPositions(snapshot.headers, "authentication-results");
  const arc = headerPositions(snapshot.headers, "arc-authentication-results");
  const expected = snapshot.authenticationResults.length + snapshot.arc.authenticationResults.length;
  const cut = Math.max(snapshot.authenticationResults.length, snapshot.arc.authenticationResults.length) > max;
  if (own.length + arc.length === expected) {
    const fields = [
      ...own.slice(0, max).map((position) => ({ value: snapshot.headers[position]!.value, arc: false, position })),
      ...arc.slice(0, max).map((position) => ({ value: snapshot.headers[position]!.value, arc: true, position })),
    ];
    return { fields: fields.sort((a, b) => a.position - b.position), cut };
  }
  // A host that gave the lists but not (all) the fields: order is known, position is not.
  return {
    fields: [
      ...snapshot.authenticationResults.slice(0, max).map((value) => ({ value, arc: false })),
      ...snapshot.arc.authenticationResults.slice(0, max).map((value) => ({ value, arc: true })),
    ],
    cut,
  };
}

/** First trusted result of a method, preferring the receiver's own fields over ARC copies. */
function pick(results: readonly AuthResult[], method: AuthMethod): string | undefined {
  const trusted = results.filter((r) => r.trusted && r.method === method);
  const own = trusted.filter((r) => !r.fromArc);
  const pool = own.length > 0 ? own : trusted;
  if (pool.length === 0) return undefined;
  // One valid signature is enough for DKIM (RFC 6376 §6.1): any pass wins over other results.
  if (method === "dkim" && pool.some((r) => r.result === "pass")) return "pass";
  return pool[0]!.result;
}

export function summarizeAuthentication(
  snapshot: MessageSnapshot,
  organization: Organization,
  route: Route,
  report: (d: Diagnostic) => void,
  maxFields: number = DEFAULT_LIMITS.maxAuthResults,
): AuthenticationSummary {
  const { fields: located, cut } = locate(snapshot, maxFields);
  if (cut) report(diagnostic("TOO_MANY_AUTH_RESULTS", "warning", { limit: maxFields }));
  if (located.length === 0) return { results: [] };

  const positions = receivedPositions(snapshot.headers);
  const aligned = positions.length === snapshot.received.length;
  const boundary = boundaryHop(route);
  const boundaryPosition = aligned && boundary !== undefined ? positions[boundary] : undefined;
  const receiverHosts = new Set(
    route.hops.filter((h) => h.trusted && h.by).map((h) => h.by!.toLowerCase().replace(/\.$/, "")),
  );

  const results: AuthResult[] = [];
  let untrustedOwnField = false;
  for (const field of located) {
    const header = parseAuthenticationResults(field.value, field.arc);
    const id = header.authservId;
    const trusted =
      (id !== "" && organization.authservIds.includes(id)) ||
      (boundaryPosition !== undefined && field.position !== undefined && field.position < boundaryPosition) ||
      (id !== "" && receiverHosts.has(id));
    if (!trusted && !field.arc && header.results.length > 0) untrustedOwnField = true;
    for (const r of header.results) {
      const result: AuthResult = { ...r, authservId: id, trusted, fromArc: field.arc };
      results.push(header.instance === undefined ? result : { ...result, arcInstance: header.instance });
    }
  }
  if (untrustedOwnField) report(diagnostic("AUTH_RESULTS_UNTRUSTED", "info"));

  const summary: { -readonly [K in keyof AuthenticationSummary]: AuthenticationSummary[K] } = { results };
  const spf = pick(results, "spf");
  const dkim = pick(results, "dkim");
  const dmarc = pick(results, "dmarc");
  const compauth = pick(results, "compauth");
  const arc = pick(results, "arc");
  if (spf !== undefined) summary.spf = spf;
  if (dkim !== undefined) summary.dkim = dkim;
  if (dmarc !== undefined) summary.dmarc = dmarc;
  if (compauth !== undefined) summary.compauth = compauth;
  if (arc !== undefined) summary.arc = arc;
  return summary;
}
