import { describe, expect, it } from "vitest";
import { ATT_EXECUTABLE } from "../../../src/core/rules/attachments/index.js";
import { analyzeEmlWith, filePart, fire, multipartEml, values, withAttachments } from "./fixtures.js";

describe("ATT_EXECUTABLE", () => {
  it("has the stable ID ATT_EXECUTABLE in the attachments group", () => {
    expect(ATT_EXECUTABLE).toMatchObject({ id: "ATT_EXECUTABLE", group: "attachments" });
  });

  it.each([
    "setup.exe", "screensaver.scr", "old.com", "x.pif", "panel.cpl", "run.bat", "run.cmd", "a.js", "a.jse", "a.vbs", "a.vbe",
    "a.wsf", "a.wsh", "app.hta", "script.ps1", "module.psm1", "install.msi", "patch.msp", "請求書.lnk", "tool.jar", "settings.reg",
    "help.chm", "disk.iso", "disk.img", "disk.vhd", "disk.vhdx", "notes.one", "addin.xll", "pkg.msix", "pkg.appx", "click.application",
    "side.gadget", "setup.inf", "explorer.scf", "link.url", "folder.library-ms", "x.settingcontent-ms", "profile.mobileconfig",
    "SETUP.EXE", "setup.exe.", "setup.exe   ",
  ])("fires on %s", (name) => {
    const finding = fire(ATT_EXECUTABLE, { name });
    expect(finding).toMatchObject({ id: "ATT_EXECUTABLE", severity: "high", group: "attachments" });
    expect(values(finding)[0]).toBe(name);
  });

  it.each(["application/x-msdownload", "application/x-dosexec", "application/hta", "application/java-archive"])(
    "fires on a declared type %s whatever the name says",
    (type) => {
      expect(fire(ATT_EXECUTABLE, { name: "report.pdf", type })?.severity).toBe("high");
      expect(fire(ATT_EXECUTABLE, { name: null, type })?.evidence[0]?.value).toBe("#1");
    },
  );

  it.each(["report.pdf", "my.file.name.docx", "photo.jpeg", "exe", "notes.txt", "exe.pdf", "archive.zip", "setup.exe.txt", "x.jsx", "x.json"])(
    "stays quiet on %s",
    (name) => {
      expect(fire(ATT_EXECUTABLE, { name })).toBeUndefined();
    },
  );

  it("is medium for an internet shortcut to a web page, high for one to a file share, showing the target", () => {
    const shortcut = (url: string) => new TextEncoder().encode(`[InternetShortcut]\r\nURL=${url}\r\nIconIndex=0\r\n`);
    const web = fire(ATT_EXECUTABLE, { name: "Liberalism in America.url", bytes: shortcut("http://www.example.org/essay.html") });
    expect(web?.severity).toBe("medium");
    expect(values(web)).toContain("http://www.example.org/essay.html");
    expect(fire(ATT_EXECUTABLE, { name: "invoice.url", bytes: shortcut("file://198.51.100.7/share/invoice.js") })?.severity).toBe("high");
    expect(fire(ATT_EXECUTABLE, { name: "invoice.url", bytes: shortcut("\\\\198.51.100.7\\share\\x.exe") })?.severity).toBe("high");
    // Without readable content the target is unknown: the name alone decides.
    expect(fire(ATT_EXECUTABLE, { name: "invoice.url" })?.severity).toBe("high");
  });

  it("carries name, declared type and size as evidence, one entry set per attachment", () => {
    const analysis = withAttachments(ATT_EXECUTABLE, { name: "a.exe", type: "application/octet-stream", size: 1234567 }, { name: "b.scr", size: 10 });
    const finding = analysis.findings[0]!;
    expect(finding.evidence.map((e) => [e.label.en, e.value])).toEqual([
      ["Attachment", "a.exe"],
      ["Declared type", "application/octet-stream"],
      ["Size", "1,234,567 B"],
      ["Attachment", "b.scr"],
      ["Declared type", "application/octet-stream"],
      ["Size", "10 B"],
    ]);
    expect(analysis.verdict).toBe("danger");
  });

  it("reads the name from a real .eml, including an RFC 2231 encoded one", async () => {
    const source = multipartEml([
      {
        headers: [
          "Content-Type: application/octet-stream",
          "Content-Transfer-Encoding: base64",
          "Content-Disposition: attachment; filename*=UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8.exe",
        ],
        body: "TVqQAA==",
      },
    ]);
    const analysis = await analyzeEmlWith([ATT_EXECUTABLE], source);
    expect(values(analysis.findings[0])[0]).toBe("請求書.exe");
  });

  it("treats an inline part named like a program as an attachment, not a logo", () => {
    expect(fire(ATT_EXECUTABLE, { name: "logo.exe", type: "image/png", inline: true, contentId: "<logo>" })?.severity).toBe("high");
  });

  it("never fires on an inline logo", () => {
    expect(fire(ATT_EXECUTABLE, { name: "logo.png", type: "image/png", inline: true, contentId: "<logo>" })).toBeUndefined();
  });

  it("stays quiet on an ordinary attachment read from an .eml", async () => {
    const analysis = await analyzeEmlWith([ATT_EXECUTABLE], multipartEml([filePart("report.pdf", "application/pdf")]));
    expect(analysis.attachments.map((a) => a.name)).toEqual(["report.pdf"]);
    expect(analysis.findings).toEqual([]);
  });
});
