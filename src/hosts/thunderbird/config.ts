/**
 * The organisation's settings in Thunderbird: the administrator's policy for this add-in, read
 * through storage.managed (./managed-storage.ts), with the same schema as the Outlook add-in's
 * config.json and the command line's --config, checked by the same validator (validateConfig).
 *
 * - no policy for the add-in (storage.managed rejects, or holds nothing): no configuration; the
 *   checks that need the organisation say they were skipped.
 * - invalid settings: every error with its path under the policy, never a blank popup.
 */
import { validateConfig } from "../../core/config.js";
import type { ConfigLoad } from "../../taskpane/config.js";
import { ADDON_ID } from "./addon-id.js";
import { managedStorage } from "./managed-storage.js";

/** Where the settings live in policies.json, before each error's own path. */
export const POLICY_PATH = `3rdparty.Extensions["${ADDON_ID}"]`;

/** What storage.managed answered → the configuration (separate from the call, for tests). */
export function configFromManaged(answer: { ok: true; value: unknown } | { ok: false; detail: string }): ConfigLoad {
  // Firefox and Thunderbird reject storage.managed.get when no policy names the add-in
  // ("Managed storage manifest not found"): that is the unconfigured add-in, not an error.
  if (!answer.ok) return { kind: "ok" };
  const value = answer.value;
  if (value === null || value === undefined || (typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0)) return { kind: "ok" };
  const result = validateConfig(value);
  if (result.ok) return { kind: "ok", config: result.config };
  // A top-level key that is not a plain name comes quoted ('["a b"]') and takes no dot.
  const under = (path: string): string => (path === "" ? POLICY_PATH : path.startsWith("[") ? `${POLICY_PATH}${path}` : `${POLICY_PATH}.${path}`);
  return { kind: "invalid", errors: result.errors.map((e) => ({ ...e, path: under(e.path) })) };
}

export async function loadManagedConfig(): Promise<ConfigLoad> {
  return configFromManaged(await managedStorage());
}
