/**
 * MailExtension call: `messenger.tabs.query({ active: true, currentWindow: true })` — the tab the
 * popup's button was pressed in (the 3-pane mail tab, a message tab, or a message window's only
 * tab), whose displayed message the popup checks. Only the tab's id is read, so no "tabs"
 * permission is needed. tabs API: Thunderbird 64 and later, Manifest V3 from Thunderbird 128 ESR.
 */
import { attempt, type HostResult } from "./host-result.js";

export function activeTabId(): Promise<HostResult<number | undefined>> {
  return attempt(async () => (await messenger.tabs.query({ active: true, currentWindow: true }))[0]?.id);
}
