/**
 * Office.js property: `item.attachments` — name, type, size and id of each attachment.
 * Requirement set: Mailbox 1.1.
 */

export function attachmentDetails(item: Office.MessageRead): readonly Office.AttachmentDetails[] {
  return item.attachments ?? [];
}
