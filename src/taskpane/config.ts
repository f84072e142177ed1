import { parseConfig, type Config, type ConfigError } from "../core/config.js";
import { describeError } from "../hosts/outlook/async-result.js";

/**
 * The organisation's settings, served beside the pane as config.json (same schema as the
 * command line's --config): an admin edits it on the web server, no rebuild. Fetched from the
 * pane's own origin only.
 *
 * - 404: no configuration; checks that need the organisation say they were skipped.
 * - invalid JSON or settings: the pane shows every error with its path, never a blank pane.
 * - any other failure: an error the person can pass on to the admin.
 */
export type ConfigLoad =
  | { readonly kind: "ok"; readonly config?: Config }
  | { readonly kind: "invalid"; readonly errors: readonly ConfigError[] }
  | { readonly kind: "unreadable"; readonly detail: string };

export const CONFIG_FILE = "config.json";

export async function loadConfig(baseUrl: string, fetcher: typeof fetch = fetch): Promise<ConfigLoad> {
  let response: Response;
  try {
    response = await fetcher(new URL(CONFIG_FILE, baseUrl).href, { cache: "no-cache", credentials: "same-origin" });
  } catch (error) {
    return { kind: "unreadable", detail: describeError(error) };
  }
  if (response.status === 404) return { kind: "ok" };
  if (!response.ok) return { kind: "unreadable", detail: `HTTP ${response.status} ${response.statusText}`.trim() };
  const result = parseConfig(await response.text());
  return result.ok ? { kind: "ok", config: result.config } : { kind: "invalid", errors: result.errors };
}
