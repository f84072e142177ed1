/**
 * Office.js call: `item.getAllInternetHeadersAsync` — the transport header block as one string.
 * Requirement set: Mailbox 1.8 (read mode).
 */
import { settle, type HostResult } from "./async-result.js";

export function getAllInternetHeaders(item: Office.MessageRead): Promise<HostResult<string>> {
  return settle<string>((callback) => item.getAllInternetHeadersAsync(callback));
}
