/**
 * MailExtension call: `messenger.messages.listAttachments(messageId)` — the message's
 * attachments (messages.MessageAttachment: name, contentType, size, partName). Thunderbird 88 and
 * later. Permission "messagesRead". Used when the whole message (getRaw) cannot be had.
 */
import { attempt, type HostResult } from "./host-result.js";

export function listAttachments(messageId: number): Promise<HostResult<readonly messenger.messages.MessageAttachment[]>> {
  return attempt(async () => {
    const list: unknown = await messenger.messages.listAttachments(messageId);
    return Array.isArray(list) ? (list as messenger.messages.MessageAttachment[]) : [];
  });
}
