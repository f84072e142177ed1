/**
 * Office.js property: `Office.context.mailbox.diagnostics` — which Outlook this is (`hostName`:
 * "Outlook" for classic Windows and Mac, "newOutlookWindows", "OutlookWebApp", "OutlookIOS",
 * "OutlookAndroid") and its version (`hostVersion`). For the report's item 8.
 * Requirement set: Mailbox 1.1.
 *
 * In Outlook on the web and new Outlook on Windows, `hostVersion` is the version of the Exchange
 * server, not of anything on the person's PC (Office.Diagnostics.hostVersion in office-js'
 * reference): the pane says so and lets the person correct it (src/taskpane/environment.ts).
 *
 * (Named after the property: ./diagnostics.ts is the host's own diagnostic messages.)
 */

export interface MailboxDiagnostics {
  readonly hostName?: string;
  readonly hostVersion?: string;
}

export function mailboxDiagnostics(): MailboxDiagnostics {
  try {
    const d = Office.context.mailbox?.diagnostics;
    const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
    return { hostName: text(d?.hostName), hostVersion: text(d?.hostVersion) };
  } catch {
    return {};
  }
}
