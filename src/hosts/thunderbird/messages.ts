import { localized } from "../../core/i18n.js";

/** Texts of the popup's own states (the analysis itself is rendered by src/taskpane/view). */
export const POPUP_TEXT = {
  notInThunderbird: localized(
    "このページは Thunderbird のアドインの一部です。Thunderbird でメールを開き、「このメールをチェック」を押してください。",
    "This page is part of a Thunderbird add-on: open a mail in Thunderbird and click “Check this mail”.",
  ),
  noMessage: localized("メールを表示すると、そのメールをチェックします。", "Open a mail to check it."),
  severalMessages: localized(
    "複数のメールが選択されています。チェックするメールを 1 通だけ選択してください。",
    "Several mails are selected. Select just the one to check.",
  ),
  noDisplayedMessage: localized("表示中のメールを Thunderbird から取得できませんでした。", "Thunderbird did not say which mail is shown."),
} as const;
