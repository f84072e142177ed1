/**
 * MailExtension call: `messenger.runtime.getPlatformInfo()` — the operating system family
 * ("win", "mac", "linux", ...): item 8 of the report when the user-agent string says nothing
 * better. No permission. runtime API (inherited from Firefox): every Thunderbird with Manifest V3,
 * i.e. 128 ESR and later.
 */
import { attempt, type HostResult } from "./host-result.js";

export function platformInfo(): Promise<HostResult<messenger.runtime.PlatformInfo>> {
  return attempt(() => messenger.runtime.getPlatformInfo());
}
