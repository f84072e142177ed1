/**
 * MailExtension call: `messenger.storage.managed.get()` — everything the administrator set for
 * this add-in by policy (policies.json `"3rdparty": { "Extensions": { "<add-in id>": {...} } }`).
 * Needs the "storage" permission and a fixed add-in id (`browser_specific_settings.gecko.id`).
 * Rejects when no policy names the add-in: for the caller that is "not configured" (./config.ts).
 * Thunderbird 78 and later; Manifest V3 from Thunderbird 128 ESR.
 */
import { attempt, type HostResult } from "./host-result.js";

export function managedStorage(): Promise<HostResult<Record<string, unknown>>> {
  return attempt(() => messenger.storage.managed.get(null));
}
