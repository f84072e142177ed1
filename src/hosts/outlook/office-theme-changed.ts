/**
 * Office.js call: `Office.context.mailbox.addHandlerAsync(Office.EventType.OfficeThemeChanged, handler)`
 * — the person switched the Office theme while the pane is open.
 * Requirement set: Mailbox 1.14.
 */
import { settle, type HostResult } from "./async-result.js";

/** The value of Office.EventType.OfficeThemeChanged. */
const OFFICE_THEME_CHANGED = "officeThemeChanged";

export function onOfficeThemeChanged(handler: () => void): Promise<HostResult<void>> {
  const eventType = Office.EventType?.OfficeThemeChanged ?? OFFICE_THEME_CHANGED;
  return settle<void>((callback) => Office.context.mailbox.addHandlerAsync(eventType, handler, callback));
}
