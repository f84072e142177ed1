import { describe, expect, it } from "vitest";
import { TEXT_FREEMAIL_CONTACT } from "../../../src/core/rules/sender/text-freemail-contact.js";
import { check, postfix, severityOf } from "./mail.js";

const RULE = [TEXT_FREEMAIL_CONTACT];
const ID = "TEXT_FREEMAIL_CONTACT";
const mail = (from: string, body: string, headers: string[] = []) => postfix({ headers: [`From: ${from}`, "To: reader@example.co.jp", "Subject: s", ...headers], body });

describe("TEXT_FREEMAIL_CONTACT", () => {
  it("is medium when a company address asks for answers at a free mail address, naming it", async () => {
    const a = await check(mail("Eduardo <eduardo.f65@university.example>", "I have a business opportunity.\r\nReply me via: msjoanna29@gmail.com\r\n"), RULE);
    expect(severityOf(a, ID)).toBe("medium");
    expect(a.findings[0]!.evidence.map((e) => e.value)).toEqual(["eduardo.f65@university.example", "msjoanna29@gmail.com"]);
  });

  it("finds the request a sentence or two before the address, in Japanese too", async () => {
    const en = "Kindly respond to this email, and I will gladly furnish you with comprehensive details.\r\n\r\nEmail: mr.sian@outlook.com\r\n";
    expect(severityOf(await check(mail("admin@hotel.example", en), RULE), ID)).toBe("medium");
    const ja = "詳しくは下記までご連絡ください。\r\n担当: yamada.t@yahoo.co.jp\r\n";
    expect(severityOf(await check(mail("info@shop.example.jp", ja), RULE), ID)).toBe("medium");
  });

  it("does not read mailto: links, which an HTML reply's quoted header is full of", async () => {
    const html = '<p>Please reply by Friday.</p><hr><p><b>From:</b> John &lt;<a href="mailto:john.sample@gmail.com">john.sample@gmail.com</a>&gt;</p>';
    const a = await check(postfix({ headers: ["From: desk@company.example", "Subject: RE: s", "MIME-Version: 1.0", "Content-Type: text/html; charset=utf-8"], body: html }), RULE);
    expect(severityOf(a, ID)).toBeUndefined();
  });

  it("stays quiet for the reader's own and the sender's addresses, quoted headers and URL parameters", async () => {
    const own = "Contact us if this was not you. This mail was sent to reader@example.co.jp.\r\n";
    expect(severityOf(await check(mail("news@shop.example", own), RULE), ID)).toBeUndefined();
    const recipient = "Reply if you did not sign up: reader.home@gmail.com\r\n";
    expect(severityOf(await check(mail("news@shop.example", recipient, ["Cc: reader.home@gmail.com"]), RULE), ID)).toBeUndefined();
    const quoted = "Please reply above this line.\r\n\r\nFrom: Someone <someone@gmail.com>\r\n> Write to me at someone@gmail.com\r\n";
    expect(severityOf(await check(mail("desk@company.example", quoted), RULE), ID)).toBeUndefined();
    const attribution = "Please reply by Friday.\r\n\r\nOn Mon, 2 Jun 2025 at 10:00, John <john.sample@gmail.com> wrote:\r\nhello\r\n";
    expect(severityOf(await check(mail("desk@company.example", attribution), RULE), ID)).toBeUndefined();
    const url = "Contact support: https://help.example/form?email=you@gmail.com\r\n";
    expect(severityOf(await check(mail("news@shop.example", url), RULE), ID)).toBeUndefined();
  });

  it("stays quiet without a request for contact, for work addresses, and when From is itself free mail", async () => {
    expect(severityOf(await check(mail("desk@company.example", "User: someone@gmail.com\r\nStatus: approved\r\n"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(mail("desk@company.example", "Please reply to tanaka@partner.example\r\n"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(mail("taro@gmail.com", "Please reply to my other address taro2@yahoo.co.jp\r\n"), RULE), ID)).toBeUndefined();
  });
});
