import { localized, fillLocalized, type Localized } from "./i18n.js";
import { parseCidr, parseIp } from "./net/ip.js";
import { normalizeHostname } from "./net/domain.js";

/**
 * The admin's configuration: the same JSON for the command line (--config) and the task pane
 * (config.json served beside it). Users configure nothing; everything here is optional, and
 * checks that need a missing key say so in diagnostics.
 */
export interface Config {
  readonly securityDesk?: {
    readonly address?: string;
    /** HTTPS endpoint that accepts reports as JSON (optional). */
    readonly intakeUrl?: string;
    /** Prefix of the report mail's subject. */
    readonly subjectPrefix?: string;
  };
  readonly organization?: {
    readonly name?: string;
    /** The organisation's own mail domains (a subdomain of one counts as own). */
    readonly domains?: readonly string[];
    /** ISO 3166-1 alpha-2 country of the organisation (implied for its own domains). */
    readonly country?: string;
    /** The organisation's relays and trusted forwarders: host patterns ("*.example.co.jp") and IPs/CIDRs. */
    readonly trustedRelays?: readonly string[];
    /** authserv-ids of the organisation's own receivers in Authentication-Results. */
    readonly authservIds?: readonly string[];
  };
  /** Country implied by a sender domain that its TLD does not tell ("example.com": "US"). */
  readonly domainCountries?: Readonly<Record<string, string>>;
  /** Groups of domains that belong to one organisation (links between them are not suspicious). */
  readonly sameOrganizationDomains?: readonly (readonly string[])[];
  /** Link domains never reported as hidden targets (the organisation's own tracking or portals). */
  readonly allowedLinkDomains?: readonly string[];
  /** How many of the organisation's addresses in To/Cc count as a mass mailing (default 10). */
  readonly massRecipientThreshold?: number;
}

export interface ConfigError {
  /** Where in the JSON: "organization.trustedRelays[1]". */
  readonly path: string;
  readonly message: Localized;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

export const DEFAULT_MASS_RECIPIENT_THRESHOLD = 10;

const TEXT = {
  notObject: localized("オブジェクト({...})である必要があります。", "must be an object ({...})."),
  notString: localized("文字列である必要があります。", "must be a string."),
  notArray: localized("配列([...])である必要があります。", "must be an array ([...])."),
  unknownKey: localized(
    "不明な設定項目です(綴りを確認してください)。使える項目: {known}",
    "is not a known setting (check the spelling). Known settings: {known}",
  ),
  notEmail: localized("メールアドレス(name@example.jp)である必要があります。", "must be a mail address (name@example.jp)."),
  notHttps: localized("https:// で始まる URL である必要があります。", "must be an https:// URL."),
  notDomain: localized("ドメイン名(example.co.jp)である必要があります。", "must be a domain name (example.co.jp)."),
  notCountry: localized(
    "ISO 3166-1 の 2 文字の国コード(JP, US など)である必要があります。",
    "must be a two-letter ISO 3166-1 country code (JP, US, ...).",
  ),
  notRelay: localized(
    "ホスト名、ワイルドカード(*.example.co.jp)、IP アドレス、または CIDR(10.0.0.0/8)である必要があります。",
    "must be a host name, a wildcard (*.example.co.jp), an IP address or a CIDR block (10.0.0.0/8).",
  ),
  notPositiveInt: localized("1 以上の整数である必要があります。", "must be a whole number of at least 1."),
  groupTooSmall: localized("2 つ以上のドメインを並べてください。", "must list at least two domains."),
  notJson: localized("JSON として読めません: {detail}", "is not valid JSON: {detail}"),
} as const;

type Check = (value: unknown, path: string, errors: ConfigError[]) => void;

function fail(errors: ConfigError[], path: string, message: Localized): void {
  errors.push({ path, message });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function object(fields: Readonly<Record<string, Check>>): Check {
  return (value, path, errors) => {
    if (!isRecord(value)) return fail(errors, path, TEXT.notObject);
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const check = fields[key];
      if (check) check(child, childPath, errors);
      else if (key !== "$schema") fail(errors, childPath, fillLocalized(TEXT.unknownKey, { known: Object.keys(fields).join(", ") }));
    }
  };
}

function arrayOf(item: Check): Check {
  return (value, path, errors) => {
    if (!Array.isArray(value)) return fail(errors, path, TEXT.notArray);
    value.forEach((entry, i) => item(entry, `${path}[${i}]`, errors));
  };
}

function stringWhere(valid: (text: string) => boolean, message: Localized): Check {
  return (value, path, errors) => {
    if (typeof value !== "string") return fail(errors, path, TEXT.notString);
    if (!valid(value)) fail(errors, path, message);
  };
}

const anyString = stringWhere(() => true, TEXT.notString);
// One "@", something on each side, a dot in the domain: enough to catch typos, not an RFC 5321 validator.
const email = stringWhere((s) => /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(s), TEXT.notEmail);
const httpsUrl = stringWhere((s) => {
  try {
    return new URL(s).protocol === "https:";
  } catch {
    return false;
  }
}, TEXT.notHttps);
const domain = stringWhere((s) => isDomainName(s), TEXT.notDomain);
const country = stringWhere((s) => /^[A-Z]{2}$/.test(s), TEXT.notCountry);
const relay = stringWhere((s) => parseCidr(s) !== undefined || isDomainName(s.startsWith("*.") ? s.slice(2) : s), TEXT.notRelay);

const positiveInteger: Check = (value, path, errors) => {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) fail(errors, path, TEXT.notPositiveInt);
};

const domainGroup: Check = (value, path, errors) => {
  arrayOf(domain)(value, path, errors);
  if (Array.isArray(value) && value.length < 2) fail(errors, path, TEXT.groupTooSmall);
};

const domainCountries: Check = (value, path, errors) => {
  if (!isRecord(value)) return fail(errors, path, TEXT.notObject);
  for (const [key, child] of Object.entries(value)) {
    if (!isDomainName(key)) fail(errors, `${path}.${key}`, TEXT.notDomain);
    country(child, `${path}.${key}`, errors);
  }
};

const checkConfig = object({
  securityDesk: object({ address: email, intakeUrl: httpsUrl, subjectPrefix: anyString }),
  organization: object({
    name: anyString,
    domains: arrayOf(domain),
    country,
    trustedRelays: arrayOf(relay),
    authservIds: arrayOf(anyString),
  }),
  domainCountries,
  sameOrganizationDomains: arrayOf(domainGroup),
  allowedLinkDomains: arrayOf(domain),
  massRecipientThreshold: positiveInteger,
});

function isDomainName(text: string): boolean {
  const host = normalizeHostname(text);
  return host !== null && host.includes(".") && parseIp(host) === undefined;
}

/** Validates parsed JSON; every problem is reported with its path, not just the first. */
export function validateConfig(value: unknown): ConfigResult {
  const errors: ConfigError[] = [];
  checkConfig(value, "", errors);
  return errors.length === 0 ? { ok: true, config: value as Config } : { ok: false, errors };
}

/** Parses and validates config text (the file's contents). */
export function parseConfig(text: string): ConfigResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: "(file)", message: fillLocalized(TEXT.notJson, { detail: String((error as Error).message) }) }] };
  }
  return validateConfig(value);
}

