import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { notMail, notMailDiagnostic } from "../../src/core/input-kind.js";
import { eml } from "../helpers/build.js";
import { buildOle } from "../helpers/ole.js";
import { seededRandom } from "../helpers/random.js";

const bytes = (...parts: (string | readonly number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : [...p])));

const MAIL = eml(["From: Taro <taro@example.co.jp>", "To: hanako@example.co.jp", "Subject: hello", "Date: Thu, 26 Nov 2026 09:00:00 +0900"], "body\r\n");

describe("notMail: what real mail looks like is accepted", () => {
  const shapes: readonly (readonly [string, Uint8Array])[] = [
    ["CRLF", bytes(MAIL)],
    ["LF", bytes(MAIL.replace(/\r\n/g, "\n"))],
    ["a UTF-8 byte order mark", bytes([0xef, 0xbb, 0xbf], MAIL)],
    ["an mbox From line", bytes("From taro@example.co.jp Thu Nov 26 09:00:00 2026\n", MAIL)],
    ["an mbox From line after a byte order mark", bytes([0xef, 0xbb, 0xbf], "From MAILER-DAEMON Thu Nov 26 09:00:00 2026\r\n", MAIL)],
    ["Received first", bytes("Received: from mx.example.net (mx.example.net [192.0.2.1])\r\n\tby mx.example.co.jp; Thu, 26 Nov 2026 09:00:00 +0900\r\n", MAIL)],
    ["Return-Path first", bytes("Return-Path: <taro@example.co.jp>\n", MAIL)],
    ["a space before the colon (obsolete syntax)", bytes("Subject : hello\r\n\r\nbody")],
    ["headers only", bytes("Received: from a by b; Thu, 26 Nov 2026 09:00:00 +0900\n")],
    ["stray lines before the first field", bytes("garbage line one\r\n# another one\r\n", MAIL)],
    ["raw Shift_JIS in a header", bytes("Subject: ", [0x93, 0xfa, 0x96, 0x7b], "\r\nFrom: a@example.jp\r\n\r\nx")],
    ["raw ISO-2022-JP in the first header", bytes("Subject: ", [0x1b, 0x24, 0x42], "F|K\\", [0x1b, 0x28, 0x42], "\r\nFrom: a@example.jp\r\n\r\nx")],
    ["a binary body", bytes("From: a@example.jp\r\nContent-Transfer-Encoding: binary\r\n\r\n", [0, 1, 2, 3, 0, 0, 0xff])],
    ["a first field that starts like a format's magic number", bytes("MZ-Id: 1\r\nFrom: a@example.jp\r\n\r\nx")],
    ["a first line longer than the scan", bytes(`X-Long: ${"a".repeat(100_000)}\r\n\r\nx`)],
  ];
  it.each(shapes)("%s", (_what, input) => {
    expect(notMail(input)).toBeUndefined();
  });

  it("accepts every sample mail of the repository", () => {
    const dir = fileURLToPath(new URL("../../samples/", import.meta.url));
    const names = readdirSync(dir).filter((n) => n.endsWith(".eml"));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(notMail(readFileSync(`${dir}${name}`)), name).toBeUndefined();
  });
});

describe("notMail: what is not a mail is named", () => {
  const cases: readonly (readonly [string, Uint8Array, string, string])[] = [
    ["an empty file", bytes(""), "empty", "empty"],
    ["only a byte order mark", bytes([0xef, 0xbb, 0xbf]), "empty", "empty"],
    ["only blank lines", bytes("\r\n\r\n  \n"), "empty", "empty"],
    ["an Outlook .msg", buildOle({ streams: { __substg1_0x0037001F: "hello" } }), "outlook-msg", "ole"],
    ["a Windows program", bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0], "This program cannot be run in DOS mode."), "executable", "pe"],
    ["a Linux program", bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), "executable", "elf"],
    ["a macOS program", bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), "executable", "mach-o"],
    ["a zip (or .docx)", bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), "archive", "zip"],
    ["a gzip file", bytes([0x1f, 0x8b, 8, 0]), "archive", "gzip"],
    ["a PDF", bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Type/Catalog>>\nendobj\n"), "document", "pdf"],
    ["a PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "image", "png"],
    ["a JPEG", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]), "image", "jpeg"],
    ["UTF-16 with a byte order mark", bytes([0xff, 0xfe], "F\0r\0o\0m\0:\0 \0a\0\r\0\n\0"), "utf16-text", "utf-16"],
    ["UTF-16 without one", bytes("F\0r\0o\0m\0:\0 \0a\0@\0e\0x\0.\0j\0p\0\r\0\n\0"), "utf16-text", "utf-16"],
    ["NUL bytes", bytes([1, 2, 3, 0, 5, 6, 7]), "binary", "binary"],
    ["text without a header block", bytes("Dear customer,\r\nyour parcel is waiting.\r\n\r\nRegards\r\n"), "no-headers", "text"],
    ["a header-like line after the first blank line", bytes("Hello\r\n\r\nSubject: hi\r\n"), "no-headers", "text"],
    ["an mbox From line and nothing else", bytes("From taro@example.co.jp Thu Nov 26 09:00:00 2026\n"), "no-headers", "text"],
  ];
  it.each(cases)("%s", (_what, input, kind, format) => {
    expect(notMail(input)).toMatchObject({ kind, format });
  });

  it("calls random bytes binary, whatever the seed", () => {
    const random = seededRandom(15);
    const kinds = new Set<string>();
    for (let n = 0; n < 200; n++) {
      const input = Uint8Array.from({ length: 1 + Math.floor(random() * 20_000) }, () => Math.floor(random() * 256));
      const result = notMail(input);
      expect(result, `random input #${n} (${input.length} bytes) was taken for a mail`).toBeDefined();
      kinds.add(result!.kind);
    }
    expect(kinds.has("binary")).toBe(true);
  });

  it("says what a .msg is and how to get an .eml, in Japanese and English, unclipped", () => {
    const result = notMail(buildOle({ streams: { x: "y" } }))!;
    const { code, level, message } = notMailDiagnostic(result);
    expect({ code, level }).toEqual({ code: "NOT_A_MAIL", level: "error" });
    expect(message.en).toContain("Outlook .msg");
    expect(message.en).toContain(".eml");
    expect(message.en).toContain("forward it as an attachment");
    expect(message.ja).toContain(".msg");
    expect(message.ja).toContain("添付ファイルとして転送");
    // Whole, not clipped like a long diagnostic value.
    expect(message.en.endsWith(result.advice.en)).toBe(true);
    expect(message.ja.endsWith(result.advice.ja)).toBe(true);
  });

  it("names the format of a program", () => {
    const { message } = notMailDiagnostic(notMail(bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))!);
    expect(message.en).toMatch(/executable program \(Linux \/ ELF\).*Do not open it/);
    expect(message.ja).toContain("実行ファイル(Linux / ELF)");
  });
});
