import { describe, expect, it } from "vitest";
import { ATT_TYPE_MISMATCH } from "../../../src/core/rules/attachments/index.js";
import { fire } from "./fixtures.js";

describe("ATT_TYPE_MISMATCH", () => {
  it("has the stable ID ATT_TYPE_MISMATCH in the attachments group", () => {
    expect(ATT_TYPE_MISMATCH).toMatchObject({ id: "ATT_TYPE_MISMATCH", group: "attachments" });
  });

  it.each([
    ["invoice.pdf", "application/x-msdownload", "high"],
    ["photo.jpg", "application/x-dosexec", "high"],
    ["photo.jpg", "text/html", "medium"],
    ["report.pdf", "image/svg+xml", "medium"],
    ["setup.exe", "image/jpeg", "medium"],
    ["login.html", "image/png", "medium"],
    ["report.pdf", "image/jpeg", "low"],
    ["report.docx", "application/pdf", "low"],
    ["song.mp3", "application/pdf", "low"],
  ])("fires on %s declared %s (%s)", (name, type, severity) => {
    expect(fire(ATT_TYPE_MISMATCH, { name, type })?.severity).toBe(severity);
  });

  it.each([
    // Generic or missing declared types say nothing.
    ["invoice.pdf", "application/octet-stream"],
    ["invoice.pdf", ""],
    ["photo.jpg", "text/plain"],
    ["setup.exe", "application/x-download"],
    // Matching families.
    ["report.pdf", "application/pdf"],
    ["photo.jpeg", "image/jpeg"],
    ["photo.JPG", "image/pjpeg"],
    ["page.html", "text/html"],
    ["setup.exe", "application/x-msdownload"],
    // Innocent, everyday disagreements.
    ["homily.rtf", "application/msword"],
    ["sheet.xlsx", "application/vnd.ms-excel"],
    ["sheet.csv", "application/vnd.ms-excel"],
    ["report.docx", "application/zip"],
    ["report.docx", "application/x-zip-compressed"],
    ["archive.zip", "application/x-zip-compressed"],
    ["tool.jar", "application/zip"],
    ["voice.m4a", "video/mp4"],
    ["clip.mp4", "audio/mp4"],
    // Unknown extensions or types are not compared.
    ["NOTA_375578.xml", "application/xml"],
    ["Parcel No.6593054350", "application/pdf"],
    ["data.bin", "image/png"],
    ["photo.jpg", "application/x-something-new"],
  ])("stays quiet on %s declared %s", (name, type) => {
    expect(fire(ATT_TYPE_MISMATCH, { name, type })).toBeUndefined();
  });

  it("never fires on an inline image, even one named like a document", () => {
    expect(fire(ATT_TYPE_MISMATCH, { name: "banner.pdf", type: "image/jpeg", inline: true, contentId: "<b>" })).toBeUndefined();
  });
});
