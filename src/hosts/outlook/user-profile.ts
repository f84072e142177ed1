/**
 * Office.js property: `Office.context.mailbox.userProfile` — the name and address of the person
 * using Outlook: who reports, for the desk (the mail draft is sent from that person anyway; the
 * intake POST needs it said).
 * Requirement set: Mailbox 1.1.
 */

export interface UserProfile {
  readonly name: string;
  readonly address: string;
}

export function userProfile(): UserProfile | undefined {
  try {
    const profile = Office.context.mailbox?.userProfile;
    const address = typeof profile?.emailAddress === "string" ? profile.emailAddress.trim() : "";
    if (address === "") return undefined;
    return { name: typeof profile?.displayName === "string" ? profile.displayName : "", address };
  } catch {
    return undefined;
  }
}
