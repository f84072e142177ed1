/**
 * MailExtension call: `messenger.runtime.getPlatformInfo()` — the operating system family
 * ("win", "mac", "linux", ...): item 8 of the report when the user-agent string says nothing
 * better. No permission. Thunderbird 64 and later.
 */
import { attempt, type HostResult } from "./host-result.js";

export function platformInfo(): Promise<HostResult<messenger.runtime.PlatformInfo>> {
  return attempt(() => messenger.runtime.getPlatformInfo());
}
