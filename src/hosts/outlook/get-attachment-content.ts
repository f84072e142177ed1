/**
 * Office.js call: `item.getAttachmentContentAsync(id)` — one attachment's content (Base64 for
 * files, EML for attached items, a URL for cloud attachments).
 * Requirement set: Mailbox 1.8.
 */
import { settle, type HostResult } from "./async-result.js";

export function getAttachmentContent(item: Office.MessageRead, id: string): Promise<HostResult<Office.AttachmentContent>> {
  return settle<Office.AttachmentContent>((callback) => item.getAttachmentContentAsync(id, callback));
}
