/**
 * MailExtension call: `messenger.messageDisplay.getDisplayedMessages(tabId)` — the messages shown
 * in that tab. Manifest V3 (Thunderbird 128 ESR and later) answers a messages.MessageList
 * `{ id, messages }`; getDisplayedMessage (one message) exists in Manifest V2 only.
 * Permission "messagesRead".
 */
import { attempt, type HostResult } from "./host-result.js";

export function displayedMessages(tabId: number | undefined): Promise<HostResult<readonly messenger.messages.MessageHeader[]>> {
  return attempt(async () => {
    const list = tabId === undefined ? await messenger.messageDisplay.getDisplayedMessages() : await messenger.messageDisplay.getDisplayedMessages(tabId);
    // An array is what Manifest V2 answered: accepted too, never trusted to be either.
    const messages: unknown = Array.isArray(list) ? list : (list as { messages?: unknown } | null)?.messages;
    return Array.isArray(messages) ? (messages as messenger.messages.MessageHeader[]) : [];
  });
}
