/**
 * Office.js call: `Office.context.requirements.isSetSupported("Mailbox", version)`.
 * Requirement set: Mailbox 1.1 (`requirements` is absent in the oldest clients: treated as "no").
 */

/** Mailbox requirement sets this add-in tests for, with what each unlocks. */
export const MAILBOX = {
  /** item.getAsFileAsync: the whole message as EML. */
  eml: "1.14",
  /** item.getAllInternetHeadersAsync and item.getAttachmentContentAsync. */
  headers: "1.8",
  attachmentContent: "1.8",
  /** Mailbox.displayNewMessageForm: the report as a mail draft to the security desk. */
  newMessageForm: "1.6",
  /** Mailbox.addHandlerAsync(ItemChanged): the pinned pane follows the selection. */
  itemChanged: "1.5",
  /** item.notificationMessages and item.body.getAsync. */
  notifications: "1.3",
  body: "1.3",
  /** Office.context.officeTheme and the OfficeThemeChanged event: the pane follows Outlook's theme. */
  officeTheme: "1.14",
} as const;

export type MailboxSupport = (version: string) => boolean;

export const mailboxSupport: MailboxSupport = (version) => {
  try {
    return Office.context.requirements?.isSetSupported("Mailbox", version) === true;
  } catch {
    return false;
  }
};
