/** Texts of the Thunderbird demo host's own chrome (the popup has its own, in both languages). */
import type { DemoLanguage } from "./text.js";

const t = (ja: string, en: string) => ({ ja, en }) as const;

export const TB_DEMO_TEXT = {
  title: t("Check This Mail — Thunderbird デモ", "Check This Mail — Thunderbird demo"),
  language: t("Thunderbird の表示言語", "Thunderbird language"),
  policy: t("管理者のポリシー", "Administrator's policy"),
  policyConfig: t("config.json の内容(例の組織)", "config.json's settings (the example organisation)"),
  policyNone: t("なし(未設定)", "None (not configured)"),
  inbox: t("受信トレイ — サンプルメール", "Inbox — sample mails"),
  check: t("このメールをチェック", "Check this mail"),
  from: t("差出人", "From"),
  to: t("宛先", "To"),
  subject: t("件名", "Subject"),
  date: t("日時", "Date"),
  attachments: t("添付ファイル", "Attachments"),
  body: t("本文(テキスト)", "Body (text)"),
  popupTitle: t("Check This Mail(ポップアップ)", "Check This Mail (popup)"),
  draftTitle: t("新規作成(compose.beginNew でアドインが開いたメッセージ)", "Write: the message the add-on opened with compose.beginNew"),
  draftNote: t(
    "Thunderbird では、この内容を確認して[送信]を押すとセキュリティ窓口に届きます。デモは何も送信しません。",
    "In Thunderbird the person checks this message and presses Send, and the security desk receives it. The demo sends nothing.",
  ),
  draftClose: t("破棄", "Discard"),
  log: t("ポップアップが行った MailExtension API 呼び出し(スタンドインが記録)", "MailExtension API calls the popup made (recorded by the stand-in)"),
  cannotOpen: t("メールを開けませんでした:", "The mail could not be opened:"),
} as const;

export type TbDemoKey = keyof typeof TB_DEMO_TEXT;
export const tbText = (key: TbDemoKey, lang: DemoLanguage): string => TB_DEMO_TEXT[key][lang];
