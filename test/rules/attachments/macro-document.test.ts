import { describe, expect, it } from "vitest";
import { ATT_MACRO_DOCUMENT } from "../../../src/core/rules/attachments/index.js";
import { fire, withAttachments } from "./fixtures.js";

describe("ATT_MACRO_DOCUMENT", () => {
  it("has the stable ID ATT_MACRO_DOCUMENT in the attachments group", () => {
    expect(ATT_MACRO_DOCUMENT).toMatchObject({ id: "ATT_MACRO_DOCUMENT", group: "attachments" });
  });

  it.each(["docm", "dotm", "xlsm", "xltm", "pptm", "potm", "ppsm", "sldm"])("fires medium on a .%s document", (ext) => {
    expect(fire(ATT_MACRO_DOCUMENT, { name: `見積書.${ext}` })?.severity).toBe("medium");
  });

  it.each(["xlam", "ppam", "xla"])("fires high on a .%s add-in", (ext) => {
    expect(fire(ATT_MACRO_DOCUMENT, { name: `tool.${ext}` })?.severity).toBe("high");
  });

  it("fires low on a binary workbook, which may or may not hold macros", () => {
    expect(fire(ATT_MACRO_DOCUMENT, { name: "book.xlsb" })?.severity).toBe("low");
    expect(fire(ATT_MACRO_DOCUMENT, { name: "book", type: "application/vnd.ms-excel.sheet.binary.macroenabled.12" })?.severity).toBe("low");
  });

  it.each([
    ["application/vnd.ms-excel.sheet.macroenabled.12", "medium"],
    ["application/vnd.ms-word.document.macroenabled.12", "medium"],
    ["application/vnd.ms-powerpoint.slideshow.macroenabled.12", "medium"],
    ["application/vnd.ms-excel.addin.macroenabled.12", "high"],
  ])("fires on a declared type %s under a plain name", (type, severity) => {
    expect(fire(ATT_MACRO_DOCUMENT, { name: "report.xlsx", type })?.severity).toBe(severity);
  });

  it("takes the more serious of name and declared type", () => {
    expect(fire(ATT_MACRO_DOCUMENT, { name: "tool.xlsm", type: "application/vnd.ms-excel.addin.macroenabled.12" })?.severity).toBe("high");
    expect(fire(ATT_MACRO_DOCUMENT, { name: "tool.xlam", type: "application/vnd.ms-excel.sheet.macroenabled.12" })?.severity).toBe("high");
  });

  it.each(["report.docx", "report.xlsx", "slides.pptx", "report.doc", "my.file.name.docx", "docm.pdf", "report.xlsm.pdf"])("stays quiet on %s", (name) => {
    expect(fire(ATT_MACRO_DOCUMENT, { name, type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" })).toBeUndefined();
  });

  it("makes the finding as serious as its most serious attachment", () => {
    const analysis = withAttachments(ATT_MACRO_DOCUMENT, { name: "a.xlsb" }, { name: "b.xlam" }, { name: "c.docm" });
    expect(analysis.findings[0]?.severity).toBe("high");
    expect(analysis.findings[0]?.evidence.filter((e) => e.label.en === "Attachment").map((e) => e.value)).toEqual(["a.xlsb", "b.xlam", "c.docm"]);
  });
});
