/**
 * A Thunderbird stand-in for the Thunderbird demo host and its browser test: the MailExtension
 * calls the popup makes (src/hosts/thunderbird), answered from an .eml the way Thunderbird 128
 * ESR answers them with Manifest V3 — asynchronously, with the documented shapes:
 *
 *   tabs.query → [tabs.Tab] · messageDisplay.getDisplayedMessages(tabId) → messages.MessageList
 *   messages.getRaw(id, { data_format: "File" }) → File · messages.listAttachments(id) →
 *   [messages.MessageAttachment] · messages.getAttachmentFile(id, partName) → File
 *   compose.beginNew(details) → tabs.Tab — recorded, never sent
 *   storage.managed.get() → the administrator's policy, or a rejection when there is none
 *   i18n.getUILanguage · runtime.getBrowserInfo · runtime.getPlatformInfo
 *
 * Pure enough for Node and the browser: postal-mime, no DOM but File.
 */
import PostalMime from "postal-mime";
import type { Address, Email } from "postal-mime";

export interface MessengerSettings {
  /** i18n.getUILanguage(): "ja", "en-US", ... */
  uiLanguage: string;
  /** What storage.managed holds for the add-in; null: no policy names it (storage.managed rejects). */
  policy: Record<string, unknown> | null;
}

export interface RecordedComposeAttachment {
  readonly name: string;
  readonly type: string;
  readonly size: number;
  /** The file's bytes are exactly the open message's source. */
  readonly isOpenMessage: boolean;
}

export type MessengerCall =
  | { readonly api: "compose.beginNew"; readonly messageId: number | null; readonly details: { readonly to: readonly string[]; readonly subject: string; readonly isPlainText?: boolean; readonly plainTextBody?: string; readonly body?: string; readonly attachments: readonly RecordedComposeAttachment[] } }
  | { readonly api: string; readonly messageId: number | null; readonly details?: undefined };

export interface OpenMessage {
  readonly id: number;
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly email: Email;
  readonly header: Record<string, unknown>;
  readonly attachments: readonly { readonly contentType: string; readonly name: string; readonly size: number; readonly partName: string; readonly contentId?: string; readonly contentDisposition: string }[];
}

const TAB_ID = 1;
const mailboxString = (a: { name: string; address?: string }): string => (a.name ? `${a.name} <${a.address ?? ""}>` : (a.address ?? ""));
const flat = (list: readonly Address[] | undefined): string[] => (list ?? []).flatMap((a) => (a.group ? a.group.map(mailboxString) : [mailboxString(a)]));

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class MessengerStandIn {
  readonly calls: MessengerCall[] = [];
  current: OpenMessage | undefined;
  private nextId = 100;
  private listeners: ((call: MessengerCall | null) => void)[] = [];

  constructor(readonly settings: MessengerSettings) {}

  onChange(listener: (call: MessengerCall | null) => void): void {
    this.listeners.push(listener);
  }

  private record(call: MessengerCall): void {
    this.calls.push(call);
    for (const l of this.listeners) l(call);
  }

  /** Shows a message, as selecting it in Thunderbird's message list does. */
  async openEml(bytes: Uint8Array, name: string): Promise<OpenMessage> {
    const email = await PostalMime.parse(bytes, { attachmentEncoding: "arraybuffer" });
    const id = this.nextId++;
    const attachments = email.attachments.map((a, i) => ({
      contentType: a.mimeType,
      name: a.filename ?? "",
      size: (a.content as ArrayBuffer).byteLength,
      partName: `1.${i + 2}`,
      ...(a.contentId ? { contentId: a.contentId } : {}),
      contentDisposition: a.disposition ?? "attachment",
    }));
    const author = email.from ? (email.from.group ? flat([email.from])[0] ?? "" : mailboxString(email.from)) : "";
    const header = {
      id,
      date: email.date ? new Date(email.date) : new Date(0),
      author,
      recipients: flat(email.to),
      ccList: flat(email.cc),
      bccList: flat(email.bcc),
      subject: email.subject ?? "",
      read: true,
      new: false,
      headersOnly: false,
      flagged: false,
      junk: false,
      junkScore: 0,
      headerMessageId: (email.messageId ?? "").replace(/^<|>$/g, ""),
      size: bytes.byteLength,
      tags: [],
      external: false,
    };
    this.current = { id, name, bytes, email, header, attachments };
    for (const l of this.listeners) l(null);
    return this.current;
  }

  private message(id: unknown): OpenMessage {
    if (!this.current || this.current.id !== id) throw new Error(`Message not found: ${String(id)}.`);
    return this.current;
  }

  /** The `messenger` object the popup sees. */
  readonly api = {
    tabs: {
      query: async (_info: unknown) => [{ id: TAB_ID, windowId: 1, index: 0, active: true, highlighted: true, type: "mail", mailTab: true, status: "complete" }],
    },
    messageDisplay: {
      getDisplayedMessages: async (tabId?: number) => {
        if (tabId !== undefined && tabId !== TAB_ID) throw new Error(`Invalid tab ID: ${tabId}`);
        return { id: null, messages: this.current ? [this.current.header] : [] };
      },
    },
    messages: {
      getRaw: async (messageId: number, options?: { data_format?: string }) => {
        const m = this.message(messageId);
        this.record({ api: "messages.getRaw", messageId });
        if (options?.data_format === "BinaryString") return Array.from(m.bytes, (b) => String.fromCharCode(b)).join("");
        return new File([m.bytes as Uint8Array<ArrayBuffer>], `${m.name}`, { type: "message/rfc822" });
      },
      listAttachments: async (messageId: number) => {
        this.record({ api: "messages.listAttachments", messageId });
        return this.message(messageId).attachments.map((a) => ({ ...a }));
      },
      getAttachmentFile: async (messageId: number, partName: string) => {
        const m = this.message(messageId);
        this.record({ api: "messages.getAttachmentFile", messageId });
        const index = m.attachments.findIndex((a) => a.partName === partName);
        const part = m.email.attachments[index];
        if (!part) throw new Error(`Part ${partName} not found.`);
        return new File([part.content as ArrayBuffer], m.attachments[index]!.name, { type: part.mimeType });
      },
    },
    compose: {
      beginNew: async (...args: unknown[]) => {
        const details = (typeof args[0] === "object" && args[0] !== null ? args[0] : args[1]) as Record<string, unknown> | undefined;
        const files = Array.isArray(details?.attachments) ? (details.attachments as { file?: unknown; name?: unknown }[]) : [];
        const open = this.current;
        const attachments: RecordedComposeAttachment[] = [];
        for (const a of files) {
          // The popup's File is of its own window: tested by shape, not instanceof.
          const file = a.file as File | undefined;
          if (typeof file?.arrayBuffer !== "function") throw new Error("Type error for parameter details: attachments need a File.");
          const bytes = new Uint8Array(await file.arrayBuffer());
          attachments.push({
            name: typeof a.name === "string" ? a.name : (file.name ?? ""),
            type: file.type,
            size: bytes.byteLength,
            isOpenMessage: open !== undefined && sameBytes(bytes, open.bytes),
          });
        }
        const to = Array.isArray(details?.to) ? (details.to as unknown[]).map(String) : typeof details?.to === "string" ? [details.to] : [];
        this.record({
          api: "compose.beginNew",
          messageId: open?.id ?? null,
          details: {
            to,
            subject: typeof details?.subject === "string" ? details.subject : "",
            ...(typeof details?.isPlainText === "boolean" ? { isPlainText: details.isPlainText } : {}),
            ...(typeof details?.plainTextBody === "string" ? { plainTextBody: details.plainTextBody } : {}),
            ...(typeof details?.body === "string" ? { body: details.body } : {}),
            attachments,
          },
        });
        return { id: 2, windowId: 2, active: true, type: "messageCompose" };
      },
    },
    storage: {
      managed: {
        get: async (_keys?: unknown) => {
          if (this.settings.policy === null) throw new Error("Managed storage manifest not found");
          return structuredClone(this.settings.policy);
        },
      },
    },
    i18n: { getUILanguage: () => this.settings.uiLanguage },
    runtime: {
      getBrowserInfo: async () => ({ name: "Thunderbird", vendor: "Mozilla", version: "128.0esr (demo)", buildID: "demo" }),
      getPlatformInfo: async () => ({ os: "linux", arch: "x86-64" }),
    },
  };

  /** Installs this stand-in as `messenger` in `target` (the popup's window). */
  install(target: Window): void {
    (target as unknown as { messenger: unknown }).messenger = this.api;
  }
}
