import { describe, expect, it } from "vitest";
import { ATT_ARCHIVE_WITH_EXECUTABLE, ATT_ENCRYPTED_ARCHIVE, ATT_PDF_ACTIVE } from "../../../src/core/rules/attachments/index.js";
import { withAttachments } from "./fixtures.js";

const notInspected = (analysis: ReturnType<typeof withAttachments>) =>
  analysis.diagnostics.filter((d) => d.code === "ATTACHMENT_CONTENT_NOT_INSPECTED");

/**
 * These rules need the attachment's bytes looked into (zip flags and entries, PDF keys). When
 * the host gives no bytes (cloud attachments, some Outlook clients) they must say so and never
 * claim a finding. (The fixtures here carry no bytes; content-*.test.ts gives them some.)
 */
describe("content-only rules without the bytes (not inspected)", () => {
  it("exist with their stable IDs", () => {
    expect([ATT_ENCRYPTED_ARCHIVE.id, ATT_ARCHIVE_WITH_EXECUTABLE.id, ATT_PDF_ACTIVE.id]).toEqual([
      "ATT_ENCRYPTED_ARCHIVE",
      "ATT_ARCHIVE_WITH_EXECUTABLE",
      "ATT_PDF_ACTIVE",
    ]);
  });

  const archiveRules = [ATT_ENCRYPTED_ARCHIVE, ATT_ARCHIVE_WITH_EXECUTABLE];

  it.each(["secret.zip", "data.7z", "files.rar", "資料.lzh", "x.cab", "backup.tar.gz"])("reports %s as not inspected, without a finding", (name) => {
    const analysis = withAttachments(archiveRules, { name });
    expect(analysis.findings).toEqual([]);
    const [d, ...rest] = notInspected(analysis);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ level: "warning" });
    expect(d!.message.en).toContain(name);
    expect(d!.message.en).toContain("ATT_ENCRYPTED_ARCHIVE, ATT_ARCHIVE_WITH_EXECUTABLE");
    expect(d!.message.ja).toContain(`「${name}」`);
    expect(analysis.verdict).toBe("clean");
  });

  it("recognises an archive by declared type when the name says nothing", () => {
    expect(notInspected(withAttachments(archiveRules, { name: "Document20250910", type: "application/zip" }))).toHaveLength(1);
    expect(notInspected(withAttachments(archiveRules, { name: null, type: "application/x-7z-compressed" }))[0]?.message.en).toContain('"#1"');
  });

  it.each([
    ["report.docx", "application/zip"],
    ["tool.jar", "application/zip"],
    ["report.pdf", "application/octet-stream"],
  ])("does not call %s (%s) an archive", (name, type) => {
    expect(notInspected(withAttachments(archiveRules, { name, type }))).toEqual([]);
  });

  it("reports a PDF as not inspected for ATT_PDF_ACTIVE, without a finding", () => {
    const analysis = withAttachments(ATT_PDF_ACTIVE, { name: "report.pdf", type: "application/pdf" }, { name: "scan", type: "application/pdf" });
    expect(analysis.findings).toEqual([]);
    expect(notInspected(analysis).map((d) => d.message.en)).toEqual([
      expect.stringContaining('"report.pdf"'),
      expect.stringContaining('"scan"'),
    ]);
    expect(notInspected(analysis)[0]!.message.en).toContain("ATT_PDF_ACTIVE");
  });

  it("stays silent for files that are neither", () => {
    const analysis = withAttachments([...archiveRules, ATT_PDF_ACTIVE], { name: "a.docx" }, { name: "b.exe" }, { name: "c.txt", type: "text/plain" });
    expect(analysis.findings).toEqual([]);
    expect(notInspected(analysis)).toEqual([]);
  });

  it("ignores inline images, even ones named like a PDF", () => {
    expect(notInspected(withAttachments(ATT_PDF_ACTIVE, { name: "banner.pdf", type: "image/jpeg", inline: true, contentId: "<b>" }))).toEqual([]);
  });

  it("keeps the attachment name's hidden characters visible in the diagnostic", () => {
    const [d] = notInspected(withAttachments(archiveRules, { name: "a\u202Epiz.exe.zip" }));
    expect(d?.message.en).toContain("a[U+202E]piz.exe.zip");
  });
});
