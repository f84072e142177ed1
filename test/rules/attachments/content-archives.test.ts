import { describe, expect, it } from "vitest";
import { ATT_ARCHIVE_WITH_EXECUTABLE, ATT_ENCRYPTED_ARCHIVE, ATTACHMENTS_RULES } from "../../../src/core/rules/attachments/index.js";
import { buildZip } from "../../helpers/zip.js";
import { buildOle, ole10Native } from "../../helpers/ole.js";
import * as f from "../../helpers/formats.js";
import { fire, values, withAttachments } from "./fixtures.js";

const SJIS_INVOICE_EXE = Uint8Array.from([0x90, 0xbf, 0x8b, 0x81, 0x8f, 0x91, 0x2e, 0x65, 0x78, 0x65]);
const notInspected = (analysis: ReturnType<typeof withAttachments>) => analysis.diagnostics.filter((d) => d.code === "ATTACHMENT_CONTENT_NOT_INSPECTED");

describe("ATT_ENCRYPTED_ARCHIVE by content", () => {
  it("fires medium on a zip with the encryption flag (and a Shift_JIS name), with the entries as evidence", () => {
    const zip = buildZip([{ name: SJIS_INVOICE_EXE, data: "x", encrypted: true }, { name: "readme.txt", data: "x" }]);
    const finding = fire(ATT_ENCRYPTED_ARCHIVE, { name: "資料.zip", type: "application/zip", bytes: zip });
    expect(finding?.severity).toBe("medium");
    expect(values(finding)).toEqual(["資料.zip", "application/zip", `${zip.length} B`, "ZIP archive", "請求書.exe"]);
  });

  it.each([
    ["AES zip", buildZip([{ name: "a.docx", data: "x", aes: true }])],
    ["RAR with encrypted files", f.rar5([{ name: "a.pdf", encrypted: true }])],
    ["RAR with encrypted headers", f.rar4([], true)],
    ["7z with encrypted headers", f.sevenZip(["030101", "06f10701"])],
    ["zip holding an encrypted zip", buildZip([{ name: "inner.zip", data: buildZip([{ name: "x.pdf", data: "x", encrypted: true }]) }])],
    ["password-protected Word document", buildOle({ streams: { EncryptionInfo: "x", EncryptedPackage: new Uint8Array(5000) } })],
  ])("fires on %s", (_what, bytes) => {
    expect(fire(ATT_ENCRYPTED_ARCHIVE, { name: "files", bytes })?.severity).toBe("medium");
  });

  it.each([
    ["a plain zip of PDFs", buildZip([{ name: "a.pdf", data: f.pdf({ objects: ["<< >>"] }), method: 8 }, { name: "b.pdf", data: "x" }])],
    ["a 7z whose names are compressed (not readable, so not claimed)", f.sevenZip(["030101"])],
    ["a docx", f.docx()],
  ])("stays quiet on %s, and says nothing is missing", (_what, bytes) => {
    const analysis = withAttachments(ATT_ENCRYPTED_ARCHIVE, { name: "files.zip", bytes });
    expect(analysis.findings).toEqual([]);
    expect(notInspected(analysis)).toEqual([]);
  });

  it("says when a 7z's list could not be read", () => {
    const analysis = withAttachments(ATTACHMENTS_RULES, { name: "files.7z", bytes: f.sevenZip(["030101"]) });
    expect(analysis.diagnostics.map((d) => d.code)).toContain("ATTACHMENT_CONTENT_UNREADABLE");
  });
});

describe("ATT_ARCHIVE_WITH_EXECUTABLE by content", () => {
  it("fires high on a zip holding a .scr, listing it", () => {
    const finding = fire(ATT_ARCHIVE_WITH_EXECUTABLE, { name: "email-doc.zip", bytes: buildZip([{ name: "email-doc.scr", data: f.pe(), method: 8 }]) });
    expect(finding?.severity).toBe("high");
    expect(values(finding).slice(3)).toEqual(["ZIP archive", "email-doc.scr"]);
  });

  it.each([
    ["a double extension inside an encrypted zip", buildZip([{ name: "請求書.pdf      .exe", data: "x", encrypted: true }]), "請求書.pdf      .exe"],
    ["a program named like a PDF", buildZip([{ name: "invoice.pdf", data: f.pe(), method: 8 }]), "invoice.pdf: Windows program (PE)"],
    ["a program one archive down", buildZip([{ name: "in.zip", data: buildZip([{ name: "run.js", data: "x" }]), method: 8 }]), "in.zip/run.js"],
    ["a shortcut in an ISO", f.iso([{ name: "photo.lnk", data: f.lnk() }]), "PHOTO.LNK"],
    ["a program in a RAR", f.rar4([{ name: "a.exe" }]), "a.exe"],
    ["a program in a .tar.gz", f.gzip(f.tar([{ name: "a.vbs", data: "x" }])), "a.vbs"],
    ["a packaged program in a Word document", buildOle({ streams: { WordDocument: new Uint8Array(600), "ObjectPool/_1/\u0001Ole10Native": ole10Native("a.exe", f.pe()) } }), "a.exe"],
    ["an HTA in a OneNote section", f.oneNote(new TextEncoder().encode("<hta:application>")), "embedded file 1: HTML Application (HTA)"],
    ["a bidi-reversed name", buildZip([{ name: "invoice\u202Efdp.exe", data: "x" }]), "invoice[U+202E]fdp.exe"],
  ])("fires high on %s", (_what, bytes, evidence) => {
    const finding = fire(ATT_ARCHIVE_WITH_EXECUTABLE, { name: "files", bytes });
    expect(finding?.severity).toBe("high");
    expect(values(finding)).toContain(evidence);
  });

  it("is medium for a macro document inside", () => {
    expect(fire(ATT_ARCHIVE_WITH_EXECUTABLE, { name: "a.zip", bytes: buildZip([{ name: "見積書.xlsm", data: "x" }]) })?.severity).toBe("medium");
  });

  it.each([
    ["a zip of PDFs and pictures", buildZip([{ name: "a.pdf", data: f.pdf({ objects: ["<< >>"] }) }, { name: "b.jpg", data: Uint8Array.of(0xff, 0xd8, 0xff, 0xe0) }])],
    ["a .docx", f.docx()],
    ["a names-only 7z", f.sevenZipPlain(["a.txt", "b.pdf"])],
    ["a zip with my.file.name.docx", buildZip([{ name: "my.file.name.docx", data: "x" }])],
  ])("stays quiet on %s", (_what, bytes) => {
    expect(fire(ATT_ARCHIVE_WITH_EXECUTABLE, { name: "files.zip", bytes })).toBeUndefined();
  });

  it("leaves program packages that are zips by design (.jar, .apk) to ATT_EXECUTABLE", () => {
    const jar = buildZip([{ name: "META-INF/MANIFEST.MF", data: "Main-Class: A" }, { name: "A.class", data: f.javaClass() }, { name: "run.bat", data: "x" }]);
    const analysis = withAttachments(ATTACHMENTS_RULES, { name: "tool.jar", bytes: jar });
    expect(analysis.findings.map((f) => f.id)).toEqual(["ATT_EXECUTABLE"]);
  });
});
