/**
 * Office.js call: `Office.context.mailbox.displayNewMessageForm(parameters)` — opens a new mail,
 * filled in, for the person to check and send (the report to the security desk).
 * Requirement set: Mailbox 1.6 (read mode).
 *
 * Attaching the open message: `attachments: [{ type: "item", itemId, name }]`, where `itemId` is
 * what `item.itemId` returns, unconverted. Office.MessageFormAttachment.itemId is documented as
 * "the Exchange Web Services (EWS) item ID of the attachment"
 * (https://learn.microsoft.com/javascript/api/outlook/office.messageformattachment), and
 * `item.itemId` in read mode is that EWS id
 * (https://learn.microsoft.com/javascript/api/outlook/office.messageread#outlook-office-messageread-itemid-member:
 * "isn't identical to … the ID used by the Outlook REST API. Before making REST API calls using
 * this value, it should be converted using Office.context.mailbox.convertToRestId"). So no
 * convertToRestId here (that is for REST/Graph calls, which the pane does not make) and no
 * convertToEwsId (that is for ids that came from REST/Graph). Read-mode item ids are EWS ids in
 * Outlook on the web, new Outlook on Windows, classic Outlook and Outlook on Mac alike, so one
 * code path serves all of them; Outlook on iOS/Android has no Mailbox 1.6 and gets no draft.
 * The reference says an item id is "up to 100 characters" while EWS ids are commonly longer
 * (around 150): the id is passed as Outlook gave it, never cut.
 *
 * The call has no callback (displayNewMessageFormAsync, 1.9, has one) and throws synchronously
 * when a parameter is over its limit (subject 255 characters, htmlBody 32 KB, 100 recipients):
 * the caller keeps within them and treats a throw as "no draft opened" (src/taskpane/report.ts).
 * Item attachments are used rather than a file attachment of the EML: MessageFormAttachment has
 * no base64 type, only a URL for files, which Outlook on the web fails to fetch
 * (OfficeDev/office-js#4432), and an item attachment carries the message unchanged.
 */
import { describeError, type HostResult } from "./async-result.js";

export interface NewMessage {
  readonly toRecipients: readonly string[];
  readonly subject: string;
  readonly htmlBody: string;
  readonly attachments: readonly { readonly type: "item"; readonly itemId: string; readonly name: string }[];
}

export function displayNewMessageForm(message: NewMessage): HostResult<void> {
  try {
    const mailbox = Office.context.mailbox;
    if (typeof mailbox?.displayNewMessageForm !== "function") return { ok: false, detail: "displayNewMessageForm is not available in this Outlook" };
    mailbox.displayNewMessageForm({
      toRecipients: [...message.toRecipients],
      subject: message.subject,
      htmlBody: message.htmlBody,
      attachments: message.attachments.map((a) => ({ ...a })),
    });
    return { ok: true, value: undefined };
  } catch (error) {
    return { ok: false, detail: describeError(error) };
  }
}
