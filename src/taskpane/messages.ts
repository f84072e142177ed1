import { localized } from "../core/i18n.js";

/** Texts of the pane's own states (the analysis itself is rendered by ./view). */
export const PANE_TEXT = {
  notInOutlook: localized(
    "この作業ウィンドウは Outlook の中で動きます。Outlook でメールを開き、リボンの「このメールをチェック」を押してください。試すだけなら demo.html を開いてください。",
    "This pane runs inside Outlook: open a mail there and click “Check this mail” on the ribbon. To try it without Outlook, open demo.html.",
  ),
  noItem: localized("メールを選択すると、そのメールをチェックします。", "Select a mail to check it."),
  noItemTitle: localized("メールが選択されていません", "No mail selected"),
  notInOutlookTitle: localized("Outlook で開いてください", "Open this in Outlook"),
  notAMessage: localized("このアイテムはメールではないため、チェックできません。", "This item is not a mail, so it cannot be checked."),
  configUnreadable: localized(
    "組織の設定ファイル(config.json)を読み込めませんでした。管理者に連絡してください。",
    "The organisation's settings (config.json) could not be loaded. Please tell your administrator.",
  ),
  failed: localized(
    "このメールのチェック中にエラーが起きました。もう一度お試しください。",
    "Something went wrong while checking this mail. Please try again.",
  ),
} as const;
