import type { AuthResult, AuthenticationSummary } from "../analysis.js";
import { domainOfAddress, normalizeHostname, registrableDomain } from "../net/domain.js";

/**
 * Whether the trusted results vouch for the From domain, in the sense of DMARC identifier
 * alignment (RFC 7489 §3.1, relaxed mode: same organisational domain).
 */

function domainOf(value: string | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  return v.includes("@") ? domainOfAddress(v) : normalizeHostname(v);
}

/** Domain a DKIM result speaks for: header.d, else the domain of header.i (RFC 6376 §3.5). */
export function dkimDomain(result: AuthResult): string | null {
  return domainOf(result.properties["header.d"]) ?? domainOf(result.properties["header.i"]);
}

/** Domain an SPF result speaks for: the MAIL FROM, else the HELO identity (RFC 7208 §2.3-2.4). */
export function spfDomain(result: AuthResult): string | null {
  return domainOf(result.properties["smtp.mailfrom"] ?? result.properties["smtp.mail"]) ?? domainOf(result.properties["smtp.helo"]);
}

function aligned(domain: string | null, fromRegistrable: string | null): boolean {
  return !!domain && !!fromRegistrable && registrableDomain(domain) === fromRegistrable;
}

/**
 * What the first ARC intermediary (the lowest "i=" of RFC 8617 §4.1.1) recorded about the mail
 * as it arrived from the original sender: "pass" when the From domain authenticated there,
 * "fail" when DMARC or Microsoft's composite check failed there, undefined when it recorded
 * neither. Only meaningful when the receiver's own ARC verification passed.
 */
export function arcOriginalVerdict(summary: AuthenticationSummary, fromRegistrable: string | null): "pass" | "fail" | undefined {
  const original = firstArcResults(summary);
  if (original.length === 0) return undefined;
  const has = (method: AuthResult["method"], result: string): boolean => original.some((r) => r.method === method && r.result === result);
  if (arcOriginalFailure(summary)) return "fail";
  if (
    has("dmarc", "pass") ||
    has("compauth", "pass") ||
    original.some((r) => r.method === "dkim" && r.result === "pass" && aligned(dkimDomain(r), fromRegistrable))
  ) {
    return "pass";
  }
  return undefined;
}

/** The results the first ARC intermediary recorded (the lowest "i=", RFC 8617 §4.1.1). */
function firstArcResults(summary: AuthenticationSummary): AuthResult[] {
  const arc = summary.results.filter((r) => r.fromArc && r.arcInstance !== undefined);
  // A loop, not Math.min(...): a hostile mail can carry more results than a call takes arguments.
  let first = Infinity;
  for (const r of arc) first = Math.min(first, r.arcInstance!);
  return arc.filter((r) => r.arcInstance === first);
}

/** The DMARC or composite failure the first ARC intermediary recorded, if it recorded one. */
export function arcOriginalFailure(summary: AuthenticationSummary): AuthResult | undefined {
  return firstArcResults(summary).find((r) => (r.method === "dmarc" || r.method === "compauth") && r.result === "fail");
}

/** The result speaks for the From domain: its header.from aligns with it, or it names none (compauth). */
export function aboutFromDomain(result: AuthResult, fromRegistrable: string | null): boolean {
  const headerFrom = result.properties["header.from"];
  return headerFrom === undefined || aligned(domainOf(headerFrom), fromRegistrable);
}

export interface SenderAuthentication {
  /** DMARC pass, an aligned DKIM or SPF pass, or Microsoft's composite authentication pass. */
  readonly fromAuthenticated: boolean;
  readonly dkimAlignedPass: boolean;
  readonly spfAlignedPass: boolean;
  /** The receiver's own ARC verification passed (RFC 8617): a forwarder vouches for the original results. */
  readonly arcPass: boolean;
  /** With a passing ARC chain: what the first intermediary saw of the original mail. */
  readonly arcOriginal?: "pass" | "fail";
  /** Any trusted result at all. */
  readonly evaluated: boolean;
}

export function senderAuthentication(summary: AuthenticationSummary, fromRegistrable: string | null): SenderAuthentication {
  const trusted = summary.results.filter((r) => r.trusted && !r.fromArc);
  const dkimAlignedPass = trusted.some((r) => r.method === "dkim" && r.result === "pass" && aligned(dkimDomain(r), fromRegistrable));
  const spfAlignedPass = trusted.some((r) => r.method === "spf" && r.result === "pass" && aligned(spfDomain(r), fromRegistrable));
  const dmarcPass = summary.dmarc === "pass";
  // compauth "pass" (reason 1xx) is Microsoft's verdict that the From domain is authenticated.
  const compauthPass = summary.compauth === "pass";
  const arcPass = summary.arc === "pass";
  const arcOriginal = arcPass ? arcOriginalVerdict(summary, fromRegistrable) : undefined;
  const result: { -readonly [K in keyof SenderAuthentication]: SenderAuthentication[K] } = {
    // A passing ARC chain whose first hop saw the From domain authenticate carries that over
    // (RFC 8617 §7.2: the receiver may use the earlier results).
    fromAuthenticated: dmarcPass || dkimAlignedPass || spfAlignedPass || compauthPass || arcOriginal === "pass",
    dkimAlignedPass,
    spfAlignedPass,
    arcPass,
    evaluated: summary.results.some((r) => r.trusted),
  };
  if (arcOriginal) result.arcOriginal = arcOriginal;
  return result;
}

export type DmarcPolicy = "reject" | "quarantine" | "none";

/**
 * The published DMARC policy, where the receiver recorded it: Microsoft's "action=" property
 * (oreject / reject / quarantine / pct.quarantine / none), Gmail's comment "(p=REJECT sp=...)",
 * or a "policy.dmarc" property.
 */
export function dmarcPolicy(result: AuthResult): DmarcPolicy | undefined {
  const candidates = [result.properties["policy.dmarc"], result.properties["policy.published-domain-policy"], result.properties["action"]];
  const p = /(?:^|\s)p=([a-z]+)/i.exec(result.comment ?? "");
  if (p) candidates.unshift(p[1]);
  for (const c of candidates) {
    if (!c) continue;
    const v = c.toLowerCase();
    if (v.includes("reject")) return "reject";
    if (v.includes("quarantine")) return "quarantine";
    if (v === "none") return "none";
  }
  return undefined;
}
