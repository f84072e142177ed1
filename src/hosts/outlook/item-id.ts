/**
 * Office.js property: `item.itemId` — the open message's Exchange Web Services (EWS) item id
 * (read mode only). The report attaches the message by this id (./new-message-form.ts).
 * Requirement set: Mailbox 1.1.
 */

export function itemId(item: Office.MessageRead): string | undefined {
  try {
    const id = item.itemId;
    return typeof id === "string" && id !== "" ? id : undefined;
  } catch {
    return undefined;
  }
}
