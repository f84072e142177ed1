/**
 * An Office stand-in for the demo host and the tests: the Mailbox calls the pane uses, answered
 * from an .eml file, with Office's own rules (notification length, key and icon; one handler
 * list per event; asynchronous callbacks) so a pane that breaks them fails here first.
 *
 * Implemented, with the requirement set a client must have for each:
 *   item.getAsFileAsync (1.14) · item.getAllInternetHeadersAsync (1.8) · item.body.getAsync (1.3)
 *   item.attachments (1.1) · item.getAttachmentContentAsync (1.8)
 *   item.notificationMessages add/replace/remove/getAll (1.3) — recorded
 *   mailbox.displayNewMessageForm (1.6) — recorded, with Office's parameter limits (it throws)
 *   mailbox.addHandlerAsync / removeHandlerAsync for ItemChanged (1.5)
 *   context.displayLanguage, context.requirements.isSetSupported, mailbox.diagnostics
 * A client set to an older Mailbox version has no methods of the newer sets, as in Outlook.
 *
 * Pure enough for Node (vitest) and the browser: no DOM, only postal-mime and timers.
 */
import PostalMime from "postal-mime";
import type { Address, Email } from "postal-mime";
import { bytesToBase64 } from "../core/text/base64.js";

/** Values of the Office enums the pane reads (office.js defines only some outside Office). */
export const OFFICE_ENUMS = {
  HostType: { Outlook: "Outlook" },
  PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  CoercionType: { Html: "html", Text: "text" },
  EventType: { ItemChanged: "olkItemSelectedChanged" },
  MailboxEnums: {
    ItemType: { Message: "message", Appointment: "appointment" },
    AttachmentType: { File: "file", Item: "item", Cloud: "cloud" },
    AttachmentContentFormat: { Base64: "base64", Url: "url", Eml: "eml", ICalendar: "iCalendar" },
    ItemNotificationMessageType: {
      ProgressIndicator: "progressIndicator",
      InformationalMessage: "informationalMessage",
      ErrorMessage: "errorMessage",
      InsightMessage: "insightMessage",
    },
  },
} as const;

const ITEM_CHANGED = OFFICE_ENUMS.EventType.ItemChanged;
const NOTIFICATION_TYPES: readonly string[] = Object.values(OFFICE_ENUMS.MailboxEnums.ItemNotificationMessageType);
/** Office's limits on notification messages. */
const MAX_NOTIFICATION_CHARS = 150;
const MAX_KEY_CHARS = 32;
const MAX_NOTIFICATIONS = 5;

export interface StandInSettings {
  /** Office.context.displayLanguage, e.g. "ja-JP" or "en-US". */
  displayLanguage: string;
  /** The newest Mailbox requirement set the simulated client supports ("1.14", "1.8", "1.5"). */
  mailbox: string;
  /** Icons the manifest defines (notification icons must be one of them). */
  readonly icons: readonly string[];
}

export type RecordedCall =
  | { readonly kind: "notificationMessages.addAsync" | "notificationMessages.replaceAsync"; readonly itemId: string; readonly key: string; readonly details: NotificationDetails; readonly ok: boolean; readonly error?: string }
  | { readonly kind: "notificationMessages.removeAsync"; readonly itemId: string; readonly key: string; readonly ok: boolean; readonly error?: string }
  | { readonly kind: "displayNewMessageForm"; readonly itemId: string | null; readonly parameters: unknown; readonly error?: string }
  | { readonly kind: "ItemChanged"; readonly itemId: string | null; readonly handlers: number };

export interface NotificationDetails {
  readonly type: string;
  readonly message: string;
  readonly icon?: string;
  readonly persistent?: boolean;
}

interface AsyncResult<T> {
  readonly status: "succeeded" | "failed";
  readonly value: T;
  readonly error?: { readonly name: string; readonly message: string; readonly code: number };
  readonly asyncContext?: unknown;
}
type Callback<T> = (result: AsyncResult<T>) => void;

export interface OpenOptions {
  /** Item id shown in the log ("case1-....eml"). */
  readonly id: string;
  /** Delay of every asynchronous call on this item: a slow client or a large message. */
  readonly latencyMs?: number;
}

/** Compares "1.14" with "1.8" as versions (1.14 is newer). */
export function versionAtLeast(have: string, want: string): boolean {
  const [hm = 0, hn = 0] = have.split(".").map(Number);
  const [wm = 0, wn = 0] = want.split(".").map(Number);
  return hm !== wm ? hm > wm : hn >= wn;
}

function mailboxes(list: readonly Address[] | undefined): { displayName: string; emailAddress: string }[] {
  const out: { displayName: string; emailAddress: string }[] = [];
  for (const a of list ?? []) {
    if (a.group) a.group.forEach((m) => out.push({ displayName: m.name, emailAddress: m.address }));
    else out.push({ displayName: a.name, emailAddress: a.address });
  }
  return out;
}

/** Office's limits on displayNewMessageForm's parameters (Office.MessageForm, Office.MessageFormAttachment). */
const MESSAGE_FORM_KEYS = new Set(["toRecipients", "ccRecipients", "bccRecipients", "subject", "htmlBody", "attachments"]);
const MAX_SUBJECT_CHARS = 255;
const MAX_HTML_BODY_CHARS = 32 * 1024;
const MAX_RECIPIENTS = 100;

/** Why Office would refuse these parameters, or undefined. */
export function newMessageFormError(parameters: unknown): string | undefined {
  if (typeof parameters !== "object" || parameters === null) return "InvalidParameters";
  const p = parameters as Record<string, unknown>;
  const unknown = Object.keys(p).find((k) => !MESSAGE_FORM_KEYS.has(k));
  if (unknown !== undefined) return `ArgumentException: unknown parameter ${unknown}`;
  for (const key of ["toRecipients", "ccRecipients", "bccRecipients"]) {
    const list = p[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return `ArgumentException: ${key} must be an array`;
    if (list.length > MAX_RECIPIENTS) return `ArgumentOutOfRange: more than ${MAX_RECIPIENTS} ${key}`;
  }
  if (p.subject !== undefined && (typeof p.subject !== "string" || p.subject.length > MAX_SUBJECT_CHARS)) return "ArgumentOutOfRange: subject longer than 255 characters";
  if (p.htmlBody !== undefined && (typeof p.htmlBody !== "string" || p.htmlBody.length > MAX_HTML_BODY_CHARS)) return "ArgumentOutOfRange: htmlBody larger than 32 KB";
  if (p.attachments !== undefined) {
    if (!Array.isArray(p.attachments)) return "ArgumentException: attachments must be an array";
    for (const a of p.attachments as Record<string, unknown>[]) {
      if (typeof a?.name !== "string" || a.name.length === 0 || a.name.length > 255) return "ArgumentException: attachment name missing or longer than 255 characters";
      if (a.type === "item") {
        if (typeof a.itemId !== "string" || a.itemId === "") return "ArgumentException: an item attachment needs an itemId";
      } else if (a.type === "file") {
        if (typeof a.url !== "string" || a.url === "") return "ArgumentException: a file attachment needs a url";
      } else return `ArgumentException: attachment type ${String(a.type)} (must be file or item)`;
    }
  }
  return undefined;
}

function escapeHtml(text: string): string {
  let out = "";
  for (const c of text) out += c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : c;
  return out;
}

/** What Outlook's Text coercion gives for an HTML-only mail, roughly: the text between tags. */
function textOfHtml(html: string): string {
  let out = "";
  let inTag = false;
  for (const c of html) {
    if (c === "<") inTag = true;
    else if (c === ">") inTag = false;
    else if (!inTag) out += c;
  }
  return out.replaceAll("&nbsp;", " ").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}

/** The header block as getAllInternetHeadersAsync returns it: the lines before the first blank line. */
function headerBlock(bytes: Uint8Array): string {
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) {
    if (bytes[i + 1] === 0x0a) return new TextDecoder().decode(bytes.subarray(0, i + 1));
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return new TextDecoder().decode(bytes.subarray(0, i + 1));
  }
  return new TextDecoder().decode(bytes);
}

export interface StandInAttachment {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly attachmentType: string;
  readonly isInline: boolean;
  readonly contentId?: string;
}

/** What the demo's reading pane shows of the open item. */
export interface OpenItem {
  readonly id: string;
  readonly email: Email;
  readonly bytes: Uint8Array;
  readonly attachments: readonly StandInAttachment[];
  /** The item object the pane sees as Office.context.mailbox.item. */
  readonly item: Record<string, unknown>;
}

export class OfficeStandIn {
  readonly calls: RecordedCall[] = [];
  /** Notification bar lines per item id, by key, in insertion order. */
  readonly notifications = new Map<string, Map<string, NotificationDetails>>();
  private handlers: ((event: { type: string }) => void)[] = [];
  private listeners: ((call: RecordedCall | null) => void)[] = [];
  private open: OpenItem | null = null;
  readonly context: Record<string, unknown>;

  constructor(readonly settings: StandInSettings) {
    const mailbox: Record<string, unknown> = {
      diagnostics: { hostName: "OutlookWebApp", hostVersion: "demo", OWAView: "ThreeColumns" },
      userProfile: { displayName: "Demo User", emailAddress: "suzuki@example.co.jp", timeZone: "Tokyo Standard Time" },
      addHandlerAsync: (eventType: string, handler: (event: { type: string }) => void, ...rest: unknown[]) => {
        const callback = rest.find((r): r is Callback<void> => typeof r === "function");
        if (!this.supports("1.5") || eventType !== ITEM_CHANGED) return this.reply(callback, undefined, 0, "InvalidEventDispatch");
        this.handlers.push(handler);
        this.reply(callback, undefined, 0);
      },
      removeHandlerAsync: (eventType: string, ...rest: unknown[]) => {
        const callback = rest.find((r): r is Callback<void> => typeof r === "function");
        if (eventType === ITEM_CHANGED) this.handlers = [];
        this.reply(callback, undefined, 0);
      },
    };
    Object.defineProperty(mailbox, "item", { get: () => this.open?.item ?? null, enumerable: true });
    // Mailbox 1.6: a client set to an older version has no such method (as in Outlook).
    const displayNewMessageForm = (parameters: unknown): void => {
      const error = newMessageFormError(parameters);
      this.record({ kind: "displayNewMessageForm", itemId: this.open?.id ?? null, parameters, ...(error ? { error } : {}) });
      // Office throws synchronously when a parameter is over its limit or unknown.
      if (error) throw Object.assign(new Error(error), { name: error.split(":")[0] });
    };
    Object.defineProperty(mailbox, "displayNewMessageForm", { get: () => (this.supports("1.6") ? displayNewMessageForm : undefined), enumerable: true });
    this.context = {
      host: "Outlook",
      platform: "OfficeOnline",
      diagnostics: { host: "Outlook", platform: "OfficeOnline", version: "16.0.demo" },
      requirements: {
        isSetSupported: (name: string, version?: string) => name.toLowerCase() === "mailbox" && this.supports(version ?? "1.1"),
      },
      mailbox,
    };
    for (const name of ["displayLanguage", "contentLanguage"]) {
      Object.defineProperty(this.context, name, { get: () => this.settings.displayLanguage, enumerable: true });
    }
  }

  supports(version: string): boolean {
    return versionAtLeast(this.settings.mailbox, version);
  }

  /** The open item (for the demo's reading pane). */
  get current(): OpenItem | null {
    return this.open;
  }

  /** Called after every recorded call, and with null when the open item changes. */
  onChange(listener: (call: RecordedCall | null) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Makes the stand-in this window's Office: a new Office object whose prototype is office.js's
   * own (what the stand-in does not implement still comes from office.js), with onReady
   * reporting Outlook, context being this stand-in's, and the enums office.js defines only
   * inside Office. Handlers of an earlier pane (a reloaded iframe) are dropped.
   */
  install(target: { Office?: unknown; OSF?: unknown }): void {
    this.handlers = [];
    const real = (target.Office ?? {}) as Record<string, unknown>;
    const office = Object.create(real) as Record<string, unknown>;
    const info = { host: OFFICE_ENUMS.HostType.Outlook, platform: OFFICE_ENUMS.PlatformType.OfficeOnline };
    const merged = (name: keyof typeof OFFICE_ENUMS): Record<string, unknown> => ({ ...(real[name] as object | undefined), ...OFFICE_ENUMS[name] });
    const values: Record<string, unknown> = {
      onReady: (callback?: (i: typeof info) => void) => {
        callback?.(info);
        return Promise.resolve(info);
      },
      context: this.context,
      HostType: merged("HostType"),
      PlatformType: merged("PlatformType"),
      AsyncResultStatus: merged("AsyncResultStatus"),
      CoercionType: merged("CoercionType"),
      EventType: merged("EventType"),
      MailboxEnums: merged("MailboxEnums"),
    };
    for (const [name, value] of Object.entries(values)) {
      Object.defineProperty(office, name, { value, configurable: true, writable: true, enumerable: true });
    }
    target.Office = office;
    // Outside Office, office.js takes its Office 2013 path, which 3 s after loading frames a
    // Microsoft telemetry page (telemetryservice.firstpartyapps.oaspapps.com). Outlook does not
    // take that path; the stand-in, playing Outlook, switches it off (the pane's CSP blocks it
    // anyway: frame-src 'none').
    const uls = (target.OSF as { Logger?: { ulsEndpoint?: { loadProxyFrame?: unknown } } } | undefined)?.Logger?.ulsEndpoint;
    if (uls && typeof uls.loadProxyFrame === "function") uls.loadProxyFrame = () => undefined;
  }

  /** Opens an .eml as the selected item; a pinned pane hears ItemChanged. */
  async openEml(bytes: Uint8Array, options: OpenOptions): Promise<OpenItem> {
    const email = await PostalMime.parse(bytes, { attachmentEncoding: "arraybuffer" });
    this.open = this.buildItem(email, bytes, options);
    this.notifications.delete(options.id);
    for (const l of this.listeners) l(null);
    const handlers = [...this.handlers];
    this.record({ kind: "ItemChanged", itemId: options.id, handlers: handlers.length });
    // Office raises events asynchronously, after the selection has changed.
    setTimeout(() => handlers.forEach((h) => h({ type: ITEM_CHANGED })), 0);
    return this.open;
  }

  private buildItem(email: Email, bytes: Uint8Array, options: OpenOptions): OpenItem {
    const { id } = options;
    const latency = options.latencyMs ?? 0;
    const contents = email.attachments.map((a) => (typeof a.content === "string" ? new TextEncoder().encode(a.content) : new Uint8Array(a.content)));
    const attachments: StandInAttachment[] = email.attachments.map((a, i) => ({
      id: `${id}#attachment-${i}`,
      name: a.filename ?? "",
      contentType: a.mimeType,
      size: contents[i]!.byteLength,
      attachmentType: a.mimeType === "message/rfc822" ? OFFICE_ENUMS.MailboxEnums.AttachmentType.Item : OFFICE_ENUMS.MailboxEnums.AttachmentType.File,
      isInline: a.disposition === "inline" || (a.related === true && a.disposition !== "attachment"),
      ...(a.contentId ? { contentId: a.contentId } : {}),
    }));
    const from = email.from ? mailboxes([email.from])[0] : undefined;
    const html = email.html ?? (email.text === undefined ? "" : `<html><body><div><pre>${escapeHtml(email.text)}</pre></div></body></html>`);
    const text = email.text ?? (email.html === undefined ? "" : textOfHtml(email.html));
    const callback = <T>(args: unknown[]): Callback<T> | undefined => args.find((a): a is Callback<T> => typeof a === "function");

    const notificationMessages = {
      addAsync: (key: string, details: NotificationDetails, ...rest: unknown[]) => this.notify("notificationMessages.addAsync", id, key, details, callback(rest), latency),
      replaceAsync: (key: string, details: NotificationDetails, ...rest: unknown[]) =>
        this.notify("notificationMessages.replaceAsync", id, key, details, callback(rest), latency),
      removeAsync: (key: string, ...rest: unknown[]) => {
        const lines = this.notifications.get(id);
        const ok = lines?.delete(key) === true;
        this.record({ kind: "notificationMessages.removeAsync", itemId: id, key, ok, ...(ok ? {} : { error: "KeyNotFound" }) });
        this.reply(callback(rest), undefined, latency, ok ? undefined : "KeyNotFound");
      },
      getAllAsync: (...rest: unknown[]) => {
        const lines = [...(this.notifications.get(id)?.entries() ?? [])].map(([key, d]) => ({ key, ...d }));
        this.reply(callback(rest), lines, latency);
      },
    };

    const item: Record<string, unknown> = {
      itemType: OFFICE_ENUMS.MailboxEnums.ItemType.Message,
      itemId: id,
      subject: email.subject ?? "",
      normalizedSubject: email.subject ?? "",
      from: from,
      sender: from,
      to: mailboxes(email.to),
      cc: mailboxes(email.cc),
      internetMessageId: email.messageId ?? "",
      dateTimeCreated: email.date ? new Date(email.date) : new Date(0),
      dateTimeModified: email.date ? new Date(email.date) : new Date(0),
      attachments: attachments.map((a) => ({ ...a })),
      notificationMessages,
      body: {
        getAsync: (coercionType: string, ...rest: unknown[]) => {
          const cb = callback<string>(rest);
          if (coercionType === "html") this.reply(cb, html, latency);
          else if (coercionType === "text") this.reply(cb, text, latency);
          else this.reply(cb, "", latency, "InvalidCoercionType");
        },
      },
    };
    if (this.supports("1.8")) {
      item.getAllInternetHeadersAsync = (...rest: unknown[]) => this.reply(callback<string>(rest), headerBlock(bytes), latency);
      item.getAttachmentContentAsync = (attachmentId: string, ...rest: unknown[]) => {
        const index = attachments.findIndex((a) => a.id === attachmentId);
        const cb = callback<unknown>(rest);
        if (index < 0) return this.reply(cb, undefined, latency, "InvalidAttachmentId");
        const attachment = attachments[index]!;
        const value =
          attachment.attachmentType === OFFICE_ENUMS.MailboxEnums.AttachmentType.Item
            ? { format: OFFICE_ENUMS.MailboxEnums.AttachmentContentFormat.Eml, content: new TextDecoder().decode(contents[index]) }
            : { format: OFFICE_ENUMS.MailboxEnums.AttachmentContentFormat.Base64, content: bytesToBase64(contents[index]!) };
        this.reply(cb, value, latency);
      };
    }
    if (this.supports("1.14")) {
      item.getAsFileAsync = (...rest: unknown[]) => this.reply(callback<string>(rest), bytesToBase64(bytes), latency);
    }
    return { id, email, bytes, attachments, item };
  }

  private notify(
    kind: "notificationMessages.addAsync" | "notificationMessages.replaceAsync",
    itemId: string,
    key: string,
    details: NotificationDetails,
    callback: Callback<void> | undefined,
    latency: number,
  ): void {
    const lines = this.notifications.get(itemId) ?? new Map<string, NotificationDetails>();
    const error = this.validateNotification(kind, key, details, lines);
    if (error === undefined) {
      lines.set(key, { ...details });
      this.notifications.set(itemId, lines);
    }
    this.record({ kind, itemId, key, details: { ...details }, ok: error === undefined, ...(error ? { error } : {}) });
    this.reply(callback, undefined, latency, error);
  }

  /** Office's rules for notification messages (it throws or fails the call on each of these). */
  private validateNotification(kind: string, key: string, details: NotificationDetails, lines: Map<string, NotificationDetails>): string | undefined {
    if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_CHARS) return "InvalidKey";
    if (!NOTIFICATION_TYPES.includes(details.type)) return "InvalidNotificationType";
    if (typeof details.message !== "string" || details.message.length === 0) return "InvalidMessage";
    if (details.message.length > MAX_NOTIFICATION_CHARS) return "ArgumentOutOfRange: message longer than 150 characters";
    if (details.type === "informationalMessage") {
      if (details.icon === undefined || !this.settings.icons.includes(details.icon)) return "InvalidIcon: the icon must be an image id of the manifest";
      if (typeof details.persistent !== "boolean") return "MissingPersistent";
    } else if (details.icon !== undefined || details.persistent !== undefined) {
      return "ArgumentException: icon and persistent apply to informational messages only";
    }
    if (kind === "notificationMessages.addAsync" && lines.has(key)) return "DuplicateNotificationKey";
    if (!lines.has(key) && lines.size >= MAX_NOTIFICATIONS) return "NumberOfNotificationMessagesExceeded";
    return undefined;
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    for (const l of this.listeners) l(call);
  }

  private reply<T>(callback: Callback<T> | undefined, value: T, latency: number, error?: string): void {
    if (!callback) return;
    const result: AsyncResult<T> =
      error === undefined
        ? { status: "succeeded", value }
        : { status: "failed", value: undefined as T, error: { name: error.split(":")[0]!, message: error, code: 9000 } };
    setTimeout(() => callback(result), latency);
  }
}
