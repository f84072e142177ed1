/**
 * Reporting in Outlook (./reporting.ts's ReportHost): the answers are kept per EWS item id, the
 * reporter is the mailbox's user, and the draft is displayNewMessageForm with the open item
 * attached (./report.ts, outlookDraftChannel).
 *
 * Office.js reached from here, each through its own host file: item.itemId (Mailbox 1.1),
 * mailbox.userProfile (1.1), requirements.isSetSupported (1.1), displayNewMessageForm (1.6).
 */
import { itemId } from "../hosts/outlook/item-id.js";
import { displayNewMessageForm } from "../hosts/outlook/new-message-form.js";
import { MAILBOX, mailboxSupport, type MailboxSupport } from "../hosts/outlook/requirements.js";
import { userProfile } from "../hosts/outlook/user-profile.js";
import { outlookDraftChannel } from "./report.js";
import type { ReportHost } from "./reporting.js";

export function outlookReportHost(support: MailboxSupport = mailboxSupport): ReportHost<Office.MessageRead> {
  return {
    key: (item) => itemId(item),
    reporter: userProfile,
    draft: (item) => {
      const id = itemId(item);
      return outlookDraftChannel({ canDraft: support(MAILBOX.newMessageForm), openDraft: displayNewMessageForm, ...(id ? { itemId: id } : {}) });
    },
  };
}
