/**
 * Office.js call: `item.notificationMessages.removeAsync(key)` — removes this add-in's line
 * when a re-check finds nothing to warn about.
 * Requirement set: Mailbox 1.3.
 */
import { settle, type HostResult } from "./async-result.js";
import { NOTIFICATION_KEY } from "./notify.js";

export function clearNotification(item: Office.MessageRead): Promise<HostResult<void>> {
  return settle<void>((callback) => item.notificationMessages.removeAsync(NOTIFICATION_KEY, callback));
}
