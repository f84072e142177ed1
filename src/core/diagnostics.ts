import { fillLocalized, localized, type Localized } from "./i18n.js";

/**
 * Stable diagnostic codes: what could not be parsed or checked. Codes never change meaning once
 * published (reports and CSIRT tooling key on them); add new ones, never renumber or reuse.
 * Like parse5's error codes, bad input becomes a diagnostic, never an exception.
 */
export const DIAGNOSTIC_TEXT = {
  MIME_PARSE_FAILED: localized(
    "メールの構造(MIME)を解析できませんでした。ヘッダーと本文の一部だけで判定しています: {detail}",
    "The mail's MIME structure could not be parsed; the result uses whatever headers and text could be read: {detail}",
  ),
  INPUT_TOO_LARGE: localized(
    "メールが大きすぎるため、先頭 {limit} バイトだけを解析しました。",
    "The mail is larger than the limit; only its first {limit} bytes were analysed.",
  ),
  EMPTY_INPUT: localized("メールが空です。", "The mail is empty."),
  MIME_TOO_COMPLEX: localized(
    "メールの構造が上限({what})を超えているため、その手前までだけを解析しました。",
    "The mail goes beyond a limit on its structure ({what}); only the part before it was analysed.",
  ),
  NO_HEADERS: localized(
    "ヘッダー情報が取得できなかったため、送信経路と認証のチェックは行っていません。",
    "The mail's headers were not available, so route and authentication checks were skipped.",
  ),
  NO_BODY: localized(
    "本文が取得できなかったため、リンクのチェックは行っていません。",
    "The body was not available, so link checks were skipped.",
  ),
  NO_ATTACHMENT_CONTENT: localized(
    "添付ファイルの中身が取得できなかったため、ファイル名と種類だけで判定しています。",
    "Attachment contents were not available; attachments were judged by name and declared type only.",
  ),
  NO_ORGANIZATION: localized(
    "組織のドメインが設定されていないため、組織内を装うメールや組織への入口のチェックは行っていません。",
    "No organisation domains are configured, so checks that need them (internal sender, where the mail entered) were skipped.",
  ),
  NO_FROM: localized("差出人(From)がありません、または読み取れません。", "The mail has no readable From address."),
  HEADER_UNPARSED: localized(
    "ヘッダー {header} を解析できませんでした: {value}",
    "The {header} header could not be parsed: {value}",
  ),
  HEADER_TOO_LONG: localized(
    "ヘッダー {header} が長すぎるため、宛先は先頭の {limit} バイト分だけを読み取りました。",
    "The {header} header is too long; only the addresses in its first {limit} bytes were read.",
  ),
  HEADER_FIELD_CUT: localized(
    "ヘッダー {header} が長すぎるため、先頭の {limit} バイトだけを読み取りました。",
    "The {header} header is too long; only its first {limit} bytes were read.",
  ),
  ENCODED_WORDS_LIMIT: localized(
    "ヘッダー {header} のエンコードされた文字列(=?…?=)が上限(1 つのヘッダーで {limit} 個、メール全体で {total} 個)を超えたため、残りは読み取っていません。",
    "The {header} header holds more encoded words (=?…?=) than are read ({limit} per header, {total} in the whole mail); the rest of it was not read.",
  ),
  TEXT_TOO_LARGE: localized(
    "本文のテキストが大きすぎるため、先頭の {limit} MB までを読み取りました。それ以降のリンクなどは確認していません。",
    "The mail's text is too large: its first {limit} MB were read; links and text after that were not checked.",
  ),
  RECEIVED_UNPARSED: localized(
    "Received ヘッダー({index} 番目)の形式を解析できませんでした。",
    "Received header #{index} could not be parsed.",
  ),
  ORIGIN_UNKNOWN: localized(
    "メールが組織に入った地点(送信元 IP アドレス)を特定できませんでした。",
    "The point where the mail entered the organisation (its origin IP) could not be determined.",
  ),
  ORIGIN_UNCERTAIN: localized(
    "組織の中継サーバーが設定されていないため、送信元 IP アドレス {ip} は推定です(組織内の中継サーバーの可能性があります)。",
    "No organisation relays are configured, so origin IP {ip} is a best guess (it may be one of the receiving side's own relays).",
  ),
  AUTH_RESULTS_MISSING: localized(
    "受信側サーバーの認証結果(SPF・DKIM・DMARC)が見つからないため、送信元の認証はチェックしていません。",
    "No authentication results (SPF, DKIM, DMARC) from the receiving server were found, so sender authentication was not checked.",
  ),
  COUNTRY_UNKNOWN: localized(
    "送信元 IP アドレス {ip} の国を特定できませんでした。",
    "The country of origin IP {ip} could not be determined.",
  ),
  AUTH_RESULTS_UNTRUSTED: localized(
    "認証結果ヘッダー(Authentication-Results)が受信側サーバーのものと確認できないため、参考扱いにしています。",
    "The Authentication-Results headers could not be tied to the receiving server; they are shown for reference only.",
  ),
  HTML_TOO_LARGE: localized(
    "HTML 本文が大きすぎるため、先頭 {limit} 文字だけを調べました。",
    "The HTML body is larger than the limit; only its first {limit} characters were checked.",
  ),
  TOO_MANY_LINKS: localized(
    "リンクが多すぎるため、最初の {limit} 件だけを調べました。",
    "The mail has too many links; only the first {limit} were checked.",
  ),
  TOO_MANY_HOPS: localized(
    "Received ヘッダーが多すぎるため、上から {limit} 件だけを調べました。",
    "The mail has too many Received headers; only the top {limit} were checked.",
  ),
  TOO_MANY_AUTH_RESULTS: localized(
    "認証結果ヘッダー(Authentication-Results)が多すぎるため、上から {limit} 件だけを調べました。",
    "The mail has too many authentication result headers; only the top {limit} were checked.",
  ),
  TOO_MANY_ATTACHMENTS: localized(
    "添付ファイルが多すぎるため、最初の {limit} 件だけを調べました。",
    "The mail has too many attachments; only the first {limit} were checked.",
  ),
  ATTACHMENT_CONTENT_NOT_INSPECTED: localized(
    "添付ファイル「{name}」の中身を取得できなかったため、次のチェックは行っていません: {rules}。ファイル名と宣言された種類だけで判定しています。",
    "The contents of attachment \"{name}\" were not available, so these checks were not done: {rules}. It was judged by its name and declared type only.",
  ),
  ATTACHMENT_CONTENT_LIMIT: localized(
    "添付ファイル「{name}」は検査の上限に達したため、一部しか調べていません: {what}。",
    "Attachment \"{name}\" was only partly inspected because a limit was reached: {what}.",
  ),
  ATTACHMENT_CONTENT_UNREADABLE: localized(
    "添付ファイル「{name}」の中身の一部を調べられませんでした: {what}。",
    "Part of the contents of attachment \"{name}\" could not be examined: {what}.",
  ),
  URL_UNPARSED: localized("リンク先 URL を解析できませんでした: {value}", "A link target could not be parsed as a URL: {value}"),
  RULE_FAILED: localized(
    "チェック {rule} の実行中に内部エラーが起きたため、このチェックの結果はありません。",
    "Check {rule} failed with an internal error; it has no result.",
  ),
  // Outlook host (src/hosts/outlook): what the client could not hand over, and why. {what} is
  // filled per language by the host; the core's NO_HEADERS / NO_BODY / NO_ATTACHMENT_CONTENT
  // then say which checks that skipped.
  OUTLOOK_FEATURE_UNSUPPORTED: localized(
    "この Outlook では{what}をアドインから読み取れません(要件セット Mailbox {version} が必要です)。",
    "This Outlook client does not let add-ins read {what} (it needs requirement set Mailbox {version}).",
  ),
  OUTLOOK_CALL_FAILED: localized(
    "Outlook から{what}を読み取れませんでした: {detail}",
    "Outlook could not provide {what}: {detail}",
  ),
  // Thunderbird host (src/hosts/thunderbird): a MailExtension call that failed, {what} as above.
  THUNDERBIRD_CALL_FAILED: localized(
    "Thunderbird から{what}を読み取れませんでした: {detail}",
    "Thunderbird could not provide {what}: {detail}",
  ),
  // Input that is not a mail at all (core/input-kind.ts): {what} names it, {advice} says what to give instead.
  NOT_A_MAIL: localized(
    "チェックしていません: これは{what}で、メール(.eml)ではありません。{advice}",
    "Not checked: this is {what}, not a mail (.eml). {advice}",
  ),
} as const satisfies Record<string, Localized>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_TEXT;

/** "error": part of the mail could not be read; "warning": a check was skipped or limited; "info": context. */
export type DiagnosticLevel = "error" | "warning" | "info";

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly level: DiagnosticLevel;
  readonly message: Localized;
  /** Machine-oriented detail (the offending value, an exception message); never HTML. */
  readonly detail?: string;
}

const MAX_DETAIL_CHARS = 300;

export function diagnostic(
  code: DiagnosticCode,
  level: DiagnosticLevel,
  values: Readonly<Record<string, string | number>> = {},
  detail?: string,
): Diagnostic {
  const clipped = detail === undefined ? undefined : clip(detail, MAX_DETAIL_CHARS);
  const message = fillLocalized(DIAGNOSTIC_TEXT[code], mapValues(values, (v) => (typeof v === "string" ? clip(v, MAX_DETAIL_CHARS) : v)));
  return clipped === undefined ? { code, level, message } : { code, level, message, detail: clipped };
}

/**
 * Like `diagnostic`, for values that are themselves text in every language (a reason written
 * by the attachment inspection): each language's message gets that language's value.
 */
export function localizedDiagnostic(
  code: DiagnosticCode,
  level: DiagnosticLevel,
  values: Readonly<Record<string, string | number | Localized>>,
  detail?: string,
): Diagnostic {
  const pick = (language: keyof Localized): Record<string, string | number> =>
    mapValues(values, (v) => (typeof v === "object" ? clip(v[language], MAX_DETAIL_CHARS) : typeof v === "string" ? clip(v, MAX_DETAIL_CHARS) : v));
  const message: Localized = { ja: fillLocalized(DIAGNOSTIC_TEXT[code], pick("ja")).ja, en: fillLocalized(DIAGNOSTIC_TEXT[code], pick("en")).en };
  const clipped = detail === undefined ? undefined : clip(detail, MAX_DETAIL_CHARS);
  return clipped === undefined ? { code, level, message } : { code, level, message, detail: clipped };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function mapValues<T, U>(record: Readonly<Record<string, T>>, map: (value: T) => U): Record<string, U> {
  const out: Record<string, U> = {};
  for (const [key, value] of Object.entries(record)) out[key] = map(value);
  return out;
}
