/**
 * The Thunderbird host adapter against recorded MailExtension payloads (./fixtures, hand-written
 * from the documented Manifest V3 types): the shown message found through tabs.query and
 * messageDisplay.getDisplayedMessages, read through messages.getRaw into exactly the .eml path's
 * snapshot, and — when the source cannot be had — through the header and
 * listAttachments/getAttachmentFile, every failure a diagnostic, never a throw.
 */
import { afterEach, describe, expect, it } from "vitest";
import { analyze } from "../../src/core/analyze.js";
import { snapshotFromEml } from "../../src/hosts/eml/snapshot.js";
import { activeTabId } from "../../src/hosts/thunderbird/active-tab.js";
import { displayedMessages } from "../../src/hosts/thunderbird/displayed-messages.js";
import { binaryStringBytes } from "../../src/hosts/thunderbird/get-raw.js";
import { readMessage } from "../../src/hosts/thunderbird/read-message.js";
import { SAMPLE_CONFIG } from "../outlook/helpers.js";
import { FIXED_NOW } from "../helpers/build.js";
import { CASE1, displayedHeader, fakeMessenger, install } from "./fake-messenger.js";

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

async function withFake(options: Parameters<typeof fakeMessenger>[0] = {}) {
  const fake = await fakeMessenger(options);
  uninstall = install(fake.api);
  return fake;
}

describe("which message is shown", () => {
  it("the active tab, then its displayed messages (a Manifest V3 MessageList)", async () => {
    const { calls } = await withFake();
    const tab = await activeTabId();
    expect(tab).toEqual({ ok: true, value: 3 });
    const shown = await displayedMessages(tab.ok ? tab.value : undefined);
    expect(shown.ok && shown.value.map((h) => h.id)).toEqual([42]);
    expect(calls.map((c) => [c.api, ...c.args])).toEqual([
      ["tabs.query", { active: true, currentWindow: true }],
      ["messageDisplay.getDisplayedMessages", 3],
    ]);
  });

  it("accepts the Manifest V2 array too; anything else is no message; a rejection is a failure", async () => {
    await withFake({ override: { "messageDisplay.getDisplayedMessages": () => [displayedHeader()] } });
    expect(await displayedMessages(3)).toMatchObject({ ok: true, value: [{ id: 42 }] });
    uninstall!();
    for (const odd of [null, 42, "x", { messages: "no" }, {}]) {
      uninstall = install((await fakeMessenger({ override: { "messageDisplay.getDisplayedMessages": () => odd } })).api);
      expect(await displayedMessages(3)).toEqual({ ok: true, value: [] });
      uninstall();
    }
    uninstall = install((await fakeMessenger({ override: { "messageDisplay.getDisplayedMessages": new Error("Invalid tab ID: 3") } })).api);
    expect(await displayedMessages(3)).toEqual({ ok: false, detail: "Error: Invalid tab ID: 3" });
  });

  it("outside Thunderbird (no messenger at all) every call is a failure, not a throw", async () => {
    expect(await activeTabId()).toMatchObject({ ok: false });
    expect(await displayedMessages(1)).toMatchObject({ ok: false });
    expect(await readMessage(displayedHeader())).toMatchObject({ source: "parts" });
  });
});

describe("reading the message", () => {
  it("getRaw as a File: the .eml path's snapshot exactly, the bytes kept as the original", async () => {
    const { calls } = await withFake();
    const read = await readMessage(displayedHeader());
    expect(calls.map((c) => [c.api, ...c.args])).toEqual([["messages.getRaw", 42, { data_format: "File" }]]);
    expect(read.source).toBe("eml");
    expect(read.eml).toEqual(CASE1);
    const expected = await snapshotFromEml(CASE1);
    expect(read.snapshot).toEqual({ ...expected, host: "thunderbird" });
    // And the analysis is the command line's.
    const verdict = analyze(read.snapshot, { config: SAMPLE_CONFIG, now: FIXED_NOW });
    expect(verdict.verdict).toBe("danger");
    expect(verdict.findings.map((f) => f.id)).toContain("ATT_DOUBLE_EXTENSION");
  });

  it("getRaw as a binary string (the Manifest V2 default) gives the same bytes", async () => {
    const binary = Array.from(CASE1, (b) => String.fromCharCode(b)).join("");
    await withFake({ override: { "messages.getRaw": () => binary } });
    const read = await readMessage(displayedHeader());
    expect(read.source).toBe("eml");
    expect(read.eml).toEqual(CASE1);
    expect(binaryStringBytes("\u00ff\u0100A")).toEqual(Uint8Array.of(0xff, 0x00, 0x41));
  });

  it("getRaw fails: the header and the attachments through listAttachments/getAttachmentFile, and a diagnostic", async () => {
    const { calls } = await withFake({ override: { "messages.getRaw": new Error("Error reading message 42") } });
    const read = await readMessage(displayedHeader());
    expect(read.source).toBe("parts");
    expect(read.eml).toBeUndefined();
    const s = read.snapshot;
    expect(s.host).toBe("thunderbird");
    expect(s.available).toEqual({ headers: false, body: false, attachmentContent: true });
    expect(s.from).toEqual({ name: "例示機構 調達課", address: "chotatsu@kikou-sample.go.jp" });
    expect(s.to).toEqual([{ name: "", address: "suzuki@example.co.jp" }]);
    expect(s.subject).toBe("【重要】調達要領の改訂について");
    expect(s.messageId).toBe("<20261126090150.1234@desktop-pc>");
    expect(s.attachments).toHaveLength(1);
    expect(s.attachments[0]).toMatchObject({ name: "調達要領.pdf.exe", declaredType: "application/octet-stream", size: 120, inline: false });
    expect(s.attachments[0]!.bytes?.slice(0, 2)).toEqual(Uint8Array.of(0x4d, 0x5a)); // "MZ"
    expect(calls.map((c) => c.api)).toEqual(["messages.getRaw", "messages.listAttachments", "messages.getAttachmentFile"]);
    expect(calls[2]!.args).toEqual([42, "1.2"]);
    const d = s.diagnostics?.find((x) => x.code === "THUNDERBIRD_CALL_FAILED");
    expect(d?.message.en).toBe("Thunderbird could not provide the whole message (EML): Error: Error reading message 42");
    expect(d?.message.ja).toContain("Thunderbird から");
    // The core says what that skipped, and the attachment rules still work.
    const analysis = analyze(s, { config: SAMPLE_CONFIG, now: FIXED_NOW });
    expect(analysis.diagnostics.map((x) => x.code)).toEqual(expect.arrayContaining(["NO_HEADERS", "NO_BODY", "THUNDERBIRD_CALL_FAILED"]));
    expect(analysis.findings.map((f) => f.id)).toEqual(expect.arrayContaining(["ATT_EXECUTABLE", "ATT_DOUBLE_EXTENSION"]));
  });

  it("an empty source is no source", async () => {
    await withFake({ override: { "messages.getRaw": () => new File([], "m.eml") } });
    const read = await readMessage(displayedHeader());
    expect(read.source).toBe("parts");
    expect(read.snapshot.diagnostics?.[0]?.message.en).toContain("empty result");
  });

  it("attachments that cannot be listed or read are diagnostics; the rest of the mail is still checked", async () => {
    await withFake({ override: { "messages.getRaw": new Error("offline"), "messages.getAttachmentFile": new Error("part gone") } });
    const read = await readMessage(displayedHeader());
    expect(read.snapshot.attachments[0]).toMatchObject({ name: "調達要領.pdf.exe", size: 120 });
    expect(read.snapshot.attachments[0]!.bytes).toBeUndefined();
    expect(read.snapshot.available.attachmentContent).toBe(false);
    expect(read.snapshot.diagnostics?.map((d) => d.message.en)).toContainEqual(expect.stringContaining('the content of attachment "調達要領.pdf.exe": Error: part gone'));
    uninstall!();
    uninstall = install((await fakeMessenger({ override: { "messages.getRaw": new Error("offline"), "messages.listAttachments": new Error("no") } })).api);
    const none = await readMessage(displayedHeader());
    expect(none.snapshot.attachments).toEqual([]);
    expect(none.snapshot.diagnostics?.map((d) => d.message.en)).toContainEqual(expect.stringContaining("the contents of attachments: Error: no"));
  });

  it("hostile or malformed payloads never break the read", async () => {
    const weird = [{ name: 7, contentType: null, size: -5, partName: "" }, null, { name: "\u202Egpj.exe", contentType: "TEXT/HTML; x=y", size: Infinity, partName: 3 }];
    await withFake({ override: { "messages.getRaw": new Error("offline"), "messages.listAttachments": () => weird } });
    const header = { ...displayedHeader(), author: "x".repeat(100_000), recipients: [42, "<@>", "a@b.example"], ccList: "nope", subject: 12, headerMessageId: "" } as unknown as messenger.messages.MessageHeader;
    const read = await readMessage(header);
    expect(read.snapshot.subject).toBeUndefined();
    expect(read.snapshot.messageId).toBeUndefined();
    expect(read.snapshot.cc).toEqual([]);
    expect(read.snapshot.to.map((a) => a.address)).toContain("a@b.example");
    expect(read.snapshot.attachments.map((a) => [a.name, a.declaredType, a.size])).toEqual([
      [null, "", 0],
      [null, "", 0],
      ["\u202Egpj.exe", "text/html", 0],
    ]);
    expect(() => analyze(read.snapshot, { config: SAMPLE_CONFIG, now: FIXED_NOW })).not.toThrow();
  });
});
