import { localized } from "../../core/i18n.js";

/** Texts of the popup's own states (the analysis itself is rendered by src/taskpane/view). */
export const POPUP_TEXT = {
  notInThunderbird: localized(
    "このページは Thunderbird のアドインの一部です。Thunderbird でメールを開き、「このメールをチェック」を押してください。",
    "This page is part of a Thunderbird add-on: open a mail in Thunderbird and click “Check this mail”.",
  ),
  notInThunderbirdTitle: localized("Thunderbird で開いてください", "Open this in Thunderbird"),
  noMessageTitle: localized("メールが表示されていません", "No mail shown"),
  noMessage: localized("メールを表示すると、そのメールをチェックします。", "Open a mail to check it."),
  severalMessagesTitle: localized("メールを 1 通選んでください", "Select one mail"),
  severalMessages: localized(
    "複数のメールが選択されています。チェックするメールを 1 通だけ選択してください。",
    "Several mails are selected. Select just the one to check.",
  ),
  noDisplayedMessage: localized("表示中のメールを Thunderbird から取得できませんでした。", "Thunderbird did not say which mail is shown."),
} as const;
