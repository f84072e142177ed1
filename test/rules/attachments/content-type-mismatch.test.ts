import { describe, expect, it } from "vitest";
import { ATT_TYPE_MISMATCH, ATTACHMENTS_RULES } from "../../../src/core/rules/attachments/index.js";
import { buildZip } from "../../helpers/zip.js";
import { buildOle } from "../../helpers/ole.js";
import * as f from "../../helpers/formats.js";
import { fire, values, withAttachments } from "./fixtures.js";

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("ATT_TYPE_MISMATCH by content (magic bytes)", () => {
  it.each([
    ["a PE named .pdf", "invoice.pdf", f.pe(), "high", "Windows program (PE)"],
    ["a shortcut named .jpg", "photo.jpg", f.lnk(), "high", "Windows shortcut (LNK)"],
    ["an ISO named .docx", "order.docx", f.iso([]), "high", "ISO 9660 disk image"],
    ["an HTA named .pdf", "scan.pdf", text('<html><hta:application id="x"/></html>'), "high", "HTML Application (HTA)"],
    ["a program with no extension", "Document20250910", f.pe(), "medium", "Windows program (PE)"],
    ["a web page named .pdf", "statement.pdf", text("<!DOCTYPE html><html><body>x</body></html>"), "medium", "HTML page"],
    ["a zip named .pdf", "Zarządzenie.pdf", buildZip([{ name: "a.exe", data: "x" }]), "medium", "ZIP archive"],
    ["a PDF named .docx", "report.docx", f.pdf({ objects: ["<< >>"] }), "low", "PDF document"],
    ["an Excel HTML export named .xls", "report.xls", text("<html><table><tr><td>1</td></tr></table></html>"), "low", "HTML page"],
  ])("fires on %s", (_what, name, bytes, severity, content) => {
    const finding = fire(ATT_TYPE_MISMATCH, { name, bytes });
    expect(finding?.severity).toBe(severity);
    expect(values(finding)).toContain(content);
  });

  it.each([
    ["a real PDF", "a.pdf", f.pdf({ objects: ["<< >>"] })],
    ["a .docx (a zip, but an OOXML one)", "a.docx", f.docx()],
    ["a .doc that is RTF (Word saves it so)", "a.doc", text("{\\rtf1 hello}")],
    ["a .xls that is an OLE workbook", "a.xls", buildOle({ streams: { Workbook: new Uint8Array(600) } })],
    ["a JPEG named .png", "a.png", Uint8Array.of(0xff, 0xd8, 0xff, 0xe0)],
    ["a .jar that is a plain zip", "tool.jar", buildZip([{ name: "A.class", data: f.javaClass() }])],
    ["text named .pdf (not a recognised format either way)", "a.pdf", text("hello")],
    ["an empty file", "a.pdf", new Uint8Array(0)],
    ["a .exe that is a program", "setup.exe", f.pe()],
    ["a zip named .zip", "a.zip", buildZip([{ name: "a.txt", data: "x" }])],
  ])("stays quiet on %s", (_what, name, bytes) => {
    expect(fire(ATT_TYPE_MISMATCH, { name, bytes })).toBeUndefined();
  });

  it("takes the more serious of declared type and content (one finding per attachment)", () => {
    const analysis = withAttachments(ATT_TYPE_MISMATCH, { name: "a.pdf", type: "image/jpeg", bytes: f.pe() });
    expect(analysis.findings).toHaveLength(1);
    expect(analysis.findings[0]?.severity).toBe("high");
  });

  it("the seed's case: a program disguised as a PDF, named, declared and built to deceive", () => {
    const analysis = withAttachments(ATTACHMENTS_RULES, { name: "資料.pdf", type: "application/pdf", bytes: f.pe() });
    expect(analysis.findings.map((x) => [x.id, x.severity])).toEqual([
      ["ATT_TYPE_MISMATCH", "high"],
      ["ATT_EXPLOITED_FORMAT", "low"],
    ]);
  });
});
