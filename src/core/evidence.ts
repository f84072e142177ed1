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
  form: localized("フォームの送信先", "Form target"),
  redirect: localized("自動転送先", "Redirect target"),
  base: localized("基準 URL(<base>)", "Base URL (<base>)"),
  lookalikeOf: localized("似せている可能性のあるドメイン", "Looks like"),
} as const satisfies Record<string, Localized>;

export function evidence(label: Localized, value: string): Evidence {
  return { label, value };
}
