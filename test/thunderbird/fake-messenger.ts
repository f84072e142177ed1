/**
 * A fake `messenger` for the host's unit tests, answering from the recorded payloads in
 * ./fixtures (hand-written from the documented Manifest V3 types: see fixtures/README.md) and the
 * sample mail's bytes. Every call is recorded; any call can be made to fail the way Thunderbird
 * fails (a rejected promise), or to answer something else.
 */
import { readFileSync } from "node:fs";
import { snapshotFromEml } from "../../src/hosts/eml/snapshot.js";

const FIXTURES = new URL("./fixtures/", import.meta.url);
export const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, FIXTURES), "utf8")) as T;
export const CASE1 = new Uint8Array(readFileSync(new URL("../../samples/case1-government-sender-from-abroad.eml", import.meta.url)));

export type Call = { readonly api: string; readonly args: readonly unknown[] };

export interface FakeOptions {
  /** Per API name ("messages.getRaw"): a replacement answer (a function of the arguments) or an Error to reject with. */
  readonly override?: Readonly<Record<string, ((...args: unknown[]) => unknown) | Error>>;
  readonly eml?: Uint8Array;
}

/** The header of fixtures/displayed-messages.json, its date made a Date as Thunderbird gives it. */
export function displayedHeader(): messenger.messages.MessageHeader {
  const list = fixture<{ messages: (messenger.messages.MessageHeader & { date: string })[] }>("displayed-messages.json");
  const header = list.messages[0]!;
  return { ...header, date: new Date(header.date) };
}

export async function fakeMessenger(options: FakeOptions = {}): Promise<{ api: typeof messenger; calls: Call[] }> {
  const calls: Call[] = [];
  const eml = options.eml ?? CASE1;
  const snapshot = await snapshotFromEml(eml);
  const attachments = fixture<messenger.messages.MessageAttachment[]>("list-attachments.json");
  const answer = (api: string, args: unknown[], normal: () => unknown): Promise<unknown> => {
    calls.push({ api, args });
    const o = options.override?.[api];
    if (o instanceof Error) return Promise.reject(o);
    return Promise.resolve(o ? o(...args) : normal());
  };
  const api = {
    tabs: { query: (...args: unknown[]) => answer("tabs.query", args, () => fixture("tabs-query.json")) },
    messageDisplay: {
      getDisplayedMessages: (...args: unknown[]) =>
        answer("messageDisplay.getDisplayedMessages", args, () => ({ ...fixture<object>("displayed-messages.json"), messages: [displayedHeader()] })),
    },
    messages: {
      getRaw: (...args: unknown[]) => answer("messages.getRaw", args, () => new File([eml as Uint8Array<ArrayBuffer>], "message.eml", { type: "message/rfc822" })),
      listAttachments: (...args: unknown[]) => answer("messages.listAttachments", args, () => attachments),
      getAttachmentFile: (...args: unknown[]) =>
        answer("messages.getAttachmentFile", args, () => {
          const index = attachments.findIndex((a) => a.partName === args[1]);
          const bytes = snapshot.attachments[index]?.bytes;
          if (!bytes) throw new Error(`no part ${String(args[1])}`);
          return new File([bytes as Uint8Array<ArrayBuffer>], attachments[index]!.name);
        }),
    },
    compose: { beginNew: (...args: unknown[]) => answer("compose.beginNew", args, () => ({ id: 7, windowId: 2, active: true, type: "messageCompose" })) },
    storage: { managed: { get: (...args: unknown[]) => answer("storage.managed.get", args, () => fixture("storage-managed.json")) } },
    i18n: { getUILanguage: () => "ja" },
    runtime: {
      getBrowserInfo: (...args: unknown[]) => answer("runtime.getBrowserInfo", args, () => ({ name: "Thunderbird", vendor: "Mozilla", version: "128.5.0esr", buildID: "20241125000000" })),
      getPlatformInfo: (...args: unknown[]) => answer("runtime.getPlatformInfo", args, () => ({ os: "win", arch: "x86-64" })),
    },
  };
  return { api: api as unknown as typeof messenger, calls };
}

/** Installs `api` as the global `messenger` (as Thunderbird's extension pages have it) until the returned function runs. */
export function install(api: typeof messenger): () => void {
  (globalThis as { messenger?: unknown }).messenger = api;
  return () => {
    delete (globalThis as { messenger?: unknown }).messenger;
  };
}
