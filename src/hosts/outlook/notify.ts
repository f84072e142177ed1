/**
 * Office.js call: `item.notificationMessages.replaceAsync(key, details)` — adds the line to the
 * message's own notification bar, or replaces the line this add-in put there before (same key).
 * Requirement set: Mailbox 1.3.
 */
import { settle, type HostResult } from "./async-result.js";

/** One fixed key: a re-check replaces the line instead of adding a second one. */
export const NOTIFICATION_KEY = "check-this-mail-verdict";
/** Informational messages need an icon from the manifest's <bt:Images> (checked by npm run validate). */
export const NOTIFICATION_ICON = "Icon.16x16";

export function showNotification(item: Office.MessageRead, message: string): Promise<HostResult<void>> {
  const details: Office.NotificationMessageDetails = {
    // Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage
    type: "informationalMessage",
    message,
    icon: NOTIFICATION_ICON,
    persistent: false,
  };
  return settle<void>((callback) => item.notificationMessages.replaceAsync(NOTIFICATION_KEY, details, callback));
}
