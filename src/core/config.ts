import { localized, fillLocalized, fillTemplate, type Localized } from "./i18n.js";
import { parseCidr, parseIp } from "./net/ip.js";
import { normalizeHostname, publicSuffixKind } from "./net/domain.js";
import { isBidiControl, makeControlsVisible } from "./visible.js";

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

/**
 * Longest securityDesk.subjectPrefix, in UTF-16 code units as Outlook counts a subject: the report
 * mail's subject is "<prefix> <the mail's subject>" cut at 255 (Office.MessageForm.subject), so
 * 40 leaves the reported mail's subject at least 214 of them: the desk must still see which mail
 * it is. A real prefix ("[不審メール報告]", "[Suspicious mail report]") is under 30.
 */
export const MAX_SUBJECT_PREFIX_CHARS = 40;

const TEXT = {
  notObject: localized("オブジェクト({...})である必要があります。", "must be an object ({...})."),
  notString: localized("文字列である必要があります。", "must be a string."),
  notArray: localized("配列([...])である必要があります。", "must be an array ([...])."),
  unknownKey: localized(
    "不明な設定項目です(綴りを確認してください)。使える項目: {known}",
    "is not a known setting (check the spelling). Known settings: {known}",
  ),
  addressDisplayName: localized(
    "アドレスだけ(csirt@example.co.jp)を書いてください。表示名・引用符・括弧・山括弧(<>)は使えません。",
    "must be the bare address (csirt@example.co.jp): no display name, quotes, parentheses or angle brackets (<>).",
  ),
  addressMany: localized(
    "メールアドレスは 1 つだけにしてください(「{char}」が含まれています)。複数の人に届けるには、窓口側で配布リストを使ってください。",
    'must be exactly one mail address, but contains "{char}": to reach several people, give the address of a distribution list.',
  ),
  addressSpace: localized("空白や制御文字を含めることはできません。", "must not contain spaces or control characters."),
  addressAt: localized("「@」をちょうど 1 つ含むメールアドレス(csirt@example.co.jp)である必要があります。", 'must be a mail address with exactly one "@" (csirt@example.co.jp).'),
  addressLocal: localized(
    "「@」の前が不正です。英数字と ! # $ % & ' * + - / = ? ^ _ ` { | } ~ を、点(.)1 つで区切って 64 文字まで使えます。",
    "has an invalid part before the \"@\": letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~, separated by single dots, at most 64 characters.",
  ),
  addressDomain: localized("「@」の後がドメイン名(example.co.jp)ではありません。", 'has no domain name (example.co.jp) after the "@".'),
  addressLong: localized("長すぎます(メールアドレスは 254 文字まで)。", "is too long (a mail address has at most 254 characters)."),
  notHttps: localized("https:// で始まる URL である必要があります。", "must be an https:// URL."),
  urlSpaces: localized(
    "空白や制御文字を含めることはできません(ブラウザーが黙って取り除くか変換します)。",
    "must not contain spaces or control characters (a browser would silently drop or encode them).",
  ),
  urlUserinfo: localized(
    "ユーザー名やパスワード(user:pass@)を含めることはできません。設定はメールを読む全員の端末に届く(config.json はアドインと一緒に配信される)ため、ここに書いた秘密は秘密になりません。受付側では別の方法で認証してください。",
    "must not contain a user name or password (user:pass@): the settings reach every reader's machine (config.json is served with the add-in), so a secret here is no secret. Let the intake authenticate reports another way.",
  ),
  notDomain: localized("ドメイン名(example.co.jp)である必要があります。", "must be a domain name (example.co.jp)."),
  icannSuffix: localized(
    "パブリックサフィックス(co.jp、jp、com など)です。この下には誰でもドメインを登録できるので、1 つの組織を表せません。組織自身のドメイン(example.co.jp)を書いてください。",
    "is a public suffix (like co.jp, jp or com): anyone can register a domain under it, so it does not stand for one organisation. Give the organisation's own domain (example.co.jp).",
  ),
  privateSuffix: localized(
    "共用のサービスのドメイン(github.io など、Public Suffix List の private 部)です。この下の名前(someone.github.io)はそれぞれ別の利用者のものなので、1 つの組織を表せません。組織自身の名前(example.github.io)を書いてください。",
    "is a shared service's suffix (like github.io, in the private section of the Public Suffix List): each name under it (someone.github.io) belongs to a different customer, so it does not stand for one organisation. Give the organisation's own name under it (example.github.io).",
  ),
  notCountry: localized(
    "ISO 3166-1 の 2 文字の国コード(JP, US など)である必要があります。",
    "must be a two-letter ISO 3166-1 country code (JP, US, ...).",
  ),
  notRelay: localized(
    "ホスト名、ワイルドカード(*.example.co.jp)、IP アドレス、または CIDR(10.0.0.0/8)である必要があります。",
    "must be a host name, a wildcard (*.example.co.jp), an IP address or a CIDR block (10.0.0.0/8).",
  ),
  relayTooWide: localized(
    "範囲が広すぎます(IPv4 は /{v4} 以上、IPv6 は /{v6} 以上)。1 つの組織がこれより広い範囲を持つことはなく、ほかの組織の中継まで信頼してしまいます。",
    "is too wide a range (at least /{v4} for IPv4, /{v6} for IPv6): no one organisation holds more, and other organisations' relays would be trusted too.",
  ),
  hiddenCharacter: localized(
    "{what}({at} 文字目の {code})が含まれています。端末や報告メールにそのまま書き込まれてしまうため、目に見える文字だけを使ってください。",
    "contains {what} ({code}, character {at}), which would be written as it is to terminals and to the report mail: use visible characters only.",
  ),
  prefixTooLong: localized(
    "{length} 文字あります。{max} 文字までにしてください。報告メールの件名は 255 文字で切られ、残りには報告するメールの件名が入ります。",
    "is {length} characters long; at most {max} are allowed: the report mail's subject is cut at 255 characters, and the rest is for the reported mail's own subject.",
  ),
  notPositiveInt: localized("1 以上の整数である必要があります。", "must be a whole number of at least 1."),
  groupTooSmall: localized("2 つ以上のドメインを並べてください。", "must list at least two domains."),
  notJson: localized("JSON として読めません: {detail}", "is not valid JSON: {detail}"),
} as const;

const HIDDEN_KINDS = {
  control: localized("制御文字", "a control character"),
  separator: localized("行区切り・段落区切り文字", "a line or paragraph separator"),
  direction: localized("文字の向きを変える制御文字", "a text-direction control"),
  invisible: localized("見えない書式文字", "an invisible formatting character"),
  surrogate: localized("対になっていないサロゲート", "an unpaired surrogate"),
} as const;

// Every default-ignorable code point but the variation selectors emoji need ("⚠️" is U+26A0 U+FE0F).
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const FORMAT = /\p{Cf}/u;

/**
 * What is wrong with a character in a setting shown or sent as text: C0/C1 controls and DEL (a
 * terminal obeys ESC sequences; CR/LF split a subject), line and paragraph separators, lone
 * surrogates, bidirectional controls (RIGHT-TO-LEFT OVERRIDE reverses what follows, in the
 * draft too), and invisible characters (zero-width, BOM, tags and other format characters).
 */
function hiddenKind(char: string): keyof typeof HIDDEN_KINDS | undefined {
  const code = char.codePointAt(0)!;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return "control";
  if (code === 0x2028 || code === 0x2029) return "separator";
  if (code >= 0xd800 && code <= 0xdfff) return "surrogate";
  if (isBidiControl(code)) return "direction";
  if (code === 0xfe0e || code === 0xfe0f) return undefined;
  if (FORMAT.test(char) || DEFAULT_IGNORABLE.test(char)) return "invisible";
  return undefined;
}

/** The first hidden character of the text, as an error ("contains a control character (U+001B, character 5)"). */
function hiddenCharacterProblem(text: string): Localized | undefined {
  let at = 0;
  for (const char of text) {
    at++;
    const kind = hiddenKind(char);
    if (kind === undefined) continue;
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    const what = HIDDEN_KINDS[kind];
    return {
      ja: fillTemplate(TEXT.hiddenCharacter.ja, { what: what.ja, code, at }),
      en: fillTemplate(TEXT.hiddenCharacter.en, { what: what.en, code, at }),
    };
  }
  return undefined;
}

/**
 * Checks one value and gives back what the core may keep: a copy holding only the own, known
 * properties that were checked (inherited ones, or anything added to the input afterwards, never
 * reach the analysis). The result only counts when no error was pushed.
 */
type Check = (value: unknown, path: string, errors: ConfigError[]) => unknown;

function fail(errors: ConfigError[], path: string, message: Localized): undefined {
  errors.push({ path, message });
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// A key written as ".key" in a path; any other is quoted, hidden characters escaped, so a path
// printed on a terminal or in the pane shows exactly which key is meant and cannot steer either.
const PLAIN_KEY = /^[\p{L}\p{N}_$-][\p{L}\p{N}\p{M}_$.-]*$/u;

/** Text in double quotes as JSON writes it, hidden characters and spaces escaped ("\\u202e"). */
export function quotedText(text: string): string {
  let out = "";
  for (const char of text) {
    if (char === '"' || char === "\\") out += `\\${char}`;
    else if (hiddenKind(char) !== undefined || (char !== " " && /\s/u.test(char))) {
      const code = char.codePointAt(0)!;
      out += code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
    } else out += char;
  }
  return `"${out}"`;
}

/** The path of `key` inside `parent` ("organization.domains", `domainCountries["a b"]`). */
export function settingPath(parent: string, key: string): string {
  const plain = PLAIN_KEY.test(key) && [...key].every((char) => hiddenKind(char) === undefined);
  if (!plain) return `${parent}[${quotedText(key)}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * An object with these settings. The table is a Map and only own keys of the input are read, so
 * a key named like a member of Object.prototype ("__proto__", "constructor", "toString", which
 * JSON.parse makes an own property) is an unknown setting like any misspelling.
 */
function object(table: Readonly<Record<string, Check>>): Check {
  const fields = new Map(Object.entries(table));
  const known = [...fields.keys()].join(", ");
  return (value, path, errors) => {
    if (!isRecord(value)) return fail(errors, path, TEXT.notObject);
    const kept: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const childPath = settingPath(path, key);
      const check = fields.get(key);
      // Only keys of the table are written to the copy, never one from the input.
      if (check) kept[key] = check(value[key], childPath, errors);
      else if (key !== "$schema") fail(errors, childPath, fillLocalized(TEXT.unknownKey, { known }));
    }
    return kept;
  };
}

function arrayOf(item: Check): Check {
  return (value, path, errors) => {
    if (!Array.isArray(value)) return fail(errors, path, TEXT.notArray);
    const kept: unknown[] = [];
    for (let i = 0; i < value.length; i++) kept.push(item(value[i], `${path}[${i}]`, errors));
    return kept;
  };
}

/** A string, and what is wrong with it, if anything. */
function stringWhere(problem: (text: string) => Localized | undefined): Check {
  return (value, path, errors) => {
    if (typeof value !== "string") return fail(errors, path, TEXT.notString);
    const message = problem(value);
    return message ? fail(errors, path, message) : value;
  };
}

// The report's own mail header: one addr-spec (RFC 5322 §3.4.1) with a dot-atom local part.
// A list, a display name or a quoted local part would give the draft's "To" more recipients
// than the desk, or other ones.
// A literal, so the regex check (test/core/regex.test.ts) can run it.
const DOT_ATOM = /^[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*$/;

function addressProblem(text: string): Localized | undefined {
  if ([...text].some((char) => hiddenKind(char) !== undefined)) return TEXT.addressSpace;
  if (/[<>"()[\]\\:]/.test(text)) return TEXT.addressDisplayName;
  const separator = /[,;]/.exec(text);
  if (separator) return fillLocalized(TEXT.addressMany, { char: separator[0] });
  if (/\s/u.test(text)) return TEXT.addressSpace;
  const parts = text.split("@");
  if (parts.length !== 2) return TEXT.addressAt;
  const [local, host] = parts as [string, string];
  if (local.length > 64 || !DOT_ATOM.test(local)) return TEXT.addressLocal;
  // The domain as written goes into the draft: letters, digits, hyphens and dots (an IDN in
  // Unicode too), never percent-escapes the URL parser would decode.
  if (!/^[\p{L}\p{N}\p{M}.-]+$/u.test(host) || hostSyntaxProblem(host) !== undefined) return TEXT.addressDomain;
  if (text.length > 254) return TEXT.addressLong;
  return undefined;
}

function intakeUrlProblem(text: string): Localized | undefined {
  if (/\s/u.test(text) || [...text].some((char) => hiddenKind(char) !== undefined)) return TEXT.urlSpaces;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return TEXT.notHttps;
  }
  if (url.protocol !== "https:") return TEXT.notHttps;
  if (url.username !== "" || url.password !== "") return TEXT.urlUserinfo;
  return undefined;
}

function subjectPrefixProblem(text: string): Localized | undefined {
  const hidden = hiddenCharacterProblem(text);
  if (hidden) return hidden;
  if (text.length > MAX_SUBJECT_PREFIX_CHARS) return fillLocalized(TEXT.prefixTooLong, { length: text.length, max: MAX_SUBJECT_PREFIX_CHARS });
  return undefined;
}

const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A host name as DNS has it once normalised (IDNA to punycode, lower case): labels of letters,
 * digits and inner hyphens, at least two of them, not an IP. The URL parser alone lets ",", ";",
 * "!" and more through.
 */
function hostSyntaxProblem(text: string): Localized | undefined {
  const host = normalizeHostname(text);
  if (host === null || host.length > 253 || parseIp(host) !== undefined) return TEXT.notDomain;
  const labels = host.split(".");
  if (!labels.every((label) => LDH_LABEL.test(label))) return TEXT.notDomain;
  return labels.length < 2 ? TEXT.notDomain : undefined;
}

/**
 * A domain that names one organisation: a host name, and not itself a public suffix. "co.jp",
 * "jp" or "github.io" as an own domain, trusted relay or allowed link domain would make every
 * domain under it the organisation's (anyone registers under co.jp; each github.io name is a
 * different customer's).
 */
function domainProblem(text: string): Localized | undefined {
  const host = normalizeHostname(text);
  const suffix = host === null ? undefined : publicSuffixKind(host);
  if (suffix === "icann") return TEXT.icannSuffix;
  if (suffix === "private") return TEXT.privateSuffix;
  return hostSyntaxProblem(text);
}

// No one organisation holds more than an IPv4 /8 or an IPv6 /16 (RIRs allocate /19–/32 to the
// largest networks); "0.0.0.0/0" would trust every relay.
const WIDEST_RELAY = { 4: 8, 6: 16 } as const;

function relayProblem(text: string): Localized | undefined {
  const range = parseCidr(text);
  if (range) {
    const widest = WIDEST_RELAY[range.network.family];
    return range.prefix < widest ? fillLocalized(TEXT.relayTooWide, { v4: WIDEST_RELAY[4], v6: WIDEST_RELAY[6] }) : undefined;
  }
  const problem = domainProblem(text.startsWith("*.") ? text.slice(2) : text);
  return problem === TEXT.notDomain ? TEXT.notRelay : problem;
}

const visibleString = stringWhere(hiddenCharacterProblem);
const email = stringWhere(addressProblem);
const httpsUrl = stringWhere(intakeUrlProblem);
const domain = stringWhere(domainProblem);
const country = stringWhere((s) => (/^[A-Z]{2}$/.test(s) ? undefined : TEXT.notCountry));
const relay = stringWhere(relayProblem);
const subjectPrefix = stringWhere(subjectPrefixProblem);

const positiveInteger: Check = (value, path, errors) => {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) return fail(errors, path, TEXT.notPositiveInt);
  return value;
};

const domainGroup: Check = (value, path, errors) => {
  const kept = arrayOf(domain)(value, path, errors);
  if (Array.isArray(value) && value.length < 2) fail(errors, path, TEXT.groupTooSmall);
  return kept;
};

const domainCountries: Check = (value, path, errors) => {
  if (!isRecord(value)) return fail(errors, path, TEXT.notObject);
  const kept: [string, unknown][] = [];
  for (const key of Object.keys(value)) {
    const keyPath = settingPath(path, key);
    const problem = domainProblem(key);
    if (problem) fail(errors, keyPath, problem);
    kept.push([key, country(value[key], keyPath, errors)]);
  }
  // Keys come from the input: defined as own properties, never assigned ("__proto__").
  return Object.fromEntries(kept);
};

const checkConfig = object({
  securityDesk: object({ address: email, intakeUrl: httpsUrl, subjectPrefix }),
  organization: object({
    name: visibleString,
    domains: arrayOf(domain),
    country,
    trustedRelays: arrayOf(relay),
    authservIds: arrayOf(visibleString),
  }),
  domainCountries,
  sameOrganizationDomains: arrayOf(domainGroup),
  allowedLinkDomains: arrayOf(domain),
  massRecipientThreshold: positiveInteger,
});

/** Validates parsed JSON; every problem is reported with its path, not just the first. */
export function validateConfig(value: unknown): ConfigResult {
  const errors: ConfigError[] = [];
  const config = checkConfig(value, "", errors);
  return errors.length === 0 ? { ok: true, config: config as Config } : { ok: false, errors };
}

/** Parses and validates config text (the file's contents). */
export function parseConfig(text: string): ConfigResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // The engine's message quotes the file around the mistake: its hidden characters are shown, not obeyed.
    const detail = makeControlsVisible(String((error as Error).message));
    return { ok: false, errors: [{ path: "(file)", message: fillLocalized(TEXT.notJson, { detail }) }] };
  }
  return validateConfig(value);
}
