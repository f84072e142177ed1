/**
 * Office.js properties: `item.from`, `item.to`, `item.cc`, `item.subject`,
 * `item.internetMessageId`, `item.dateTimeCreated` — what every client gives without headers.
 * Requirement set: Mailbox 1.1.
 */

export interface ItemProperties {
  readonly from?: { readonly name: string; readonly address: string };
  readonly to: readonly { readonly name: string; readonly address: string }[];
  readonly cc: readonly { readonly name: string; readonly address: string }[];
  readonly subject?: string;
  readonly messageId?: string;
  readonly created?: Date;
}

const address = (a: Office.EmailAddressDetails) => ({ name: a.displayName ?? "", address: a.emailAddress ?? "" });

export function itemProperties(item: Office.MessageRead): ItemProperties {
  return {
    from: item.from ? address(item.from) : undefined,
    to: (item.to ?? []).map(address),
    cc: (item.cc ?? []).map(address),
    subject: item.subject,
    messageId: item.internetMessageId,
    created: item.dateTimeCreated,
  };
}
