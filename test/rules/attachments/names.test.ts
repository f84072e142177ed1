import { describe, expect, it } from "vitest";
import {
  disguisedName,
  EXECUTABLE_EXTENSIONS,
  EXPLOITED_FORMAT_EXTENSIONS,
  HTML_EXTENSIONS,
  hiddenCharacters,
  isInlineImage,
  MACRO_EXTENSIONS,
  typeFamily,
  visibleName,
} from "../../../src/core/attachments/names.js";
import { formatSize } from "../../../src/core/rules/attachments/shared.js";

describe("visibleName", () => {
  it("writes bidi controls, invisible and control characters out as [U+XXXX]", () => {
    expect(visibleName("a\u202Eb\u2066c\u200Fd")).toBe("a[U+202E]b[U+2066]c[U+200F]d");
    expect(visibleName("zero\u200Bwidth\uFEFF")).toBe("zero[U+200B]width[U+FEFF]");
    expect(visibleName("line\r\nbreak\u0000")).toBe("line[U+000D][U+000A]break[U+0000]");
    expect(visibleName("tag\u{E0041}")).toBe("tag[U+E0041]");
    expect(visibleName("lone\uD800")).toBe("lone[U+D800]");
  });

  it("leaves ordinary names, Japanese and ZWNJ in Persian untouched", () => {
    for (const name of ["資料 2024年度.pdf", "report (1).docx", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.pdf", "😀.png"]) {
      expect(visibleName(name)).toBe(name);
    }
  });
});

describe("hiddenCharacters", () => {
  it("counts reordering controls, marks and invisible characters apart", () => {
    expect(hiddenCharacters("a\u202Eb\u200Ec\u200Bd")).toEqual({ reordering: 1, marks: 1, invisible: 1, hasRtlLetters: false });
    expect(hiddenCharacters("\u05d0\u200F")).toMatchObject({ marks: 1, hasRtlLetters: true });
  });
});

describe("disguisedName", () => {
  it("finds the shown and real extension", () => {
    expect(disguisedName("資料.pdf.exe")).toEqual({ shown: "pdf", real: "exe", blankRun: 0 });
    expect(disguisedName("invoice.doc      .scr")).toEqual({ shown: "doc", real: "scr", blankRun: 6 });
  });

  it("returns undefined for ordinary names", () => {
    for (const name of ["report.pdf", "my.file.name.docx", "jquery.min.js", "", ".exe", "exe", "a.pdf.txt"]) expect(disguisedName(name)).toBeUndefined();
  });
});

describe("isInlineImage", () => {
  it("is an inline picture, not an inline part named like a program or an SVG", () => {
    expect(isInlineImage({ inline: true, declaredType: "image/png", extension: "png" })).toBe(true);
    expect(isInlineImage({ inline: true, declaredType: "application/octet-stream", extension: "jpg" })).toBe(true);
    expect(isInlineImage({ inline: false, declaredType: "image/png", extension: "png" })).toBe(false);
    expect(isInlineImage({ inline: true, declaredType: "image/png", extension: "exe" })).toBe(false);
    expect(isInlineImage({ inline: true, declaredType: "image/svg+xml", extension: "svg" })).toBe(false);
    expect(isInlineImage({ inline: true, declaredType: "application/pdf", extension: "pdf" })).toBe(false);
  });
});

describe("extension lists", () => {
  it("are lower case, without dots, and do not overlap where rules must not double-report", () => {
    for (const list of [EXECUTABLE_EXTENSIONS, HTML_EXTENSIONS, EXPLOITED_FORMAT_EXTENSIONS, new Set(MACRO_EXTENSIONS.keys())]) {
      for (const ext of list) expect(ext).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    }
    for (const ext of EXPLOITED_FORMAT_EXTENSIONS) {
      expect(EXECUTABLE_EXTENSIONS.has(ext) || MACRO_EXTENSIONS.has(ext) || HTML_EXTENSIONS.has(ext)).toBe(false);
    }
    for (const ext of HTML_EXTENSIONS) expect(EXECUTABLE_EXTENSIONS.has(ext)).toBe(false);
  });

  it("classifies declared types into families, generic ones into none", () => {
    expect(typeFamily("application/octet-stream")).toBeUndefined();
    expect(typeFamily("text/plain")).toBeUndefined();
    expect(typeFamily("application/x-msdownload")).toBe("executable");
    expect(typeFamily("image/svg+xml")).toBe("html");
    expect(typeFamily("image/png")).toBe("image");
    expect(typeFamily("application/vnd.ms-excel.sheet.macroenabled.12")).toBe("office");
  });
});

describe("formatSize", () => {
  it("groups digits without depending on the locale", () => {
    expect([0, 999, 1000, 1234567, 12.7].map(formatSize)).toEqual(["0 B", "999 B", "1,000 B", "1,234,567 B", "12 B"]);
  });
});
