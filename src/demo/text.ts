/** Texts of the demo host's own chrome (the pane has its own, in both languages). */
export type DemoLanguage = "ja" | "en";

const t = (ja: string, en: string) => ({ ja, en }) as const;

export const DEMO_TEXT = {
  title: t("Check This Mail — デモ", "Check This Mail — demo"),
  language: t("Outlook の表示言語", "Outlook language"),
  client: t("Outlook クライアント", "Outlook client"),
  client114: t("新しい Outlook / Web (Mailbox 1.14: メール全体)", "New Outlook / web (Mailbox 1.14: whole message)"),
  client18: t("旧版 (Mailbox 1.8: ヘッダーと各部分)", "Older (Mailbox 1.8: headers and parts)"),
  client15: t("最古版 (Mailbox 1.5: ヘッダーなし)", "Oldest (Mailbox 1.5: no headers)"),
  slow: t("遅いクライアント (1 回 0.8 秒)", "Slow client (0.8 s a call)"),
  inbox: t("受信トレイ — サンプルメール", "Inbox — sample mails"),
  drop: t(".eml ファイルをここにドロップ、または", "Drop an .eml file here, or"),
  choose: t(".eml ファイルを開く…", "Open an .eml file…"),
  check: t("このメールをチェック", "Check this mail"),
  from: t("差出人", "From"),
  to: t("宛先", "To"),
  date: t("日時", "Date"),
  body: t("メール本文(スクリプト無効のサンドボックス)", "Mail body (sandboxed, no script)"),
  paneTitle: t("Check This Mail", "Check This Mail"),
  pinned: t("ピン留め", "Pinned"),
  log: t("作業ウィンドウが Office に対して行った呼び出し(スタンドインが記録)", "Office calls the pane made (recorded by the stand-in)"),
  subject: t("件名", "Subject"),
  attachments: t("添付ファイル", "Attachments"),
  draftTitle: t("新しいメッセージ(作業ウィンドウが作成)", "New message, opened by the pane"),
  draftNote: t(
    "Outlook では、この内容を確認して[送信]を押すとセキュリティ窓口に届きます。デモは何も送信しません。",
    "In Outlook the person checks this mail and presses Send, and the security desk receives it. The demo sends nothing.",
  ),
  draftClose: t("破棄", "Discard"),
  draftItem: t("Outlook アイテム", "Outlook item"),
  cannotOpen: t("メールを開けませんでした:", "The mail could not be opened:"),
  notSameOrigin: t("このデモと同じオリジンの URL だけを開けます:", "Only URLs of this demo's own origin can be opened:"),
} as const;

const SAMPLE_TITLES: Readonly<Record<string, { readonly ja: string; readonly en: string }>> = {
  "case1-government-sender-from-abroad.eml": t(
    "事例 1: 海外から届いた官公庁を名乗るメール(偽装した実行ファイル付き)",
    "Case 1: a government sender that came from abroad, with a disguised program",
  ),
  "case2-plain-text-link-to-other-domain.eml": t(
    "事例 2: 別のドメインのダウンロードへ誘うテキストメール",
    "Case 2: a plain-text mail leading to a download on another domain",
  ),
  "case3-internal-mail-reused-from-outside.eml": t(
    "事例 3: 外部から多数の社員へ再送された社内通知",
    "Case 3: an internal notice re-sent from outside to many colleagues",
  ),
  "newsletter-ordinary.eml": t("普通のニュースレター", "An ordinary newsletter"),
};

export function sampleTitle(file: string, lang: DemoLanguage): string {
  return SAMPLE_TITLES[file]?.[lang] ?? file;
}
