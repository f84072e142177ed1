/**
 * Office.js call: `Office.context.mailbox.addHandlerAsync(Office.EventType.ItemChanged, handler)`
 * — a pinned task pane hears when the person selects another message.
 * Requirement set: Mailbox 1.5.
 */
import { settle, type HostResult } from "./async-result.js";

/** The value of Office.EventType.ItemChanged. */
const ITEM_CHANGED = "olkItemSelectedChanged";

export function onItemChanged(handler: () => void): Promise<HostResult<void>> {
  const eventType = Office.EventType?.ItemChanged ?? ITEM_CHANGED;
  return settle<void>((callback) => Office.context.mailbox.addHandlerAsync(eventType, handler, callback));
}
