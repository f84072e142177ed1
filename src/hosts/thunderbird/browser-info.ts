/**
 * MailExtension call: `messenger.runtime.getBrowserInfo()` — the application's name and version
 * ("Thunderbird", "128.5.0esr"): item 8 of the report. No permission. runtime API (inherited from
 * Firefox): every Thunderbird with Manifest V3, i.e. 128 ESR and later.
 */
import { attempt, type HostResult } from "./host-result.js";

export function browserInfo(): Promise<HostResult<messenger.runtime.BrowserInfo>> {
  return attempt(() => messenger.runtime.getBrowserInfo());
}
