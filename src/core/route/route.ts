import type { OriginInfo, ReceivedHop, Route } from "../analysis.js";
import { diagnostic, type Diagnostic } from "../diagnostics.js";
import { registrableDomain } from "../net/domain.js";
import { isNonPublicIp, parseIp } from "../net/ip.js";
import type { Limits } from "../options.js";
import type { Organization } from "../organization.js";
import type { HeaderField, MessageSnapshot } from "../snapshot.js";
import { headerPositions } from "../headers/block.js";
import {
  isGoogleReceiver,
  isLocalHostName,
  isLocalNetworkIp,
  isMicrosoftInternalIp,
  isMicrosoftInternalName,
  isMicrosoftReceiver,
} from "./infrastructure.js";
import { parseReceived, type ParsedReceived } from "./received.js";

/**
 * The route a mail took, read from its Received fields (RFC 5321 §4.4: each server prepends one,
 * so index 0 is the last server), and the *origin*: the hop where the receiving side recorded
 * the address of a machine outside itself. Everything below that hop was written by servers the
 * receiving side does not control, so it is shown but marked unverified.
 */

/** Positions (indexes into `headers`) of the Received fields, top first; [] when unknown. */
export function receivedPositions(headers: readonly HeaderField[]): readonly number[] {
  return headerPositions(headers, "received");
}

interface Walk {
  /** Index of the origin hop. */
  readonly origin?: number;
  /** Last hop written by the receiving side (the origin, where the walk stopped, or the bottom). */
  readonly boundary: number;
  /** At least one hand-over between machines (a "from" IP) was seen and judged internal. */
  readonly sawInternalHandover: boolean;
  /** The walk stopped at a hop naming an outside sender without recording its address. */
  readonly stoppedWithoutIp?: number;
}

/** Registrable domains of the receiving side, guessed from the top hop's "by" name (no config). */
function receivingDomains(hops: readonly ParsedReceived[]): Set<string> {
  const out = new Set<string>();
  for (const hop of hops) {
    if (!hop.by || parseIp(hop.by)) continue;
    const reg = registrableDomain(hop.by.toLowerCase());
    // The hosted services' own domains would swallow their *senders'* outbound servers too.
    if (reg && !["google.com", "outlook.com", "office365.com", "exchangelabs.com"].includes(reg)) out.add(reg);
    break;
  }
  return out;
}

function isInternalHandover(hop: ParsedReceived, organization: Organization, receiving: ReadonlySet<string>): boolean {
  const ip = parseIp(hop.fromIp!);
  if (!ip) return false;
  if (isLocalNetworkIp(ip)) return true;
  // Host patterns match the name the receiving server verified (reverse DNS), never the HELO
  // name, which the sending side chooses freely (RFC 5321 §4.1.4).
  if (organization.isTrustedRelay(hop.fromHost, hop.fromIp)) return true;
  // Exchange Online writes "from <HELO> (<ip>)": trust the Microsoft name only together with a
  // Microsoft-internal address, which an outside sender cannot have.
  if ((isMicrosoftInternalName(hop.fromHelo) || isMicrosoftInternalName(hop.fromHost)) && isMicrosoftInternalIp(ip)) return true;
  if (!organization.known && hop.fromHost && hop.by) {
    const fromReg = registrableDomain(hop.fromHost);
    const byReg = registrableDomain(hop.by.toLowerCase());
    if (fromReg && byReg && receiving.has(fromReg) && receiving.has(byReg)) return true;
  }
  return false;
}

/** A hop that names its sender but recorded no address, in a way that is not local processing. */
function namesOutsideSenderWithoutIp(hop: ParsedReceived): boolean {
  const name = hop.fromHost ?? hop.fromHelo;
  if (!name || name.includes("@") || !name.includes(".") || isLocalHostName(name)) return false;
  if (isMicrosoftInternalName(name)) return false;
  return /smtp/i.test(hop.with ?? "");
}

function walkToOrigin(hops: readonly ParsedReceived[], organization: Organization): Walk {
  const receiving = organization.known ? new Set<string>() : receivingDomains(hops);
  let sawInternalHandover = false;
  for (let i = 0; i < hops.length; i++) {
    const hop = hops[i]!;
    if (!hop.parsed) continue;
    if (hop.fromIp === undefined) {
      if (namesOutsideSenderWithoutIp(hop)) return { boundary: i, sawInternalHandover, stoppedWithoutIp: i };
      continue;
    }
    if (isInternalHandover(hop, organization, receiving)) {
      sawInternalHandover = true;
      continue;
    }
    return { origin: i, boundary: i, sawInternalHandover };
  }
  return { boundary: hops.length - 1, sawInternalHandover };
}

/** X-Forefront-Antispam-Report fields ("CIP:1.2.3.4;CTRY:JP;LANG:ja;..."). */
function forefrontFields(value: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of value.split(";")) {
    const colon = part.indexOf(":");
    if (colon <= 0) continue;
    fields.set(part.slice(0, colon).trim().toUpperCase(), part.slice(colon + 1).trim());
  }
  return fields;
}

/**
 * The country Microsoft 365 recorded for the connecting IP, when the header is the receiving
 * tenant's own: it sits above the origin hop's Received field, or the origin hop was received by
 * Exchange Online, whose header firewall removes organisation headers arriving from outside (and
 * renames another tenant's as "-Untrusted", which is never read here). Its CIP must be the origin
 * IP, so a header about another connection is never applied to this one.
 */
function forefrontCountry(
  snapshot: MessageSnapshot,
  originIp: string,
  originBy: string | undefined,
  originPosition: number | undefined,
): string | undefined {
  const microsoft = isMicrosoftReceiver(originBy);
  for (const i of headerPositions(snapshot.headers, "x-forefront-antispam-report")) {
    const header = snapshot.headers[i]!;
    const above = originPosition !== undefined && i < originPosition;
    if (!above && !microsoft) continue;
    const fields = forefrontFields(header.value);
    const cip = fields.get("CIP");
    if (cip !== undefined && parseIp(cip)?.text !== originIp) continue;
    const country = fields.get("CTRY")?.toUpperCase();
    if (country && /^[A-Z]{2}$/.test(country)) return country;
  }
  return undefined;
}

function countryOf(ip: string, lookup: ((ip: string) => string | undefined) | undefined): string | undefined {
  try {
    const c = lookup?.(ip);
    return c && /^[a-z]{2}$/i.test(c) ? c.toUpperCase() : undefined;
  } catch {
    // An injected lookup that throws must not take the analysis down.
    return undefined;
  }
}

/** Country of a hop's sending address: "private"/"special" without asking the lookup for those. */
function hopCountry(text: string, lookup: ((ip: string) => string | undefined) | undefined): string | undefined {
  const ip = parseIp(text);
  if (!ip) return undefined;
  if (isNonPublicIp(ip)) return isLocalNetworkIp(ip) ? "private" : "special";
  return countryOf(ip.text, lookup);
}

/** Headers in which webmail services and relays name the client that submitted the mail. */
const CLIENT_IP_HEADERS = ["x-originating-ip", "x-sender-ip", "x-client-ip", "x-source-ip", "x-real-ip"];

function claimedClientIp(headers: readonly HeaderField[]): string | undefined {
  for (const name of CLIENT_IP_HEADERS) {
    for (const position of headerPositions(headers, name)) {
      const h = headers[position]!;
      const text = h.value.trim().replace(/^\[/, "").replace(/\]$/, "");
      const ip = parseIp(text);
      if (ip) return ip.text;
    }
  }
  return undefined;
}

export function buildRoute(
  snapshot: MessageSnapshot,
  organization: Organization,
  limits: Limits,
  lookupCountry: ((ip: string) => string | undefined) | undefined,
  report: (d: Diagnostic) => void,
): Route {
  if (snapshot.available.headers === false) {
    report(diagnostic("NO_HEADERS", "warning"));
    return { hops: [] };
  }
  const values = snapshot.received;
  if (values.length > limits.maxReceivedHops) report(diagnostic("TOO_MANY_HOPS", "warning", { limit: limits.maxReceivedHops }));
  const kept = values.slice(0, limits.maxReceivedHops);
  const parsed = kept.map((v) => parseReceived(v));
  const walk = walkToOrigin(parsed, organization);

  const hops: ReceivedHop[] = parsed.map((p, index) => {
    const below = parsed[index + 1];
    const hop: { -readonly [K in keyof ReceivedHop]: ReceivedHop[K] } = {
      index,
      raw: kept[index]!,
      trusted: index <= walk.boundary,
      unverified: index > walk.boundary,
      parsed: p.parsed,
    };
    if (p.fromHelo !== undefined) hop.fromHelo = p.fromHelo;
    if (p.fromHost !== undefined) hop.fromHost = p.fromHost;
    if (p.fromIp !== undefined) hop.fromIp = p.fromIp;
    if (p.by !== undefined) hop.by = p.by;
    if (p.byIp !== undefined) hop.byIp = p.byIp;
    if (p.via !== undefined) hop.via = p.via;
    if (p.with !== undefined) hop.with = p.with;
    if (p.id !== undefined) hop.id = p.id;
    if (p.for !== undefined) hop.for = p.for;
    if (p.date !== undefined) hop.date = p.date;
    if (p.authenticated) hop.authenticated = true;
    if (p.time !== undefined && below?.time !== undefined) hop.delaySeconds = Math.round((p.time - below.time) / 1000);
    const country = p.fromIp === undefined ? undefined : hopCountry(p.fromIp, lookupCountry);
    if (country !== undefined) hop.fromCountry = country;
    return hop;
  });

  hops.forEach((hop) => {
    if (hop.parsed) return;
    // An unreadable hop the receiving side wrote may hide the origin: a warning. Below the
    // origin it is only an outside server's claim: for information.
    report(diagnostic("RECEIVED_UNPARSED", hop.trusted ? "warning" : "info", { index: hop.index + 1 }, hop.raw));
  });

  const route: { -readonly [K in keyof Route]: Route[K] } = { hops };
  const clientIp = claimedClientIp(snapshot.headers);
  if (clientIp) route.claimedClientIp = clientIp;

  if (walk.origin !== undefined) {
    const hop = parsed[walk.origin]!;
    const ip = parseIp(hop.fromIp!)!;
    const origin: { -readonly [K in keyof OriginInfo]: OriginInfo[K] } = { hopIndex: walk.origin, ip: ip.text };
    const host = hop.fromHost ?? hop.fromHelo;
    if (host) origin.host = host;
    if (hop.authenticated) origin.authenticated = true;
    if (isNonPublicIp(ip)) {
      origin.country = isLocalNetworkIp(ip) ? "private" : "special";
    } else {
      const positions = receivedPositions(snapshot.headers);
      const byForefront = forefrontCountry(snapshot, ip.text, hop.by, positions.length === values.length ? positions[walk.origin] : undefined);
      const byLookup = countryOf(ip.text, lookupCountry);
      if (byForefront) {
        origin.country = byForefront;
        origin.countrySource = "forefront";
        if (byLookup && byLookup !== byForefront) origin.countryByLookup = byLookup;
      } else if (byLookup) {
        origin.country = byLookup;
        origin.countrySource = "lookup";
      }
    }
    // Without configuration the walk relies on recognising the receiving side by itself. When
    // the origin hop was not written by a service we recognise and further public addresses
    // follow below it, the origin may in fact be one of the receiving side's own relays.
    const recognised = isMicrosoftReceiver(hop.by) || isGoogleReceiver(hop.by);
    const publicBelow = parsed.slice(walk.origin + 1).some((p) => {
      const below = p.fromIp ? parseIp(p.fromIp) : undefined;
      return !!below && !isLocalNetworkIp(below);
    });
    if (!organization.known && !recognised && publicBelow) {
      origin.uncertain = true;
      report(diagnostic("ORIGIN_UNCERTAIN", "info", { ip: ip.text }));
    }
    route.origin = origin;
    if (organization.known) route.enteredFromOutside = true;
  } else if (walk.stoppedWithoutIp !== undefined) {
    route.originStoppedAt = walk.stoppedWithoutIp;
  } else if (organization.known && walk.sawInternalHandover) {
    // Every hand-over was inside the organisation or its trusted relays.
    route.enteredFromOutside = false;
  }
  return route;
}
