import { describe, expect, it } from "vitest";
import { ATT_DOUBLE_EXTENSION } from "../../../src/core/rules/attachments/index.js";
import { fire, values } from "./fixtures.js";

describe("ATT_DOUBLE_EXTENSION", () => {
  it("has the stable ID ATT_DOUBLE_EXTENSION in the attachments group", () => {
    expect(ATT_DOUBLE_EXTENSION).toMatchObject({ id: "ATT_DOUBLE_EXTENSION", group: "attachments" });
  });

  it.each([
    ["資料.pdf.exe", ".pdf", ".exe"],
    ["invoice.doc      .scr", ".doc", ".scr"],
    ["report.pdf_.exe", ".pdf", ".exe"],
    ["report.pdf-.exe", ".pdf", ".exe"],
    ["Scan.JPG.js", ".jpg", ".js"],
    ["PO45638 - PO76483.Xls.htm", ".xls", ".htm"],
    ["見積書.xlsx.lnk", ".xlsx", ".lnk"],
    ["invoice.pdf.docm", ".pdf", ".docm"],
    ["invoice.pdf.exe.", ".pdf", ".exe"],
    ["invoice.pdf\u3000\u3000.exe", ".pdf", ".exe"],
    ["invoice\uff0epdf.exe", ".pdf", ".exe"],
    ["invoice.\uff50\uff44\uff46.exe", ".pdf", ".exe"],
    ["archive.zip.exe", ".zip", ".exe"],
  ])("fires on %s (shows %s, really %s)", (name, shown, real) => {
    const finding = fire(ATT_DOUBLE_EXTENSION, { name });
    expect(finding?.severity).toBe("high");
    expect(finding?.evidence.map((e) => [e.label.en, e.value])).toEqual(
      expect.arrayContaining([
        ["Extension it pretends to have", shown],
        ["Real extension", real],
      ]),
    );
  });

  it("fires on a long run of spaces that hides the real end, even without a fake extension", () => {
    const finding = fire(ATT_DOUBLE_EXTENSION, { name: `請求書${" ".repeat(40)}.exe` });
    expect(finding?.severity).toBe("high");
    expect(values(finding)).toContain(".exe");
    expect(values(finding)).not.toContain(".pdf");
  });

  it.each([
    "report.pdf",
    "my.file.name.docx",
    "photo.jpeg",
    "jquery.min.js",
    "setup.x86.exe",
    "report.2024.exe",
    "notes.txt.zip",
    "backup.tar.gz",
    "index.htm.html",
    "a  b.exe",
    ".pdf.exe",
    "data.pdf.txt",
    `many${" ".repeat(10)}spaces.docx`,
  ])("stays quiet on %s", (name) => {
    expect(fire(ATT_DOUBLE_EXTENSION, { name })).toBeUndefined();
  });

  it("never fires on an inline logo, whatever its name", () => {
    expect(fire(ATT_DOUBLE_EXTENSION, { name: "logo.pdf.png", type: "image/png", inline: true, contentId: "<l>" })).toBeUndefined();
  });
});
