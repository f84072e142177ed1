/**
 * MailExtension call: `messenger.messages.getAttachmentFile(messageId, partName)` — one
 * attachment's content as a DOM File. Thunderbird 88 and later. Permission "messagesRead".
 */
import { attempt, isBlobLike, type HostResult } from "./host-result.js";

export function getAttachmentFile(messageId: number, partName: string): Promise<HostResult<Uint8Array>> {
  return attempt(async () => {
    const file: unknown = await messenger.messages.getAttachmentFile(messageId, partName);
    if (!isBlobLike(file)) throw new Error("getAttachmentFile answered no file");
    return new Uint8Array(await file.arrayBuffer());
  });
}
