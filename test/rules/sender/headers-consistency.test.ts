import { describe, expect, it } from "vitest";
import { DATE_ZONE_MISMATCH } from "../../../src/core/rules/sender/date-zone-mismatch.js";
import { FROM_ADDRESS_INVALID } from "../../../src/core/rules/sender/from-address-invalid.js";
import { MESSAGE_ID_DOMAIN_MISMATCH } from "../../../src/core/rules/sender/message-id-domain-mismatch.js";
import { REPLY_WITHOUT_THREAD, subjectPrefix } from "../../../src/core/rules/sender/reply-without-thread.js";
import { codes, check, o365, PASS, postfix, severityOf } from "./mail.js";

const FAILED = "spf=softfail smtp.mailfrom=sender.example; dkim=none;dmarc=none action=none header.from=sender.example;compauth=fail reason=001";

describe("DATE_ZONE_MISMATCH", () => {
  const RULE = [DATE_ZONE_MISMATCH];
  const ID = "DATE_ZONE_MISMATCH";
  const mail = (from: string, date: string, auth?: string) => o365({ auth, headers: [`From: ${from}`, `Date: ${date}`, "Subject: s"] });

  it("fires when a .jp sender's clock is in a zone Japan does not use (medium for public sector)", async () => {
    expect(severityOf(await check(mail("a@example.co.jp", "Mon, 1 Jan 2024 09:00:00 -0500"), RULE), ID)).toBe("low");
    const gov = await check(mail("a@example.go.jp", "Mon, 1 Jan 2024 09:00:00 +0800"), RULE);
    expect(severityOf(gov, ID)).toBe("medium");
    expect(gov.findings[0]!.evidence[0]!.value).toContain("UTC+0800");
  });

  it("stays quiet on the near misses", async () => {
    expect(severityOf(await check(mail("a@example.co.jp", "Mon, 1 Jan 2024 09:00:00 +0900"), RULE), ID)).toBeUndefined();
    // Servers and webmail stamp UTC; "-0000" means the zone is unknown (RFC 5322 §3.3).
    expect(severityOf(await check(mail("a@example.co.jp", "Mon, 1 Jan 2024 00:00:00 +0000"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(mail("a@example.co.jp", "Mon, 1 Jan 2024 00:00:00 -0000"), RULE), ID)).toBeUndefined();
    // A .com sender implies no country; both daylight and standard time count.
    expect(severityOf(await check(mail("a@example.com", "Mon, 1 Jan 2024 09:00:00 +0800"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(mail("a@example.de", "Mon, 1 Jul 2024 09:00:00 +0200"), RULE), ID)).toBeUndefined();
    // An authenticated sender travelling with a laptop.
    const pass = PASS.replaceAll("sender.example", "example.co.jp");
    expect(severityOf(await check(mail("a@example.co.jp", "Mon, 1 Jan 2024 09:00:00 -0800", pass), RULE), ID)).toBeUndefined();
  });

  it("reports a Date it cannot read", async () => {
    const a = await check(mail("a@example.co.jp", "yesterday"), RULE);
    expect(codes(a)).toContain("HEADER_UNPARSED");
  });
});

describe("MESSAGE_ID_DOMAIN_MISMATCH", () => {
  const RULE = [MESSAGE_ID_DOMAIN_MISMATCH];
  const ID = "MESSAGE_ID_DOMAIN_MISMATCH";
  const mail = (from: string, messageId: string, extra: string[] = []) => postfix({ headers: [`From: ${from}`, `Message-ID: ${messageId}`, "Subject: s", ...extra] });

  it("is informational for an unrelated ID domain, low when From is a free mail address", async () => {
    expect(severityOf(await check(mail("a@company.example", "<123@unrelated-host.net>"), RULE), ID)).toBe("info");
    expect(severityOf(await check(mail("someone@gmail.com", "<123@bulk-sender.net>"), RULE), ID)).toBe("low");
  });

  it("stays quiet for platforms, the carrying domains and machine names", async () => {
    expect(severityOf(await check(mail("a@company.example", "<1@company.example>"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(mail("a@company.example", "<x@AM7PR02MB1.eurprd02.prod.outlook.com>"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(mail("someone@gmail.com", "<CAGb6Gb=x@mail.gmail.com>"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(mail("news@brand.example", "<1@esp-mailer.net>", ["Return-Path: <b-1@esp-mailer.net>"]), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(mail("a@company.example", "<1@localhost.localdomain>"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(mail("a@company.example", "<1@[192.0.2.1]>"), RULE), ID)).toBeUndefined();
  });
});

describe("REPLY_WITHOUT_THREAD", () => {
  const RULE = [REPLY_WITHOUT_THREAD];
  const ID = "REPLY_WITHOUT_THREAD";
  const mail = (subject: string, extra: string[] = [], auth: string | undefined = FAILED) =>
    o365({ auth, headers: ["From: a@sender.example", `Subject: ${subject}`, ...extra] });

  it("reads reply and forward prefixes in several languages and widths", () => {
    for (const s of ["Re: x", "RE: x", "re:x", "Re[2]: x", "Re(3): x", "ＲＥ：件名", "返信: x", "[list] Re: x", "【重要】RE: x", "AW: x", "SV: x"]) expect(subjectPrefix(s), s).toBe("re");
    for (const s of ["Fw: x", "FW: x", "Fwd: x", "転送: x", "ＦＷ： x", "WG: x", "TR: x"]) expect(subjectPrefix(s), s).toBe("fw");
    for (const s of ["Real estate: offers", "Regarding: x", "Re x", "Fwd", "", "Report: RE: x"]) expect(subjectPrefix(s), s).toBeUndefined();
  });

  it("is medium for an unauthenticated \"Re:\" without thread headers, low for a forward", async () => {
    const a = await check(mail("RE: 請求書の件"), RULE);
    expect(severityOf(a, ID)).toBe("medium");
    expect(a.findings[0]!.evidence[0]!.value).toBe("RE: 請求書の件");
    expect(severityOf(await check(mail("FW: 資料"), RULE), ID)).toBe("low");
  });

  it("is low when the sender authenticated or nobody evaluated it", async () => {
    expect(severityOf(await check(mail("Re: x", [], PASS), RULE), ID)).toBe("low");
    expect(severityOf(await check(postfix({ headers: ["From: a@sender.example", "Subject: Re: x"] }), RULE), ID)).toBe("low");
  });

  it("stays quiet for real replies: In-Reply-To, References or an Outlook Thread-Index with reply blocks", async () => {
    expect(severityOf(await check(mail("Re: x", ["In-Reply-To: <1@sender.example>"]), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(mail("Re: x", ["References: <1@sender.example> <2@sender.example>"]), RULE), ID)).toBeUndefined();
    // 22-byte conversation header + one 5-byte reply block, base64.
    const reply = btoa(String.fromCharCode(...Array.from({ length: 27 }, (_, i) => i + 1)));
    expect(severityOf(await check(mail("Re: x", [`Thread-Index: ${reply}`]), RULE), ID)).toBeUndefined();
    const root = btoa(String.fromCharCode(...Array.from({ length: 22 }, (_, i) => i + 1)));
    expect(severityOf(await check(mail("Re: x", [`Thread-Index: ${root}`]), RULE), ID)).toBe("medium");
    expect(severityOf(await check(mail("Hello"), RULE), ID)).toBeUndefined();
  });
});

describe("FROM_ADDRESS_INVALID", () => {
  const RULE = [FROM_ADDRESS_INVALID];
  const ID = "FROM_ADDRESS_INVALID";
  const mail = (...headers: string[]) => postfix({ headers: [...headers, "Subject: s"] });

  it("fires for a From no mail system writes", async () => {
    for (const from of [
      "From: PayPal, Support <x@example.com>", // unquoted comma: an address-less mailbox first
      "From: Correios <contato@correios>", // no real domain
      'From: Shop <"noreply@example.com">', // a quoted local part, no domain
      "From: a@example.com, b@example.net", // two mailboxes without Sender
      'From: "Sally" <>',
    ]) {
      expect(severityOf(await check(mail(from), RULE), ID), from).toBe("medium");
    }
    expect(severityOf(await check(mail("To: x@example.co.jp"), RULE), ID)).toBe("medium");
    expect(severityOf(await check(mail("From: a@example.com", "From: b@example.net"), RULE), ID)).toBe("medium");
  });

  it("stays quiet for well-formed senders", async () => {
    for (const headers of [
      ["From: Taro <taro@example.co.jp>"],
      ['From: "Yamada, Taro" <taro@example.co.jp>'],
      ["From: a@example.com, b@example.net", "Sender: a@example.com"],
      // RFC 2606 reserved names are no real domain: the test uses .com/.net for the rest.
      ["From: postmaster@[192.0.2.1]"],
    ]) {
      expect(severityOf(await check(mail(...headers), RULE), ID), headers[0]).toBeUndefined();
    }
  });
});
