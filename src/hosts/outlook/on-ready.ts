/**
 * Office.js call: `Office.onReady()` — resolves when office.js has initialised, with the host
 * application ("Outlook") or null when the page is not running inside Office.
 * Requirement set: none (Common API, office.js 1.1 and later).
 */

export interface ReadyInfo {
  readonly host: string | null;
  readonly platform: string | null;
}

export async function officeReady(): Promise<ReadyInfo> {
  const info = await Office.onReady();
  return { host: info.host == null ? null : String(info.host), platform: info.platform == null ? null : String(info.platform) };
}

/** The value of Office.HostType.Outlook. */
export const OUTLOOK_HOST = "Outlook";
