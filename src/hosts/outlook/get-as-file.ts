/**
 * Office.js call: `item.getAsFileAsync` — the open message as Base64-encoded EML.
 * Requirement set: Mailbox 1.14 (read mode).
 */
import { settle, type HostResult } from "./async-result.js";

export function getAsFile(item: Office.MessageRead): Promise<HostResult<string>> {
  return settle<string>((callback) => item.getAsFileAsync(callback));
}
