/**
 * Look-alike domains: a domain made to be mistaken for another one the reader trusts (the
 * sender's, the organisation's own, a widely impersonated brand). Shared by the link rules and
 * the sender rules.
 *
 * Domains are compared by registrable domain (eTLD+1) and by the label in front of the public
 * suffix ("example" of "example.co.jp"). Every comparison is linear in the label length (no
 * general edit-distance matrix): a mail can carry thousands of links.
 */
import { getPublicSuffix } from "tldts";
import type { Severity } from "../analysis.js";
import { hostToUnicode, isSameOrSubdomain, registrableDomain } from "./domain.js";
import { parseIp } from "./ip.js";
import { boundedMemo } from "../memo.js";

/**
 * Characters that render (nearly) like an ASCII letter or digit, mapped to it: the Cyrillic,
 * Greek and Armenian letters of Unicode's confusables data (UTS #39) that matter in domain
 * names, dotless/small-capital forms, and the digit swaps typosquatters use ("paypa1", "g00gle").
 * "i", "l", "1" and "|" all become "l" because in many fonts they are the same stroke.
 */
const CONFUSABLE: Readonly<Record<string, string>> = {
  // Cyrillic
  "а": "a", "в": "b", "е": "e", "ё": "e", "һ": "h", "і": "l", "ї": "l", "ј": "j", "к": "k", "ӏ": "l", "м": "m", "н": "h",
  "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ь": "b", "ɡ": "g",
  // Greek
  "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "l", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w",
  // Armenian
  "ա": "w", "հ": "h", "ո": "n", "ս": "u", "օ": "o", "ց": "g", "զ": "q",
  // Latin look-alikes
  "ı": "l", "ɩ": "l", "ȷ": "j", "ʀ": "r", "ᴅ": "d", "ɑ": "a", "ß": "ss",
  // Letters and digits confused with each other
  "i": "l", "1": "l", "|": "l", "0": "o", "5": "s", "3": "e",
};

/** Two-letter sequences that read as one letter at a glance ("rn" → "m"). Applied after CONFUSABLE. */
const DIGRAPHS: Readonly<Record<string, string>> = { rn: "m", vv: "w", cl: "d" };

/**
 * The "skeleton" of a label (after UTS #39 §4): two labels with the same skeleton look alike.
 * Punycode is decoded, compatibility forms folded (NFKC), accents dropped (NFD + strip marks),
 * confusable characters mapped to their ASCII twin, then digraphs collapsed.
 */
export function skeleton(label: string): string {
  const unicode = label.startsWith("xn--") ? hostToUnicode(label) : label;
  const folded = unicode.normalize("NFKC").toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  let mapped = "";
  for (const char of folded) mapped += CONFUSABLE[char] ?? char;
  let out = "";
  for (let i = 0; i < mapped.length; i++) {
    const pair = DIGRAPHS[mapped.slice(i, i + 2)];
    if (pair) {
      out += pair;
      i++;
    } else {
      out += mapped[i];
    }
  }
  return out;
}

/**
 * True when `a` and `b` are at most one edit apart (insert, delete, substitute, or swap two
 * neighbours — the optimal string alignment distance ≤ 1). Linear time.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

export interface DomainParts {
  /** The registrable domain (eTLD+1), ASCII. */
  readonly domain: string;
  /** The label in front of the public suffix, in Unicode ("example", "аррӏе"). */
  readonly label: string;
  /** The public suffix ("co.jp"). */
  readonly suffix: string;
  /** skeleton(label). */
  readonly skeleton: string;
  /** The skeleton without hyphens, and its hyphen-separated words: compared with every reference. */
  readonly joined: string;
  readonly words: readonly string[];
  /** The suffix's labels: all joined ("cojp") and the last ("jp"). */
  readonly suffixJoined: string;
  readonly suffixLast: string;
}

/** Splits a host into registrable label and public suffix; undefined for IPs and suffix-only names. Memoised: the skeleton is costly and hosts repeat. */
export const domainParts: (host: string) => DomainParts | undefined = boundedMemo(computeParts, 5000);

function computeParts(host: string): DomainParts | undefined {
  if (parseIp(host)) return undefined;
  const domain = registrableDomain(host);
  if (!domain) return undefined;
  const suffix = getPublicSuffix(domain, { allowPrivateDomains: true, extractHostname: false });
  if (!suffix || suffix.length >= domain.length) return undefined;
  const label = hostToUnicode(domain.slice(0, domain.length - suffix.length - 1));
  let skel: string | undefined;
  let joined: string | undefined;
  let words: readonly string[] | undefined;
  const suffixLabels = suffix.split(".");
  return {
    domain,
    label,
    suffix,
    // Computed on first use: callers that only need the label should not pay for them. The parts
    // are cached (domainParts), so a host compared with a hundred references computes them once.
    get skeleton() {
      skel ??= skeleton(label);
      return skel;
    },
    get joined() {
      joined ??= stripHyphens(this.skeleton);
      return joined;
    },
    get words() {
      words ??= this.skeleton.split("-");
      return words;
    },
    suffixJoined: suffixLabels.join(""),
    suffixLast: suffixLabels[suffixLabels.length - 1]!,
  };
}

export type LookalikeSource = "sender" | "organization" | "brand";

/**
 * How a domain imitates a reference:
 * - "subdomain": the reference sits in front of another domain ("paypal.com.example.net")
 * - "homoglyph": same skeleton, different characters ("pаypal" with Cyrillic а, "rnicrosoft")
 * - "suffix": the reference's suffix folded into the label ("example-co-jp.com", "examplejp.net")
 * - "typo": one edit apart ("exampel", "exmple") on a label of 6 or more letters
 * - "combo": the reference's label plus words ("example-login.com", "paypalsecure.net")
 * - "same-label": the same label under another suffix ("example.com" for "example.co.jp")
 */
export type LookalikeKind = "subdomain" | "homoglyph" | "suffix" | "typo" | "combo" | "same-label";

export interface LookalikeReference {
  /** The genuine registrable domain. */
  readonly domain: string;
  readonly source: LookalikeSource;
  /** Brand name for display ("PayPal"); absent for the sender and the organisation. */
  readonly name?: string;
}

export interface LookalikeMatch {
  readonly reference: LookalikeReference;
  readonly kind: LookalikeKind;
}

/** Labels shorter than this are compared by skeleton only: one edit turns any short word into another. */
export const MIN_TYPO_LENGTH = 6;
/** A reference label appears as a whole hyphen-separated word ("dhl-express"): brands from 3 letters, others from 5. */
const MIN_TOKEN_LENGTH: Readonly<Record<LookalikeSource, number>> = { brand: 3, organization: 4, sender: 5 };
/** A reference label glued to other letters ("paypalsecure", "securepaypal") must be this long to mean anything. */
const MIN_EMBEDDED_LENGTH = 6;

const stripHyphens = (text: string): string => text.replace(/-/g, "");

/**
 * A domain's parts as plain values, read once: a host is compared with every reference, and the
 * brand references with every host of every mail (getters and string building per comparison
 * cost more than the comparisons).
 */
interface Compared {
  readonly domain: string;
  /** ".domain.": found inside a host's dotted prefix when the domain is used as a subdomain. */
  readonly dotted: string;
  readonly label: string;
  readonly skeleton: string;
  readonly joined: string;
  readonly words: readonly string[];
  readonly suffixJoined: string;
  readonly suffixLast: string;
}

function compared(parts: DomainParts): Compared {
  const { domain, label, skeleton, joined, words, suffixJoined, suffixLast } = parts;
  return { domain, dotted: `.${domain}.`, label, skeleton, joined, words, suffixJoined, suffixLast };
}

/** Brand references are constants: their parts are read once per process. */
const preparedReferences = new WeakMap<LookalikeReference, Compared | null>();

function preparedReference(reference: LookalikeReference): Compared | null {
  let prepared = preparedReferences.get(reference);
  if (prepared === undefined) {
    const parts = domainParts(reference.domain);
    prepared = parts ? compared(parts) : null;
    preparedReferences.set(reference, prepared);
  }
  return prepared;
}

function suffixFolded(candidate: Compared, reference: Compared): boolean {
  const label = candidate.joined;
  const base = reference.joined;
  if (base.length < 3 || !label.startsWith(base) || label === base) return false;
  const rest = label.slice(base.length);
  // "examplecojp" / "example-co-jp" for example.co.jp, "examplejp" for the last suffix label.
  return rest === reference.suffixJoined || rest === reference.suffixLast;
}

function isCombo(candidate: Compared, reference: Compared, source: LookalikeSource): boolean {
  const ref = reference.skeleton;
  const label = candidate.skeleton;
  if (label === ref) return false;
  const tokens = candidate.words;
  if (tokens.length > 1 && ref.length >= MIN_TOKEN_LENGTH[source] && tokens.includes(ref)) return true;
  if (source === "sender") return false;
  // Shorter names glued to other letters are ordinary words too ("apple" in "applebees").
  return ref.length >= MIN_EMBEDDED_LENGTH && candidate.joined.includes(ref);
}

/** How `candidate` imitates one reference, or undefined. `dottedPrefix` is ".sub.labels." in front of its domain, or "". */
function compare(dottedPrefix: string, candidate: Compared, source: LookalikeSource, ref: Compared): LookalikeKind | undefined {
  if (candidate.domain === ref.domain) return undefined;
  if (dottedPrefix !== "" && dottedPrefix.includes(ref.dotted)) return "subdomain";
  if (candidate.label === ref.label) return "same-label";
  if (candidate.skeleton === ref.skeleton) return "homoglyph";
  if (suffixFolded(candidate, ref)) return "suffix";
  // Raw labels too: a typo can create a digraph ("kurnoeko…" for "kuroneko…") that moves the skeletons apart.
  if (ref.skeleton.length >= MIN_TYPO_LENGTH && (withinOneEdit(candidate.skeleton, ref.skeleton) || withinOneEdit(candidate.label, ref.label))) return "typo";
  if (isCombo(candidate, ref, source)) return "combo";
  return undefined;
}

const KIND_ORDER: readonly LookalikeKind[] = ["subdomain", "homoglyph", "suffix", "typo", "combo", "same-label"];

/**
 * The strongest way `host` imitates one of `references`, or undefined. A host that *is* one of
 * the references (same registrable domain) imitates nothing. Deciding which kinds matter for
 * which source (brands own their other suffixes, so "same-label" means little for them) is the
 * caller's business.
 */
export function findLookalike(host: string, references: readonly LookalikeReference[]): LookalikeMatch | undefined {
  const parts = domainParts(host);
  if (!parts) return undefined;
  const candidate = compared(parts);
  if (references.some((r) => r.domain === candidate.domain)) return undefined;
  // A brand's own other domains (amazonaws.com, google.co.jp) are the brand, not look-alikes of it.
  const brandOwned = isBrandOwnedHost(candidate.domain);
  const dottedPrefix = host.length > candidate.domain.length ? `.${host.slice(0, host.length - candidate.domain.length - 1)}.` : "";
  let best: LookalikeMatch | undefined;
  for (const reference of references) {
    if (brandOwned && reference.source === "brand") continue;
    const refParts = preparedReference(reference);
    if (!refParts) continue;
    const kind = compare(dottedPrefix, candidate, reference.source, refParts);
    if (kind && (!best || KIND_ORDER.indexOf(kind) < KIND_ORDER.indexOf(best.kind))) best = { reference, kind };
  }
  return best;
}

export interface Brand {
  readonly name: string;
  /** Labels a look-alike would imitate ("paypal"). */
  readonly labels: readonly string[];
  /** Registrable domains the brand really uses: never look-alikes of it. */
  readonly domains: readonly string[];
  /**
   * Hosts among those where anyone can get an address or publish content (free mail, file
   * sharing, forms, tenant domains). They are the brand's, but what is on them is not the
   * brand speaking: mail from gmail.com linking to drive.google.com is two strangers' content.
   */
  readonly openHosts?: readonly string[];
}

/**
 * Brands most often impersonated in phishing seen in Japan (JPCERT/CC and the Council of Anti-
 * Phishing Japan publish monthly lists led by these) and worldwide. Kept short on purpose: each
 * label must be distinctive enough that "label-word.com" is a claim to be the brand. Generic
 * words ("office", "outlook", "yamato", "au") are left out for that reason.
 */
export const BRANDS: readonly Brand[] = [
  {
    name: "Microsoft",
    labels: ["microsoft", "office365", "microsoft365", "onedrive", "sharepoint"],
    domains: [
      "microsoft.com", "microsoftonline.com", "office.com", "office365.com", "office.net", "outlook.com", "live.com", "hotmail.com",
      "msn.com", "sharepoint.com", "onedrive.com", "windows.net", "azure.com", "bing.com", "skype.com", "microsoft365.com", "msft.net",
      "onmicrosoft.com", "1drv.ms",
    ],
    // onmicrosoft.com: every Microsoft 365 tenant (trial tenants send much phishing); windows.net: Azure storage.
    openHosts: [
      "outlook.com", "hotmail.com", "live.com", "msn.com", "onmicrosoft.com", "sharepoint.com", "onedrive.live.com", "1drv.ms",
      "forms.office.com", "windows.net",
    ],
  },
  {
    name: "Google",
    labels: ["google", "gmail", "youtube"],
    domains: [
      "google.com", "google.co.jp", "googleapis.com", "googleusercontent.com", "gstatic.com", "googlegroups.com", "googlemail.com",
      "gmail.com", "youtube.com", "youtu.be", "google-analytics.com", "googletagmanager.com", "googleadservices.com",
      "googlesyndication.com", "withgoogle.com",
    ],
    openHosts: [
      "gmail.com", "googlemail.com", "drive.google.com", "docs.google.com", "sites.google.com", "script.google.com", "forms.gle",
      "googleusercontent.com", "storage.googleapis.com", "firebasestorage.googleapis.com", "groups.google.com", "googlegroups.com",
    ],
  },
  {
    name: "Apple",
    labels: ["apple", "appleid", "icloud", "itunes"],
    domains: ["apple.com", "apple.co.jp", "icloud.com", "itunes.com", "me.com", "mzstatic.com"],
    openHosts: ["icloud.com", "me.com"],
  },
  {
    name: "Amazon",
    labels: ["amazon"],
    domains: ["amazon.com", "amazon.co.jp", "amazonaws.com", "amazonses.com", "amazon-adsystem.com", "media-amazon.com", "ssl-images-amazon.com", "amazontrust.com", "amazon.jobs", "primevideo.com"],
    // amazonaws.com: S3 buckets and EC2 hosts of anyone; amazonses.com: anyone's bulk mail.
    openHosts: ["amazonaws.com", "amazonses.com"],
  },
  { name: "PayPal", labels: ["paypal"], domains: ["paypal.com", "paypal.me", "paypalobjects.com", "paypal-community.com"] },
  { name: "Netflix", labels: ["netflix"], domains: ["netflix.com", "netflix.net", "nflximg.net"] },
  { name: "Meta", labels: ["facebook", "instagram", "whatsapp"], domains: ["facebook.com", "fb.com", "facebookmail.com", "fbcdn.net", "instagram.com", "whatsapp.com", "meta.com"] },
  { name: "LinkedIn", labels: ["linkedin"], domains: ["linkedin.com", "licdn.com", "lnkd.in"] },
  { name: "DocuSign", labels: ["docusign"], domains: ["docusign.com", "docusign.net"] },
  { name: "Dropbox", labels: ["dropbox"], domains: ["dropbox.com", "dropboxusercontent.com", "dropboxmail.com"], openHosts: ["dropbox.com", "dropboxusercontent.com"] },
  {
    name: "Adobe",
    labels: ["adobe"],
    domains: ["adobe.com", "adobesign.com", "adobe.io", "acrobat.com"],
    openHosts: ["acrobat.adobe.com", "express.adobe.com", "spark.adobe.com", "acrobat.com"],
  },
  { name: "DHL", labels: ["dhl"], domains: ["dhl.com", "dhl.de", "dhl.co.jp"] },
  { name: "FedEx", labels: ["fedex"], domains: ["fedex.com"] },
  { name: "Yahoo!", labels: ["yahoo"], domains: ["yahoo.com", "yahoo.co.jp", "yahoo.net", "yimg.com", "yimg.jp"], openHosts: ["yahoo.com", "yahoo.co.jp"] },
  {
    name: "Rakuten",
    labels: ["rakuten"],
    domains: ["rakuten.co.jp", "rakuten.com", "rakuten.ne.jp", "rakuten-card.co.jp", "rakuten-bank.co.jp", "rakuten-sec.co.jp", "rakuten-mobile.co.jp", "r10s.jp"],
  },
  { name: "Mercari", labels: ["mercari"], domains: ["mercari.com", "mercari.jp", "merpay.com"] },
  { name: "Japan Post", labels: ["japanpost"], domains: ["japanpost.jp"] },
  { name: "Yamato Transport", labels: ["kuronekoyamato"], domains: ["kuronekoyamato.co.jp", "yamato-hd.co.jp"] },
  { name: "Sagawa Express", labels: ["sagawa-exp"], domains: ["sagawa-exp.co.jp"] },
  { name: "MUFG", labels: ["mufg"], domains: ["mufg.jp"] },
  { name: "SMBC", labels: ["smbc"], domains: ["smbc.co.jp", "smbc-card.com", "smbcnikko.co.jp"] },
  { name: "Mizuho", labels: ["mizuhobank"], domains: ["mizuhobank.co.jp", "mizuho-fg.co.jp"] },
  { name: "JCB", labels: ["jcb"], domains: ["jcb.co.jp", "jcb.jp"] },
  { name: "AEON", labels: ["aeon"], domains: ["aeon.co.jp", "aeon.com", "aeonbank.co.jp"] },
  { name: "NTT docomo", labels: ["docomo"], domains: ["docomo.ne.jp", "nttdocomo.co.jp"] },
  { name: "SoftBank", labels: ["softbank"], domains: ["softbank.jp", "softbank.co.jp", "softbank.ne.jp"] },
  // Crypto-asset services: wallet and exchange log-ins are among the most phished credentials.
  { name: "Coinbase", labels: ["coinbase"], domains: ["coinbase.com"] },
  { name: "Binance", labels: ["binance"], domains: ["binance.com"] },
  { name: "MetaMask", labels: ["metamask"], domains: ["metamask.io"] },
  { name: "bitFlyer", labels: ["bitflyer"], domains: ["bitflyer.com", "bitflyer.jp"] },
  { name: "Coincheck", labels: ["coincheck"], domains: ["coincheck.com"] },
];

/** One reference per brand label, with the brand's own domain as the reference domain. */
export const BRAND_REFERENCES: readonly LookalikeReference[] = BRANDS.flatMap((brand) =>
  brand.labels.map((label): LookalikeReference => {
    const own = brand.domains.find((d) => d.startsWith(`${label}.`)) ?? `${label}.com`;
    return { domain: own, source: "brand", name: brand.name };
  }),
);

const BRAND_BY_DOMAIN: ReadonlyMap<string, Brand> = new Map(BRANDS.flatMap((brand) => brand.domains.map((d): [string, Brand] => [d, brand])));

/**
 * The brand whose own domains include `host` (the host or a parent domain of it), if any. Walks
 * the labels instead of asking for the registrable domain: some brand domains are themselves
 * public suffixes for their customers (googleapis.com, amazonaws.com).
 */
export function brandOf(host: string): Brand | undefined {
  let domain = host;
  for (;;) {
    const brand = BRAND_BY_DOMAIN.get(domain);
    if (brand) return brand;
    const dot = domain.indexOf(".");
    if (dot < 0) return undefined;
    domain = domain.slice(dot + 1);
  }
}

/**
 * Both hosts are the same brand speaking for itself: one brand's domains, neither of them a host
 * where anyone can publish (mail from googlemail.com's postmaster linking to support.google.com,
 * not a gmail.com user linking to a drive.google.com file).
 */
export function sameBrand(a: string, b: string): boolean {
  const brand = brandOf(a);
  if (!brand || brand !== brandOf(b)) return false;
  const open = brand.openHosts ?? [];
  return !open.some((h) => isSameOrSubdomain(a, h) || isSameOrSubdomain(b, h));
}

/** True when `host` belongs to one of the brands' own domains. */
export function isBrandOwnedHost(host: string): boolean {
  return brandOf(host) !== undefined;
}

/**
 * Severity of a match, or undefined when it means nothing:
 * - a brand under another suffix ("amazon.de") is the brand's own, mostly: brands register
 *   their names everywhere; same for the sender's name under another suffix;
 * - the sender's name combined with other words ("example-news.com" from example.com) is often
 *   the sender's own campaign domain: medium;
 * - the organisation's name under another suffix: medium (an unlisted sister domain is possible,
 *   and the admin can list it in sameOrganizationDomains).
 */
export function lookalikeSeverity(match: LookalikeMatch): Severity | undefined {
  const { kind, reference } = match;
  if (kind === "same-label") return reference.source === "organization" ? "medium" : undefined;
  if (kind === "combo" && reference.source === "sender") return "medium";
  return "high";
}

export function describeReference(reference: LookalikeReference): string {
  const domain = hostToUnicode(reference.domain);
  return reference.name ? `${domain} (${reference.name})` : domain;
}
