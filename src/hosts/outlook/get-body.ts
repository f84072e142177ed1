/**
 * Office.js call: `item.body.getAsync(coercionType)` — the body as HTML or as plain text.
 * Requirement set: Mailbox 1.3.
 */
import { settle, type HostResult } from "./async-result.js";

/** Values of Office.CoercionType.Html and .Text (the call takes the string). */
export type BodyFormat = "html" | "text";

export function getBody(item: Office.MessageRead, format: BodyFormat): Promise<HostResult<string>> {
  return settle<string>((callback) => item.body.getAsync(format, callback));
}
