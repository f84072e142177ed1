/**
 * MailExtension call: `messenger.compose.beginNew(details)` — opens a new message, filled in, for
 * the person to check and send (the report to the security desk). Attachments in
 * ComposeDetails (`attachments: [{ file, name }]`) since Thunderbird 82; the promise answers the
 * compose tab since 77. Nothing is sent: that needs the "compose.send" permission, which this
 * add-in does not ask for. Permission "compose".
 */
import { attempt, type HostResult } from "./host-result.js";

export async function beginNew(details: messenger.compose.ComposeDetails): Promise<HostResult<void>> {
  const opened = await attempt(() => messenger.compose.beginNew(details));
  return opened.ok ? { ok: true, value: undefined } : opened;
}
