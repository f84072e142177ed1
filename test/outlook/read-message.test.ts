import { describe, expect, it } from "vitest";
import type { Analysis } from "../../src/core/analysis.js";
import { analyze } from "../../src/core/analyze.js";
import { analyzeEml } from "../../src/hosts/eml/index.js";
import { loadCountryLookup } from "../../src/hosts/node/geo.js";
import { readMessage } from "../../src/hosts/outlook/read-message.js";
import { FIXED_NOW } from "../helpers/build.js";
import { openSample, readSample, SAMPLE_CONFIG, SAMPLE_FILES, standIn, supportUpTo } from "./helpers.js";

const options = { config: SAMPLE_CONFIG, now: FIXED_NOW, lookupCountry: loadCountryLookup() };
const ids = (a: Analysis): string[] => a.findings.map((f) => f.id);
const codes = (a: Analysis): string[] => a.diagnostics.map((d) => d.code);

describe("reading the open message in Outlook", () => {
  it("has the four bundled samples to read", () => {
    expect(SAMPLE_FILES.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of SAMPLE_FILES) {
    it(`${name}: the whole message (Mailbox 1.14) gives the command line's analysis`, async () => {
      const item = await openSample(standIn(), name);
      const read = await readMessage(item, { support: supportUpTo("1.14") });
      expect(read.source).toBe("eml");
      expect(read.snapshot.host).toBe("outlook");
      const pane = analyze(read.snapshot, options);
      const cli = await analyzeEml(readSample(name), options);
      expect(pane.verdict).toBe(cli.verdict);
      expect(ids(pane)).toEqual(ids(cli));
    });

    it(`${name}: headers and parts (Mailbox 1.8) give the same verdict and findings`, async () => {
      const item = await openSample(standIn({ mailbox: "1.8" }), name);
      const read = await readMessage(item, { support: supportUpTo("1.8") });
      expect(read.source).toBe("parts");
      expect(read.snapshot.available).toEqual({ headers: true, body: true, attachmentContent: true });
      const pane = analyze(read.snapshot, options);
      const cli = await analyzeEml(readSample(name), options);
      expect(pane.verdict).toBe(cli.verdict);
      expect(ids(pane)).toEqual(ids(cli));
      // Why the parts: a readable note, not an error.
      const note = pane.diagnostics.find((d) => d.code === "OUTLOOK_FEATURE_UNSUPPORTED");
      expect(note).toMatchObject({ level: "info" });
      expect(note?.message.en).toContain("the whole message (EML)");
      expect(note?.message.en).toContain("Mailbox 1.14");
      expect(note?.message.ja).toContain("メール全体");
    });
  }

  it("without headers (Mailbox 1.5) says why and what was skipped, and still checks links and names", async () => {
    const item = await openSample(standIn({ mailbox: "1.5" }), "case1-government-sender-from-abroad.eml");
    const read = await readMessage(item, { support: supportUpTo("1.5") });
    expect(read.snapshot.available.headers).toBe(false);
    expect(read.snapshot.available.attachmentContent).toBe(false);
    const analysis = analyze(read.snapshot, options);
    expect(codes(analysis)).toEqual(expect.arrayContaining(["OUTLOOK_FEATURE_UNSUPPORTED", "NO_HEADERS", "NO_ATTACHMENT_CONTENT"]));
    const headersNote = analysis.diagnostics.find((d) => d.code === "OUTLOOK_FEATURE_UNSUPPORTED" && d.message.en.includes("internet headers"));
    expect(headersNote?.message.en).toBe(
      "This Outlook client does not let add-ins read the internet headers (route and authentication results) (it needs requirement set Mailbox 1.8).",
    );
    expect(ids(analysis)).toEqual(expect.arrayContaining(["LINK_TEXT_MISMATCH", "ATT_DOUBLE_EXTENSION"]));
    expect(ids(analysis)).not.toContain("ORIGIN_COUNTRY_MISMATCH");
    expect(ids(analysis)).not.toContain("AUTH_FAIL");
    expect(analysis.message.subject).toBe("【重要】調達要領の改訂について");
  });

  it("falls back to the parts when getAsFileAsync fails, and says so", async () => {
    const item = await openSample(standIn(), "case3-internal-mail-reused-from-outside.eml");
    const failing = Object.assign(Object.create(item) as Office.MessageRead, {
      getAsFileAsync: (callback: (r: unknown) => void) => setTimeout(() => callback({ status: "failed", error: { name: "GenericResponseError", message: "too large", code: 9020 } })),
    });
    const read = await readMessage(failing, { support: supportUpTo("1.14") });
    expect(read.source).toBe("parts");
    const failure = read.snapshot.diagnostics?.find((d) => d.code === "OUTLOOK_CALL_FAILED");
    expect(failure?.message.en).toBe("Outlook could not provide the whole message (EML): GenericResponseError: 9020: too large");
    const analysis = analyze(read.snapshot, options);
    expect(analysis.verdict).toBe("danger");
  });

  it("a header call that fails marks the headers unavailable with the reason", async () => {
    const item = await openSample(standIn({ mailbox: "1.8" }), "case1-government-sender-from-abroad.eml");
    const failing = Object.assign(Object.create(item) as Office.MessageRead, {
      getAllInternetHeadersAsync: () => {
        throw new Error("Permission denied");
      },
    });
    const read = await readMessage(failing, { support: supportUpTo("1.8") });
    expect(read.snapshot.available.headers).toBe(false);
    expect(read.snapshot.diagnostics?.map((d) => d.message.en)).toContain(
      "Outlook could not provide the internet headers (route and authentication results): Error: Permission denied",
    );
    // The sender still comes from the item's properties.
    expect(read.snapshot.from?.address).toBe("chotatsu@kikou-sample.go.jp");
  });

  it("an attachment whose content cannot be read is judged by name, and the diagnostic names it", async () => {
    const item = await openSample(standIn({ mailbox: "1.8" }), "case1-government-sender-from-abroad.eml");
    const failing = Object.assign(Object.create(item) as Office.MessageRead, {
      getAttachmentContentAsync: (_id: string, callback: (r: unknown) => void) => setTimeout(() => callback({ status: "failed", error: { name: "AttachmentTypeNotSupported", message: "", code: 9030 } })),
    });
    const read = await readMessage(failing, { support: supportUpTo("1.8") });
    expect(read.snapshot.attachments[0]?.bytes).toBeUndefined();
    const diagnostic = read.snapshot.diagnostics?.find((d) => d.code === "OUTLOOK_CALL_FAILED");
    expect(diagnostic?.message.ja).toContain("添付ファイル「");
    expect(diagnostic?.message.en).toContain('the content of attachment "');
    expect(ids(analyze(read.snapshot, options))).toContain("ATT_DOUBLE_EXTENSION");
  });

  it("hidden characters in an attachment name are written out in the diagnostic", async () => {
    const item = await openSample(standIn({ mailbox: "1.8" }), "case1-government-sender-from-abroad.eml");
    const details = [{ id: "x", name: "invoice\u202Efdp.exe", contentType: "application/octet-stream", size: 3, isInline: false, attachmentType: "file" }];
    const tricky = Object.assign(Object.create(item) as Office.MessageRead, {
      attachments: details,
      getAttachmentContentAsync: (_id: string, callback: (r: unknown) => void) => setTimeout(() => callback({ status: "failed", error: { name: "Failed", message: "", code: 1 } })),
    });
    const read = await readMessage(tricky, { support: supportUpTo("1.8") });
    const message = read.snapshot.diagnostics?.find((d) => d.code === "OUTLOOK_CALL_FAILED")?.message.en ?? "";
    expect(message).toContain("invoice[U+202E]fdp.exe");
    expect(message).not.toContain("\u202E");
  });
});
