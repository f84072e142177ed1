/**
 * The words of the report to the security desk, in Japanese and English. The nine headings are
 * the seed's own checklist (IPA, 「標的型攻撃メール」, items (1)–(9)) so a desk that knows that
 * list recognises every item; the English says the same.
 *
 * Pure data: no DOM, no Node. Templates use `{name}` placeholders (fillTemplate, src/core/i18n.ts).
 * The readers are the desk's analysts; the form's questions to the person live with the pane.
 */
import type { Severity, Verdict } from "../analysis.js";
import { localized, type Localized } from "../i18n.js";
import type { ReportAddressRole, ReportIpRole, SenderConfirmation, YesNoUnknown } from "./types.js";

/** The nine items, numbered as in the seed. */
export const ITEM_HEADINGS: readonly Localized[] = [
  localized("いつ届いたメールか", "When the mail arrived"),
  localized("送信者の組織名やメールアドレス、送信者への確認の結果", "The sender's organisation and address, and what the sender said when asked"),
  localized(
    "使用しているウイルス対策ソフトとその検知状況、検知されたウイルス名",
    "The antivirus in use, whether it detected anything, and the detection name",
  ),
  localized("メールの件名、添付ファイル名、本文", "Subject, attachment names and body of the mail"),
  localized(
    "同じメールが組織の何人に届き、何人が添付ファイルを開いたか",
    "How many people in the organisation received it, and how many opened the attachment",
  ),
  localized("添付ファイルを開いた場合、どのような状態になったか", "If the attachment was opened (or a link clicked): what happened"),
  localized("実際にどのような被害が生じたか", "What damage actually occurred"),
  localized(
    "感染したパソコンのオペレーティングシステムとアプリケーションのバージョン",
    "Operating system and application versions of the PC",
  ),
  localized("当該メールのセキュリティ対策ソフトベンダ等への提供の可否", "Whether the mail may be given to security vendors"),
];

export const SENDER_CONFIRMATION_TEXT: Readonly<Record<SenderConfirmation, Localized>> = {
  "not-yet": localized("まだ確認していない", "Not asked yet"),
  "sender-denied": localized("送信者は「送っていない」と回答(なりすまし)", "The sender says they did not send it (spoofed)"),
  "sender-confirmed": localized("送信者が送ったことを確認した", "The sender confirms they sent it"),
};

export const YES_NO_UNKNOWN_TEXT: Readonly<Record<YesNoUnknown, Localized>> = {
  yes: localized("はい", "yes"),
  no: localized("いいえ", "no"),
  unknown: localized("わからない", "don't know"),
};

/** The desk's view of the verdict: what was found, never "safe". */
export const REPORT_VERDICT_TEXT: Readonly<Record<Verdict, Localized>> = {
  danger: localized("危険(標的型攻撃メールの特徴あり)", "Danger (shows the marks of a targeted attack)"),
  caution: localized("注意(不審な点あり)", "Caution (something is suspicious)"),
  incomplete: localized("すべては確認できず(メールの一部を調べられませんでした)", "Not fully checked (part of the mail could not be checked)"),
  clean: localized("問題となる特徴は見つからず(安全の保証ではありません)", "No indicators found (not a guarantee of safety)"),
};

export const REPORT_SEVERITY_TEXT: Readonly<Record<Severity, Localized>> = {
  high: localized("高", "HIGH"),
  medium: localized("中", "MEDIUM"),
  low: localized("低", "LOW"),
  info: localized("情報", "INFO"),
};

export const IP_ROLE_TEXT: Readonly<Record<ReportIpRole, Localized>> = {
  origin: localized("送信元", "origin"),
  hop: localized("経路上のサーバー", "route hop"),
  "claimed-client": localized("Web メール等が申告する送信者の端末(未確認)", "sender's device claimed by a webmail service (unverified)"),
  link: localized("リンク先", "link target"),
};

export const ADDRESS_ROLE_TEXT: Readonly<Record<ReportAddressRole, Localized>> = {
  from: localized("差出人", "From"),
  sender: localized("送信者", "Sender"),
  "reply-to": localized("返信先", "Reply-To"),
  "return-path": localized("エラー返送先", "Return-Path"),
  link: localized("メール内の mailto: リンク", "mailto: link in the mail"),
};

/** Every other word of the report. */
export const REPORT_TEXT = {
  subjectPrefix: localized("[不審メール報告]", "[Suspicious mail report]"),
  noSubject: localized("(件名なし)", "(no subject)"),

  title: localized("不審メールの報告", "Suspicious mail report"),
  intro: localized(
    "標的型攻撃の疑いがあるメールを受信したので報告します。",
    "I received a mail that may be a targeted attack and am reporting it.",
  ),
  originalAttached: localized(
    "元のメールを、受信したままの形でこの報告に添付しています。添付ファイルやリンクは開かないでください。",
    "The original message is attached to this report exactly as it was received. Do not open its attachments or links.",
  ),
  originalFromFile: localized(
    "元のメールは、この報告の作成に使った .eml ファイルです。この報告を転送するときは、そのファイルを添付してください。",
    "The original message is the .eml file this report was made from; attach that file when you forward this report.",
  ),
  originalMissing: localized(
    "元のメールはこの報告に添付できませんでした。必要なときは、報告者に元のメールを添付ファイルとして転送するよう依頼してください。",
    "The original message could not be attached to this report; if you need it, ask the reporter to forward it as an attachment.",
  ),
  readingNote: localized(
    "リンクとドメインは hxxp:// や example[.]com の形に無効化し、見えない文字・制御文字は [U+XXXX] と書いています(末尾のヘッダー全文を除く)。メールのヘッダーや本文、報告者の記入など複数行の引用は、各行の先頭に「| 」を付けています。",
    "Links and domains are defanged (hxxp://, example[.]com) and hidden or control characters are written as [U+XXXX], except in the full headers at the end. Every line quoted from the mail (its headers and body) or from the reporter's answers starts with \"| \".",
  ),
  reporter: localized("報告者", "Reporter"),
  reportedAt: localized("報告日時", "Reported"),
  madeBy: localized("作成", "Made by"),
  madeByValue: localized("Check This Mail({source})", "Check This Mail ({source})"),
  verdict: localized("自動チェックの判定", "Automatic check"),
  notAnswered: localized("(未回答)", "(not answered)"),
  none: localized("(なし)", "(none)"),
  unknown: localized("(不明)", "(unknown)"),

  // Item 1.
  receivedAt: localized("受信日時(組織のメールサーバーの記録)", "Received (recorded by the organisation's mail server)"),
  receivedBy: localized("{time}({server} が記録)", "{time} (by {server})"),
  sentAt: localized("送信日時(Date ヘッダー。差出人側の申告)", "Sent (Date header, as the sender's side claims)"),

  // Item 2.
  from: localized("差出人(From)", "From"),
  sender: localized("送信者(Sender)", "Sender"),
  replyTo: localized("返信先(Reply-To)", "Reply-To"),
  returnPath: localized("エラー返送先(Return-Path)", "Return-Path"),
  nullReturnPath: localized("<>(返送先なし)", "<> (no bounce address)"),
  senderConfirmation: localized(
    "送信者への確認(メールに書かれていない連絡先で)",
    "Asked the sender (through a contact not taken from the mail)",
  ),

  // Item 3.
  antivirusProduct: localized("使用しているウイルス対策ソフト", "Antivirus in use"),
  antivirusDetected: localized("検知したか", "Did it detect anything"),
  antivirusDetectionName: localized("検知名(ウイルス名)", "Detection name"),
  verdictHeaders: localized(
    "メールに付いていた迷惑メール・ウイルス判定のヘッダー",
    "Anti-spam / antivirus verdict headers found in the mail",
  ),
  moreInHeaders: localized("ほか {n} 件(ヘッダー全文を参照)", "and {n} more (see the full headers)"),

  // Item 4.
  subject: localized("件名", "Subject"),
  messageId: localized("Message-ID", "Message-ID"),
  attachments: localized("添付ファイル", "Attachments"),
  attachmentLine: localized("{name}({size} バイト、{type})", "{name} ({size} bytes, {type})"),
  inline: localized("本文中に表示される画像など", "shown inside the body"),
  sha256: localized("SHA-256", "SHA-256"),
  notComputed: localized("(計算できませんでした)", "(not computed)"),
  noName: localized("(名前なし)", "(no name)"),
  body: localized("本文{source}", "Body {source}"),
  bodyFromHtml: localized(
    "(HTML で表示される文字。リンクの実際の行き先を < > 内に書いています)",
    "(the text the HTML shows; each link's real destination is written in < >)",
  ),
  bodyFromText: localized("(テキスト形式の本文)", "(the plain-text body)"),
  bodyClipped: localized(
    "(長いため途中で打ち切りました。全文は元のメールを参照してください)",
    "(cut here because it is long; the original has it whole)",
  ),
  noBody: localized("(本文なし、または取得できませんでした)", "(no body, or it could not be read)"),

  // Item 5.
  visibleRecipients: localized("To・Cc に見える宛先", "Recipients visible in To and Cc"),
  recipientCount: localized("{n} 件(To {to}、Cc {cc})", "{n} (To {to}, Cc {cc})"),
  recipientCountInternal: localized("{n} 件(To {to}、Cc {cc})、うち組織内 {internal} 件", "{n} (To {to}, Cc {cc}), {internal} of them in the organisation"),
  colleaguesReceived: localized("同じメールを受け取った同僚(把握している人数)", "Colleagues known to have received it"),
  openedAttachment: localized("自分は添付ファイルを開いたか", "Did I open the attachment"),

  // Item 6, 7.
  clickedLink: localized("リンクをクリックしたか", "Did I click a link"),
  whatHappened: localized("開いた・クリックした後に起きたこと", "What happened after opening or clicking"),
  damage: localized("生じた被害", "Damage"),

  // Item 8.
  operatingSystem: localized("OS", "Operating system"),
  clientVersion: localized("メールソフトとバージョン", "Mail client and version"),
  hostName: localized("アプリケーション", "Application"),
  platform: localized("プラットフォーム", "Platform"),

  // Item 9.
  shareWithVendors: localized("セキュリティ対策ソフトベンダー等への提供", "Sharing with security vendors"),
  shareYes: localized("提供してよい", "allowed"),
  shareNo: localized("提供しないでください", "not allowed"),

  comments: localized("その他・コメント", "Other comments"),

  // The automatic check.
  analysisHeading: localized("自動チェックの結果", "Result of the automatic check"),
  findings: localized("検出事項({n} 件)", "Findings ({n})"),
  origin: localized("送信元(組織に届く直前のサーバー)", "Origin (the server that handed the mail to the organisation)"),
  originGuess: localized("推定", "best guess"),
  originAuthenticated: localized("ログインしたアカウントから送信", "sent from a logged-in account"),
  originUnknown: localized("特定できませんでした", "not determined"),
  authentication: localized("送信元の認証", "Sender authentication"),
  notEvaluated: localized("(記録なし)", "(not recorded)"),
  diagnostics: localized("確認できなかったこと", "What could not be checked"),
  clippedHeading: localized(
    "報告に収めるために切り詰めた値(元のメールにはすべてあります)",
    "Values cut to fit the report (the original has them whole)",
  ),
  clippedLine: localized("{path}: {chars} 文字のうち先頭の {kept} 文字", "{path}: {kept} of {chars} characters kept"),
  clippedLineUnknown: localized("{path}: 先頭の {kept} 文字", "{path}: the first {kept} characters kept"),
  incomplete: localized("メールの一部は確認できていません(診断を参照)。", "Part of the mail was not checked (see the diagnostics)."),

  // Indicators.
  indicatorsHeading: localized("指標(IOC)", "Indicators (IOCs)"),
  urls: localized("URL", "URLs"),
  domains: localized("ドメイン", "Domains"),
  emailAddresses: localized("メールアドレス", "Mail addresses"),
  ips: localized("IP アドレス", "IP addresses"),
  hashes: localized("添付ファイル(SHA-256)", "Attachments (SHA-256)"),
  moreInJson: localized("ほか {n} 件(JSON を参照)", "and {n} more (see the JSON)"),

  // Headers.
  headersHeading: localized(
    "ヘッダー全文(受信したまま。ここのリンクやアドレスは無効化していないので、開かないでください)",
    "Full headers (as received: links and addresses here are NOT defanged — do not open them)",
  ),
  headersTruncated: localized(
    "(長いため途中で打ち切りました。全文は元のメールを参照してください)",
    "(cut here because they are long; the original has them whole)",
  ),
  noHeaders: localized("(ヘッダーを取得できませんでした)", "(the headers could not be read)"),
  textCut: localized(
    "(報告が長すぎるため、ここで打ち切りました。全体は元のメールと JSON を参照してください)",
    "(the report is too long and was cut here; see the original and the JSON for everything)",
  ),
} as const satisfies Record<string, Localized>;
