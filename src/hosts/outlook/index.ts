/**
 * The Outlook host: reads the open message into a MessageSnapshot, writes the verdict line into
 * the message's notification bar, and opens the report mail to the security desk. One Office.js
 * call per file, its requirement set in the file's header comment; the pane (src/taskpane) puts
 * them together.
 */
export { readMessage, type ReadMessage, type ReadOptions, type SnapshotSource } from "./read-message.js";
export { MAILBOX, mailboxSupport, type MailboxSupport } from "./requirements.js";
export { showNotification, NOTIFICATION_KEY, NOTIFICATION_ICON } from "./notify.js";
export { clearNotification } from "./clear-notification.js";
export { notificationText, NOTIFICATION_MAX_CHARS } from "./notification-text.js";
export { onItemChanged } from "./item-changed.js";
export { currentItem } from "./current-item.js";
export { displayLanguage, languageOf } from "./display-language.js";
export { describeError, settle, type HostResult } from "./async-result.js";
export { base64ToBytes } from "./base64.js";
export { officeReady, OUTLOOK_HOST, type ReadyInfo } from "./on-ready.js";
export { displayNewMessageForm, type NewMessage } from "./new-message-form.js";
export { itemId } from "./item-id.js";
export { userProfile, type UserProfile } from "./user-profile.js";
export { mailboxDiagnostics, type MailboxDiagnostics } from "./mailbox-diagnostics.js";
