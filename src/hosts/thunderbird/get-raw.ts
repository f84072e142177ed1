/**
 * MailExtension call: `messenger.messages.getRaw(messageId, { data_format: "File" })` — the
 * message's unmodified source (RFC 5322, as Thunderbird stored it). `data_format` exists since
 * Thunderbird 117 (115.3.2); in Manifest V3 "File" is the default, asked for explicitly anyway.
 * A binary string (the Manifest V2 default) is still accepted: each char code is one byte.
 * Permission "messagesRead". Throws in Thunderbird when the message cannot be read (an IMAP
 * message not available offline while offline, for example): a failure here.
 */
import { attempt, isBlobLike, type HostResult } from "./host-result.js";

/** A binary string (one byte per UTF-16 unit) → bytes. */
export function binaryStringBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

export function getRaw(messageId: number): Promise<HostResult<Uint8Array>> {
  return attempt(async () => {
    const raw: unknown = await messenger.messages.getRaw(messageId, { data_format: "File" });
    if (typeof raw === "string") return binaryStringBytes(raw);
    if (isBlobLike(raw)) return new Uint8Array(await raw.arrayBuffer());
    throw new Error(`getRaw answered ${raw === null ? "null" : typeof raw}`);
  });
}
