import { describe, expect, it } from "vitest";
import {
  ATT_EQUATION_EDITOR,
  ATT_EXPLOITED_FORMAT,
  ATT_MACRO_DOCUMENT,
  ATT_REMOTE_TEMPLATE,
  ATTACHMENTS_RULES,
} from "../../../src/core/rules/attachments/index.js";
import { buildOle } from "../../helpers/ole.js";
import { buildZip } from "../../helpers/zip.js";
import * as f from "../../helpers/formats.js";
import { fire, values, withAttachments } from "./fixtures.js";

const EQUATION = buildOle({ streams: { "Equation Native": "x" }, clsids: { "": "{0002CE02-0000-0000-C000-000000000046}" } });
const WORD_WITH_VBA = buildOle({ streams: { WordDocument: new Uint8Array(600), "Macros/VBA/dir": "x", "Macros/VBA/_VBA_PROJECT": "x" } });
const notInspected = (analysis: ReturnType<typeof withAttachments>) => analysis.diagnostics.filter((d) => d.code === "ATTACHMENT_CONTENT_NOT_INSPECTED");

describe("ATT_MACRO_DOCUMENT by content", () => {
  it("fires on a .docx holding vbaProject.bin, naming the part", () => {
    const finding = fire(ATT_MACRO_DOCUMENT, { name: "見積書.docx", bytes: f.docx({ macros: true }) });
    expect(finding?.severity).toBe("medium");
    expect(values(finding)).toContain("word/vbaProject.bin");
    expect(values(finding)).toContain("Word document (OOXML)");
  });

  it("fires on a .doc with a VBA storage (the name says nothing)", () => {
    expect(values(fire(ATT_MACRO_DOCUMENT, { name: "請求書.doc", bytes: WORD_WITH_VBA }))).toContain("Macros/VBA");
  });

  it("is high for Excel 4.0 macro sheets", () => {
    const xlsx = buildZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "xl/workbook.xml", data: "<w/>" }, { name: "xl/macrosheets/sheet1.xml", data: "<m/>" }]);
    expect(fire(ATT_MACRO_DOCUMENT, { name: "book.xlsx", bytes: xlsx })?.severity).toBe("high");
  });

  it("keeps the name-based answer when the content has no macros (a .docm is still macro-capable)", () => {
    expect(fire(ATT_MACRO_DOCUMENT, { name: "a.docm", bytes: f.docx() })?.severity).toBe("medium");
  });

  it("stays quiet on a plain .docx and a plain .doc", () => {
    expect(fire(ATT_MACRO_DOCUMENT, { name: "a.docx", bytes: f.docx() })).toBeUndefined();
    expect(fire(ATT_MACRO_DOCUMENT, { name: "a.doc", bytes: buildOle({ streams: { WordDocument: new Uint8Array(600) } }) })).toBeUndefined();
  });

  it("says a document without bytes was not inspected for macros, templates and equation objects", () => {
    const [d, ...rest] = notInspected(withAttachments([ATT_MACRO_DOCUMENT, ATT_REMOTE_TEMPLATE, ATT_EQUATION_EDITOR], { name: "a.docx" }));
    expect(rest).toEqual([]);
    expect(d?.message.en).toContain("ATT_MACRO_DOCUMENT, ATT_REMOTE_TEMPLATE, ATT_EQUATION_EDITOR");
  });
});

describe("ATT_REMOTE_TEMPLATE", () => {
  it("has the stable ID ATT_REMOTE_TEMPLATE, high, in the attachments group", () => {
    expect(ATT_REMOTE_TEMPLATE).toMatchObject({ id: "ATT_REMOTE_TEMPLATE", group: "attachments", severity: "high" });
  });

  it.each([
    ["a remote attachedTemplate", f.docx({ template: "https://evil.example/t.dotm" }), "attachedTemplate: https://evil.example/t.dotm"],
    ["a template on a network share", f.docx({ template: "\\\\203.0.113.5\\s\\t.dotm" }), "attachedTemplate: \\\\203.0.113.5\\s\\t.dotm"],
    ["an external OLE object (Follina)", f.docx({ externalObject: "mhtml:https://evil.example/x!x-usc:https://evil.example/x" }), "oleObject: mhtml:https://evil.example/x!x-usc:https://evil.example/x"],
    ["an RTF \\template", new TextEncoder().encode("{\\rtf1{\\*\\template http://evil.example/a.dot}}"), "\\template: http://evil.example/a.dot"],
  ])("fires high on %s, showing the target", (_what, bytes, target) => {
    const finding = fire(ATT_REMOTE_TEMPLATE, { name: "document.docx", bytes });
    expect(finding?.severity).toBe("high");
    expect(values(finding)).toContain(target);
  });

  it.each([
    ["a plain .docx with web links", f.docx({ hyperlink: "https://www.example.jp/" })],
    ["a template on the local disk", f.docx({ template: "file:///C:/Users/taro/Documents/Custom%20Office%20Templates/Letter.dotx" })],
  ])("stays quiet on %s", (_what, bytes) => {
    expect(fire(ATT_REMOTE_TEMPLATE, { name: "a.docx", bytes })).toBeUndefined();
  });
});

describe("ATT_EQUATION_EDITOR", () => {
  it("has the stable ID ATT_EQUATION_EDITOR, high, in the attachments group", () => {
    expect(ATT_EQUATION_EDITOR).toMatchObject({ id: "ATT_EQUATION_EDITOR", group: "attachments", severity: "high" });
  });

  it.each([
    ["an RTF with an Equation.3 object", new TextEncoder().encode(f.rtfObject("Equation.3", EQUATION, { objupdate: true, junk: true }))],
    ["a .docx embedding one", f.docx({ embedding: EQUATION })],
    ["a .doc with one in its ObjectPool", buildOle({ streams: { WordDocument: new Uint8Array(600), "ObjectPool/_1/Equation Native": "x" } })],
  ])("fires high on %s", (_what, bytes) => {
    expect(fire(ATT_EQUATION_EDITOR, { name: "order.doc", bytes })?.severity).toBe("high");
  });

  it("stays quiet on documents with other embedded objects", () => {
    const sheet = buildOle({ streams: { Workbook: new Uint8Array(600) } });
    expect(fire(ATT_EQUATION_EDITOR, { name: "a.docx", bytes: f.docx({ embedding: sheet }) })).toBeUndefined();
    expect(fire(ATT_EQUATION_EDITOR, { name: "a.rtf", bytes: new TextEncoder().encode(f.rtfObject("Excel.Sheet.8", sheet)) })).toBeUndefined();
  });

  it("a textbook equation-exploit RTF named .doc gets the whole picture", () => {
    const analysis = withAttachments(ATTACHMENTS_RULES, { name: "注文書.doc", type: "application/msword", bytes: new TextEncoder().encode(f.rtfObject("Equation.3", EQUATION, { objupdate: true })) });
    expect(analysis.findings.map((x) => [x.id, x.severity])).toEqual([
      ["ATT_EQUATION_EDITOR", "high"],
      ["ATT_EXPLOITED_FORMAT", "low"],
    ]);
    expect(analysis.verdict).toBe("danger");
  });
});

describe("ATT_EXPLOITED_FORMAT by content", () => {
  it("fires on a PDF or Ichitaro file whatever its (unknown) name", () => {
    expect(values(fire(ATT_EXPLOITED_FORMAT, { name: "Parcel No.6593054350", bytes: f.pdf({ objects: ["<< >>"] }) }))).toContain("PDF document");
    const taro = buildOle({ streams: { DocumentText: "x", "\u0004JSRV_SegmentInformation": "x" } });
    expect(values(fire(ATT_EXPLOITED_FORMAT, { name: "file.bin", bytes: taro }))).toContain("Ichitaro document");
  });

  it("leaves a document whose content holds macros to ATT_MACRO_DOCUMENT", () => {
    expect(fire(ATT_EXPLOITED_FORMAT, { name: "a.doc", bytes: WORD_WITH_VBA })).toBeUndefined();
  });

  it("does not call a picture a document because of its name alone plus content", () => {
    expect(fire(ATT_EXPLOITED_FORMAT, { name: "photo.jpg", bytes: f.pdf({ objects: ["<< >>"] }) })).toBeUndefined();
  });
});
