/**
 * Office.js property: `Office.context.mailbox.item` — the selected message (null when a pinned
 * pane is open and nothing is selected). Requirement set: Mailbox 1.1 (null item: 1.5).
 */

export function currentItem(): Office.MessageRead | null {
  const item = Office.context.mailbox?.item as Office.MessageRead | null | undefined;
  return item ?? null;
}
