/** Helpers shared by the link rules: the real destination, whose domain is "ours", evidence. */
import type { Evidence, LinkInfo, LinkTarget } from "../../analysis.js";
import type { RuleContext } from "../../context.js";
import { evidence, LABEL } from "../../evidence.js";
import { isTrackerHost, redirectorOwners } from "../../body/services.js";
import { isSameOrSubdomain, normalizeHostname, registrableDomain } from "../../net/domain.js";
import { domainParts, sameBrand } from "../../net/lookalike.js";
import { mayBeWrapper, opaqueWrapperOf } from "../../body/unwrap.js";

/**
 * Per-analysis memo: the same hosts recur across links and rules (a newsletter has hundreds of
 * links to a handful of hosts), and the relations below are pure functions of host and context.
 * One table per relation, keyed by the host string itself: a composite key would be a new
 * string to build and hash on every call.
 */
type Relation = "party" | "sender" | "org" | "expected" | "hasSenderLink";
const memo = new WeakMap<RuleContext, Map<Relation, Map<string, boolean>>>();

function cached(context: RuleContext, relation: Relation, host: string, compute: () => boolean): boolean {
  let relations = memo.get(context);
  if (!relations) {
    relations = new Map();
    memo.set(context, relations);
  }
  let table = relations.get(relation);
  if (!table) {
    table = new Map();
    relations.set(relation, table);
  }
  let value = table.get(host);
  if (value === undefined) {
    value = compute();
    table.set(host, value);
  }
  return value;
}

/** Longest URL shown in evidence; phishing URLs carry kilobytes of tracking tokens. */
export const MAX_EVIDENCE_URL = 300;

export function clipUrl(url: string): string {
  return url.length <= MAX_EVIDENCE_URL ? url : `${url.slice(0, MAX_EVIDENCE_URL)}…`;
}

/** Where the link really leads: the URL inside a rewriting wrapper when there is one. */
export function effectiveTarget(link: LinkInfo): LinkTarget {
  return link.unwrapped ?? link.target;
}

/** The destination is hidden by a wrapper that keeps it server-side (Mimecast): nothing to compare. */
export function isOpaque(link: LinkInfo): boolean {
  const host = effectiveTarget(link).host;
  return host !== null && mayBeWrapper(host) && opaqueWrapperOf(effectiveTarget(link).url) !== undefined;
}

/** Links a person clicks on in the body (not form actions or meta refresh, which have their own rules). */
export function isClickable(link: LinkInfo): boolean {
  return link.element === "a" || link.element === "area" || link.element === "text";
}

export function isWeb(target: LinkTarget): boolean {
  return (target.scheme === "http" || target.scheme === "https") && target.host !== null;
}

/** A URL for display: with the Unicode form of an IDN host next to it, so the person sees what a browser would show. */
export function displayUrl(target: LinkTarget): string {
  const url = clipUrl(target.url);
  return target.hostUnicode ? `${url} (${target.hostUnicode})` : url;
}

/** Evidence for where a link goes: the real destination, and the wrapper it came through. */
export function targetEvidence(link: LinkInfo): Evidence[] {
  const out = [evidence(LABEL.realTarget, displayUrl(effectiveTarget(link)))];
  if (link.unwrapped) {
    out.push(evidence(LABEL.wrappedBy, link.unwrapped.wrapper));
    out.push(evidence(LABEL.link, clipUrl(link.target.url)));
  }
  return out;
}

/** What the person sees as the link. */
export function shownEvidence(link: LinkInfo): Evidence[] {
  if (link.shownKind === "image") return link.shownText === "" ? [] : [evidence(LABEL.imageAlt, link.shownText)];
  return link.shownText === "" ? [] : [evidence(LABEL.shownText, link.shownText)];
}

export function linkEvidence(link: LinkInfo): Evidence[] {
  return [...shownEvidence(link), ...targetEvidence(link)];
}

/** Two hosts of one party: one organisation (registrable domain or configured group), or one brand speaking for itself (see sameBrand). */
export function sameParty(context: RuleContext, a: string, b: string): boolean {
  return context.organization.sameOrganization(a, b) || sameBrand(a, b);
}

/** Strictly the sender's own party (sameParty), without the name relation of isSenderHost. */
export function isSenderParty(context: RuleContext, host: string | null): boolean {
  const sender = context.sender.domain;
  return !!host && !!sender && cached(context, "party", host, () => sameParty(context, host, sender));
}

/**
 * The host belongs to the sender: the same registrable domain or a configured same-organisation
 * group; one brand's family of domains (mail from googlemail.com linking to google.com); or a
 * domain whose name the sender's own domain is built on — an ESP campaign domain such as
 * "brandeblast.com" or "brand-news.com" linking to "brand.com". That last relation only says
 * the link goes where the sender's name already points; it never makes the sender trusted, and
 * LINK_LOOKALIKE does not use it (a look-alike is by definition a name built like another).
 */
export function isSenderHost(context: RuleContext, host: string | null): boolean {
  const sender = context.sender.domain;
  if (!host || !sender) return false;
  return cached(context, "sender", host, () => isSenderParty(context, host) || senderNameBuiltOn(sender, host));
}

/** The sender's label starts with the host's label of 5+ letters ("oracleeblast" / "oracle", "brand-news" / "brand"). */
function senderNameBuiltOn(sender: string, host: string): boolean {
  const s = domainParts(sender);
  const h = domainParts(host);
  if (!s || !h || h.label.length < MIN_BUILT_ON_LENGTH) return false;
  return s.label.startsWith(h.label) && s.label !== h.label;
}

const MIN_BUILT_ON_LENGTH = 5;

/**
 * The mail links to the sender's own site somewhere. A newsletter always does (home page,
 * unsubscribe, logo); a mail that borrows a name to send people elsewhere mostly does not. The
 * hidden-destination rules are medium without such a link and low with one.
 */
export function hasSenderLink(context: RuleContext): boolean {
  return cached(context, "hasSenderLink", "", () =>
    context.body.links.some((link) => isClickable(link) && isWeb(effectiveTarget(link)) && isSenderHost(context, effectiveTarget(link).host)),
  );
}

/** Domains of addresses written in a display name ("Shop news@shop.example <x@relay.example>"), lower-cased. */
export function displayNameDomains(name: string): string[] {
  const out: string[] = [];
  for (let at = name.indexOf("@"); at >= 0; at = name.indexOf("@", at + 1)) {
    let end = at + 1;
    while (end < name.length && /[\d.a-z-]/i.test(name[end]!)) end++;
    // A sentence may end right after the address ("write to news@shop.example.").
    while (end > at + 1 && name[end - 1] === ".") end--;
    const host = normalizeHostname(name.slice(at + 1, end));
    if (host && host.includes(".")) out.push(host);
  }
  return out;
}

/**
 * The link goes to the site the sender's display name names — a forwarding or privacy service
 * ("Newsletter news@shop.example <alias@relay.example>") rewrote the address. A link to the
 * claimed sender's own site is not the deception a link rule looks for (if the claim is false,
 * the sender rules say so).
 */
export function isDisplayNameHost(context: RuleContext, host: string | null): boolean {
  const name = context.sender.from?.name ?? "";
  return !!host && displayNameDomains(name).some((d) => context.organization.sameOrganization(host, d));
}

/** Registrable domains named by URL-valued query parameters ("…/go?dest=https%3A%2F%2Fshop.example%2F"). */
export function redirectDestinations(url: string): string[] {
  // No query, nothing to read (most links): the URL is not parsed again.
  if (!url.includes("?")) return [];
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return [];
  }
  const out: string[] = [];
  params.forEach((value) => {
    const lower = value.slice(0, 8).toLowerCase();
    const candidate = lower.startsWith("http://") || lower.startsWith("https://") ? value : lower.startsWith("www.") ? `http://${value}` : null;
    if (candidate === null) return;
    try {
      const reg = registrableDomain(new URL(candidate).hostname);
      if (reg) out.push(reg);
    } catch {
      // not a URL after all
    }
  });
  return out;
}

/** The host belongs to the reader's own organisation. */
export function isOrganizationHost(context: RuleContext, host: string | null): boolean {
  if (!host) return false;
  const org = context.organization;
  return cached(context, "org", host, () => org.isOwnHost(host) || org.domains.some((d) => org.sameOrganization(host, d)));
}

/**
 * Destinations that are no evidence of anything when a link leaves the sender's domain: the
 * sender's and the organisation's own domains, the admin's allowed link domains, and the
 * click-tracking hosts of mail services (see body/services.ts for why).
 */
export function isExpectedDestination(context: RuleContext, host: string | null): boolean {
  if (!host) return false;
  return cached(
    context,
    "expected",
    host,
    () =>
      isSenderHost(context, host) ||
      isOrganizationHost(context, host) ||
      context.organization.isAllowedLinkHost(host) ||
      isTrackerHost(host) ||
      isSendersRedirector(context, host),
  );
}

/** t.co in mail from X, lnkd.in in mail from LinkedIn: the platform's own link wrapper. */
export function isSendersRedirector(context: RuleContext, host: string | null): boolean {
  const sender = context.sender.domain;
  const owners = redirectorOwners(host);
  return !!sender && !!owners && owners.some((owner) => isSameOrSubdomain(sender, owner));
}

/** One hit per distinct key (the same URL repeated in header, body and footer is one piece of evidence). */
export function distinctBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}
