/**
 * MailExtension call: `messenger.storage.managed.get()` — everything the administrator set for
 * this add-in by policy (policies.json `"3rdparty": { "Extensions": { "<add-in id>": {...} } }`).
 * Needs the "storage" permission and a fixed add-in id (`browser_specific_settings.gecko.id`).
 * Rejects when no policy names the add-in: for the caller that is "not configured" (./config.ts).
 * storage API (inherited from Firefox, where managed storage reads the `3rdparty` policy): every
 * Thunderbird with Manifest V3, i.e. 128 ESR and later.
 */
import { attempt, type HostResult } from "./host-result.js";

export function managedStorage(): Promise<HostResult<Record<string, unknown>>> {
  return attempt(() => messenger.storage.managed.get(null));
}
