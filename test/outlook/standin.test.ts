import { describe, expect, it } from "vitest";
import { OFFICE_ENUMS } from "../../src/demo/office-standin.js";
import { openSample, standIn } from "./helpers.js";

const CASE1 = "case1-government-sender-from-abroad.eml";

describe("the demo's Office stand-in", () => {
  it("gives a client only the methods of its requirement sets, as Outlook does", async () => {
    const newest = (await openSample(standIn({ mailbox: "1.14" }), CASE1)) as unknown as Record<string, unknown>;
    const older = (await openSample(standIn({ mailbox: "1.8" }), CASE1)) as unknown as Record<string, unknown>;
    const oldest = (await openSample(standIn({ mailbox: "1.5" }), CASE1)) as unknown as Record<string, unknown>;
    expect(typeof newest.getAsFileAsync).toBe("function");
    expect(older.getAsFileAsync).toBeUndefined();
    expect(typeof older.getAllInternetHeadersAsync).toBe("function");
    expect(oldest.getAllInternetHeadersAsync).toBeUndefined();
    expect(oldest.getAttachmentContentAsync).toBeUndefined();
    const office = standIn({ mailbox: "1.8" });
    const requirements = office.context.requirements as { isSetSupported(name: string, version?: string): boolean };
    expect([requirements.isSetSupported("Mailbox", "1.8"), requirements.isSetSupported("mailbox", "1.14"), requirements.isSetSupported("ExcelApi", "1.1")]).toEqual([true, false, false]);
    // displayNewMessageForm is Mailbox 1.6.
    const mailbox = (version: string) => standIn({ mailbox: version }).context.mailbox as Record<string, unknown>;
    expect([typeof mailbox("1.8").displayNewMessageForm, typeof mailbox("1.5").displayNewMessageForm]).toEqual(["function", "undefined"]);
  });

  it("refuses a new-message form over Office's limits, as Outlook does (it throws)", () => {
    const office = standIn();
    const open = (parameters: unknown) => (office.context.mailbox as { displayNewMessageForm(p: unknown): void }).displayNewMessageForm(parameters);
    expect(() => open({ subject: "x".repeat(256) })).toThrow(/subject/);
    expect(() => open({ htmlBody: "x".repeat(32 * 1024 + 1) })).toThrow(/32 KB/);
    expect(() => open({ toRecipients: Array(101).fill("a@example.jp") })).toThrow(/100/);
    expect(() => open({ attachments: [{ type: "item", name: "original message" }] })).toThrow(/itemId/);
    expect(() => open({ attachments: [{ type: "base64", name: "x", base64file: "AA==" }] })).toThrow(/type/);
    expect(() => open({ body: "x" })).toThrow(/unknown parameter/);
    expect(() => open({ toRecipients: ["csirt@example.co.jp"], subject: "s", htmlBody: "<p>x</p>", attachments: [{ type: "item", itemId: "id", name: "original message" }] })).not.toThrow();
    expect(office.calls.filter((c) => c.kind === "displayNewMessageForm").map((c) => "error" in c && c.error !== undefined)).toEqual([true, true, true, true, true, true, false]);
  });

  it("records displayNewMessageForm and raises ItemChanged for the handlers of the pane", async () => {
    const office = standIn();
    const mailbox = office.context.mailbox as {
      addHandlerAsync(type: string, handler: () => void, callback: (r: { status: string }) => void): void;
      displayNewMessageForm(parameters: unknown): void;
    };
    let changed = 0;
    const added = await new Promise<{ status: string }>((resolve) => mailbox.addHandlerAsync(OFFICE_ENUMS.EventType.ItemChanged, () => changed++, resolve));
    expect(added.status).toBe("succeeded");
    await openSample(office, CASE1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(changed).toBe(1);
    mailbox.displayNewMessageForm({ toRecipients: ["csirt@example.co.jp"], subject: "report" });
    expect(office.calls.at(-1)).toEqual({ kind: "displayNewMessageForm", itemId: CASE1, parameters: { toRecipients: ["csirt@example.co.jp"], subject: "report" } });
  });

  it("installs over office.js's Office: onReady reports Outlook, the rest still comes from office.js", async () => {
    const realOffice = { onReady: () => Promise.resolve({ host: null }), CoercionType: { Matrix: "matrix" }, somethingElse: 42 };
    const target: { Office?: unknown } = { Office: realOffice };
    standIn().install(target);
    const office = target.Office as typeof realOffice & { context: unknown; CoercionType: Record<string, string> };
    expect(await office.onReady()).toEqual({ host: "Outlook", platform: "OfficeOnline" });
    expect(office.somethingElse).toBe(42);
    expect(office.CoercionType).toEqual({ Matrix: "matrix", Html: "html", Text: "text" });
    expect(realOffice.onReady).toBeDefined();
  });
});
