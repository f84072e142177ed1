import type { Evidence } from "./analysis.js";
import { localized, type Localized } from "./i18n.js";

/** Evidence labels shared by the rules, so the same thing is named the same way everywhere. */
export const LABEL = {
  shownText: localized("表示されている文字", "Shown text"),
  realTarget: localized("実際のリンク先", "Real destination"),
  wrappedBy: localized("書き換え元(リンク保護サービス)", "Rewritten by"),
  registrableDomain: localized("ドメイン", "Domain"),
  link: localized("リンク", "Link"),
  from: localized("差出人(From)", "From"),
  sender: localized("Sender", "Sender"),
  replyTo: localized("返信先(Reply-To)", "Reply-To"),
  returnPath: localized("エラー返送先(Return-Path)", "Return-Path"),
  displayName: localized("表示名", "Display name"),
  header: localized("ヘッダー", "Header"),
  subject: localized("件名", "Subject"),
  messageId: localized("Message-ID", "Message-ID"),
  date: localized("日時(Date)", "Date"),
  originIp: localized("送信元 IP アドレス", "Origin IP"),
  originCountry: localized("送信元の国", "Origin country"),
  expectedCountry: localized("差出人ドメインから想定される国", "Country implied by the sender's domain"),
  receivedHop: localized("経由サーバー(Received)", "Received hop"),
  authResult: localized("認証結果", "Authentication result"),
  recipients: localized("組織内の宛先数", "Internal recipients"),
  attachment: localized("添付ファイル", "Attachment"),
  declaredType: localized("宣言された種類", "Declared type"),
  unnamedAttachment: localized("名前のない添付ファイル", "Unnamed attachment"),
  size: localized("サイズ", "Size"),
  shownExtension: localized("見せかけの拡張子", "Extension it pretends to have"),
  realExtension: localized("実際の拡張子", "Real extension"),
  form: localized("フォームの送信先", "Form target"),
  redirect: localized("自動転送先", "Redirect target"),
  base: localized("基準 URL(<base>)", "Base URL (<base>)"),
  lookalikeOf: localized("似せている可能性のあるドメイン", "Looks like"),
  countryByLookup: localized("IP データベースによる国", "Country by IP database"),
  readsAs: localized("読み取れる文字", "Reads as"),
  signature: localized("署名", "Signature"),
  claimedClientIp: localized("送信者の端末の IP アドレス(自己申告)", "Client IP (claimed)"),
  threadHeaders: localized("返信・転送の関連付け(In-Reply-To / References)", "Thread headers (In-Reply-To / References)"),
  // Links and HTML (src/core/rules/links)
  shownDomain: localized("表示されているドメイン", "Domain shown"),
  realDomain: localized("実際のドメイン", "Real domain"),
  senderDomain: localized("差出人のドメイン", "Sender's domain"),
  imageAlt: localized("リンク画像の代替テキスト", "Alt text of the linked image"),
  userinfo: localized("「@」より前の部分(接続先ではありません)", "Part before \"@\" (not the destination)"),
  host: localized("実際の接続先", "Host actually contacted"),
  idnDisplay: localized("国際化ドメイン名の見え方", "Internationalised domain as displayed"),
  scripts: localized("混在している文字の種類", "Scripts mixed in one name"),
  scheme: localized("URL の種類(スキーム)", "URL scheme"),
  fileName: localized("ダウンロードされるファイル名", "File downloaded"),
  passwordField: localized("パスワード入力欄", "Password field"),
} as const satisfies Record<string, Localized>;

export function evidence(label: Localized, value: string): Evidence {
  return { label, value };
}
