import { describe, expect, it } from "vitest";
import { FREEMAIL_ATTACHMENT } from "../../../src/core/rules/sender/freemail-attachment.js";
import { OBFUSCATED_TEXT } from "../../../src/core/rules/sender/obfuscated-text.js";
import { check, postfix, severityOf } from "./mail.js";

const b64 = (text: string): string => Buffer.from(text, "utf8").toString("base64");
const encoded = (text: string): string => `=?UTF-8?B?${b64(text)}?=`;

describe("OBFUSCATED_TEXT", () => {
  const RULE = [OBFUSCATED_TEXT];
  const ID = "OBFUSCATED_TEXT";
  const mail = (name: string, subject: string) => postfix({ headers: [`From: ${encoded(name)} <x@sender.example>`, `Subject: ${encoded(subject)}`] });

  it("is high when invisible characters hide a well-known name in the display name, and shows them", async () => {
    const a = await check(mail("Co\u{E0139}\u{E0139}in\u{E0139}base Services", "Action needed"), RULE);
    expect(severityOf(a, ID)).toBe("high");
    const values = a.findings[0]!.evidence.map((e) => e.value);
    expect(values).toEqual(["Co[U+E0139][U+E0139]in[U+E0139]base Services", "Coinbase Services"]);
  });

  it("is high for foreign marks stacked on a brand in the subject, medium without a brand", async () => {
    expect(severityOf(await check(mail("Service", "Your A\u073Fm\u073Fa\u073Fz\u073Fon account"), RULE), ID)).toBe("high");
    expect(severityOf(await check(mail("Service", "Your acc\u200Bount is locked"), RULE), ID)).toBe("medium");
  });

  it("is medium for mathematical letters spelling a brand, low otherwise", async () => {
    expect(severityOf(await check(mail("Billing", "[𝗡𝗲𝘁𝗳𝗹𝗶𝘅]: Account On-Hold!"), RULE), ID)).toBe("medium");
    expect(severityOf(await check(mail("Shop", "𝗕𝗹𝗮𝗰𝗸 𝗙𝗿𝗶𝗱𝗮𝘆 sale"), RULE), ID)).toBe("low");
  });

  it("is medium for a digit standing for a letter inside a word, and reads it as the letter", async () => {
    const a = await check(mail("Storage CL0UD", "Alert: your data will be deleted"), RULE);
    expect(severityOf(a, ID)).toBe("medium");
    expect(a.findings[0]!.evidence.map((e) => e.value)).toEqual(["Storage CL0UD", "Storage CLOUD"]);
    expect(severityOf(await check(mail("Micr0soft Teams", "Missed messages"), RULE), ID)).toBe("high");
  });

  it("leaves ordinary words with digits alone: codes, several digits, a digit at an end", async () => {
    for (const subject of ["H1N1 update", "MP3 player", "Windows10 upgrade", "Team1 results", "Order ABC0123", "B2B meeting", "Win32 build"]) {
      expect(severityOf(await check(mail("Shop", subject), RULE), ID), subject).toBeUndefined();
    }
  });

  it("stays quiet on plain text, emoji sequences and Japanese", async () => {
    expect(severityOf(await check(mail("山田 太郎", "【重要】会議資料の送付"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(mail("Team 👩\u200D💻", "News ❤\uFE0F"), RULE), ID)).toBeUndefined();
  });
});

describe("FREEMAIL_ATTACHMENT", () => {
  const RULE = [FREEMAIL_ATTACHMENT];
  const ID = "FREEMAIL_ATTACHMENT";
  const withFile = (from: string, file: string, type: string, extra: string[] = []) =>
    postfix({
      headers: [`From: ${from}`, "Subject: documents", ...extra, "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="b"'],
      body: ["--b", "Content-Type: text/plain", "", "Please see the file.", "--b", `Content-Type: ${type}; name="${file}"`, `Content-Disposition: attachment; filename="${file}"`, "Content-Transfer-Encoding: base64", "", b64("%PDF-1.4"), "--b--", ""].join("\r\n"),
    });

  it("is medium for a document from a free address outside a conversation, naming the file", async () => {
    const a = await check(withFile("Taro <taro.sample@gmail.com>", "請求書.pdf", "application/pdf"), RULE);
    expect(severityOf(a, ID)).toBe("medium");
    expect(a.findings[0]!.evidence.map((e) => e.value)).toEqual(["taro.sample@gmail.com", "請求書.pdf"]);
    expect(severityOf(await check(withFile("x <x@yahoo.co.jp>", "data.zip", "application/zip"), RULE), ID)).toBe("medium");
  });

  it("counts a link to a file on a sharing service as a file sent", async () => {
    const shared = (from: string, url: string, extra: string[] = []) =>
      postfix({ headers: [`From: ${from}`, "Subject: balance", ...extra], body: `Your balance has been replenished ${url}\r\n` });
    const a = await check(shared("Lance <lance.l44@gmail.com>", "https://drive.google.com/file/d/1J1rstB7zBqQ/view"), RULE);
    expect(severityOf(a, ID)).toBe("medium");
    expect(a.findings[0]!.evidence.map((e) => e.value)).toEqual(["lance.l44@gmail.com", "https://drive.google.com/file/d/1J1rstB7zBqQ/view"]);
    expect(severityOf(await check(shared("x <x@yahoo.co.jp>", "https://we.tl/t-AbCdEf"), RULE), ID)).toBe("medium");
    // Other Google pages, work senders and replies stay quiet.
    expect(severityOf(await check(shared("Lance <lance.l44@gmail.com>", "https://www.google.com/maps/place/x"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(shared("Taro <taro@sample.co.jp>", "https://drive.google.com/file/d/1J1r/view"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(shared("Lance <lance.l44@gmail.com>", "https://drive.google.com/file/d/1J1r/view", ["References: <1@example.co.jp>"]), RULE), ID)).toBeUndefined();
  });

  it("stays quiet for replies, pictures, and work addresses", async () => {
    expect(severityOf(await check(withFile("Taro <taro.sample@gmail.com>", "a.pdf", "application/pdf", ["In-Reply-To: <1@example.co.jp>"]), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(withFile("Taro <taro.sample@gmail.com>", "photo.jpg", "image/jpeg"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(withFile("Taro <taro@sample.co.jp>", "a.pdf", "application/pdf"), RULE), ID)).toBeUndefined();
  });
});
