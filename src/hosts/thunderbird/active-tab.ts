/**
 * MailExtension call: `messenger.tabs.query({ active: true, currentWindow: true })` — the tab the
 * popup's button was pressed in (the 3-pane mail tab, a message tab, or a message window's only
 * tab), whose displayed message the popup checks. Only the tab's id is read, so no "tabs"
 * permission is needed. tabs API (inherited from Firefox): every Thunderbird with Manifest V3, i.e.
 * 128 ESR and later.
 */
import { attempt, type HostResult } from "./host-result.js";

export function activeTabId(): Promise<HostResult<number | undefined>> {
  return attempt(async () => (await messenger.tabs.query({ active: true, currentWindow: true }))[0]?.id);
}
