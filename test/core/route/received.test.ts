import { describe, expect, it } from "vitest";
import { parseReceived } from "../../../src/core/route/received.js";

/**
 * One line per MTA style, written for these tests in the shapes each MTA produces (RFC 5321
 * §4.4 plus the real-world variants). Documentation addresses (RFC 5737 / RFC 3849) throughout.
 */
const CASES: readonly { name: string; raw: string; expect: Record<string, unknown> }[] = [
  {
    name: "RFC 5321 with TCP-info",
    raw: "from mail.example.org (mail.example.org [192.0.2.10]) by mx.example.net with ESMTP id 4AbC12 for <user@example.net>; Tue, 3 Nov 2026 10:20:30 +0900",
    expect: { parsed: true, fromHelo: "mail.example.org", fromHost: "mail.example.org", fromIp: "192.0.2.10", by: "mx.example.net", with: "ESMTP", id: "4AbC12", for: "user@example.net", date: "2026-11-03T01:20:30.000Z" },
  },
  {
    name: "Postfix with unknown reverse DNS and ESMTPS",
    raw: "from helo.example (unknown [198.51.100.7]) by mx1.example.jp (Postfix) with ESMTPS id 4N1jYH4vf9z1wYtp for <a@example.jp>; Tue,  1 Nov 2022 17:17:07 +0900 (JST)",
    expect: { parsed: true, fromHelo: "helo.example", fromIp: "198.51.100.7", by: "mx1.example.jp", with: "ESMTPS", id: "4N1jYH4vf9z1wYtp", date: "2022-11-01T08:17:07.000Z" },
  },
  {
    name: "Postfix local pickup (no from clause)",
    raw: "by mail.example.com (Postfix, from userid 1001) id 1234ABCD; Thu, 21 Aug 2014 12:12:48 +0200 (CEST)",
    expect: { parsed: true, by: "mail.example.com", id: "1234ABCD", date: "2014-08-21T10:12:48.000Z" },
  },
  {
    name: "Sendmail with IDENT and 'may be forged'",
    raw: "from client.example (IDENT:root@host.example.org [203.0.113.9] (may be forged)) by relay.example.com (8.12.5/8.12.5) with ESMTP id g6OBCWhY012525 (version=TLSv1/SSLv3 cipher=EDH-DSS-DES-CBC3-SHA bits=168 verify=NO) for <b@example.com>; Sun, 21 Jul 2002 14:21:10 -0500",
    expect: { parsed: true, fromHelo: "client.example", fromIp: "203.0.113.9", by: "relay.example.com", for: "b@example.com", date: "2002-07-21T19:21:10.000Z" },
  },
  {
    name: "Sendmail IDENT without forgery note keeps the verified name",
    raw: "from jump.example (IDENT:abc@jump-host.example.com [192.0.2.99]) by mx1.example.com (8.11.6/8.11.6) with SMTP id g7LFXEl30998; Wed, 21 Aug 2002 11:33:14 -0400",
    expect: { fromHelo: "jump.example", fromHost: "jump-host.example.com", fromIp: "192.0.2.99" },
  },
  {
    name: "Sendmail local submission",
    raw: "(from alice@localhost) by host.example.org (8.12.3/8.12.3/Submit) id g8527Zmq029780; Wed, 4 Sep 2002 19:07:35 -0700",
    expect: { parsed: true, by: "host.example.org", id: "g8527Zmq029780", fromIp: undefined },
  },
  {
    name: "Exim with port and helo=",
    raw: "from mail-host.example.org ([192.0.2.44]:45678 helo=smtp.example.org) by mx.example.net with esmtps (TLS1.2) tls TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (Exim 4.96) (envelope-from <x@example.org>) id 1vkpvv-0008J4-4j for y@example.net; Tue, 27 Jan 2026 22:45:09 +0200",
    expect: { parsed: true, fromHelo: "smtp.example.org", fromHost: "mail-host.example.org", fromIp: "192.0.2.44", by: "mx.example.net", id: "1vkpvv-0008J4-4j", for: "y@example.net" },
  },
  {
    name: "Exim without reverse DNS",
    raw: "from [198.51.100.3] (port=52592 helo=[192.0.2.52]) by smtp.example.net with esmtpsa (TLS1.2) (Exim 4.93) id 1vkpvv-0008J4-4j; Tue, 27 Jan 2026 22:45:09 +0200",
    expect: { parsed: true, fromIp: "198.51.100.3", fromHelo: "[192.0.2.52]", fromHost: undefined, authenticated: true },
  },
  {
    name: "ecelerity with the port inside the literal",
    raw: "from [10.252.1.143] ([10.252.1.143:47944] helo=p2-syndicator.example.net) by 10.249.244.10 (envelope-from <b@example.net>) (ecelerity 4.3.1) with ESMTP id C8/A8-65519-05CFD0F5; Tue, 14 Jul 2020 14:41:20 -0400",
    expect: { fromIp: "10.252.1.143", fromHelo: "p2-syndicator.example.net", by: "10.249.244.10", byIp: "10.249.244.10" },
  },
  {
    name: "qmail local injection",
    raw: "(qmail 12345 invoked from network); 21 Jul 2002 10:55:14 -0700",
    expect: { parsed: true, fromIp: undefined, by: undefined, date: "2002-07-21T17:55:14.000Z" },
  },
  {
    name: "qmail with HELO and a separate IP comment",
    raw: "from unknown (HELO smtp.example.com) (198.51.100.207) by rly.example.net with esmtp; Fri, 26 Jul 2002 19:44:27 -1000",
    expect: { parsed: true, fromHelo: "smtp.example.com", fromHost: undefined, fromIp: "198.51.100.207", by: "rly.example.net" },
  },
  {
    name: "Exchange Online front end",
    raw: "from mail.example.org (192.0.2.202) by VI1EUR05FT048.mail.protection.outlook.com (10.233.243.188) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.5791.20 via Frontend Transport; Thu, 3 Nov 2022 04:56:15 +0000",
    expect: { parsed: true, fromHelo: "mail.example.org", fromIp: "192.0.2.202", by: "VI1EUR05FT048.mail.protection.outlook.com", byIp: "10.233.243.188", with: "Microsoft SMTP Server", id: "15.20.5791.20", via: "Frontend Transport", date: "2022-11-03T04:56:15.000Z" },
  },
  {
    name: "Exchange internal hop over IPv6 and HTTPS",
    raw: "From BN3NAM04HT205.eop-NAM04.prod.protection.outlook.com (2a01:111:e400:c418::34) By SN1PR16MB0494.namprd16.prod.outlook.com With HTTPS Via SN1PR15CA0024.NAMPRD15.PROD.OUTLOOK.COM; Sat, 21 Apr 2018 03:01:33 +0000",
    expect: { parsed: true, fromIp: "2a01:111:e400:c418::34", by: "SN1PR16MB0494.namprd16.prod.outlook.com", with: "HTTPS", via: "SN1PR15CA0024.NAMPRD15.PROD.OUTLOOK.COM" },
  },
  {
    name: "Exchange mapi with link-local zone",
    raw: "from DM6PR07MB4411.namprd07.prod.outlook.com ([fe80::dc72:888d:2d62:8e7d]) by DM6PR07MB4411.namprd07.prod.outlook.com ([fe80::dc72:888d:2d62:8e7d%7]) with mapi id 15.20.8511.025; Sun, 9 Mar 2025 18:47:40 +0000",
    expect: { fromIp: "fe80::dc72:888d:2d62:8e7d", byIp: "fe80::dc72:888d:2d62:8e7d", with: "mapi" },
  },
  {
    name: "Gmail inbound with trailing-dot reverse name",
    raw: "from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id e21sor2892698lfq.1.2020.11.02.01.57.24 for <someone@gmail.com> (Google Transport Security); Mon, 02 Nov 2020 01:57:24 -0800 (PST)",
    expect: { fromHelo: "mail-sor-f41.google.com", fromHost: "mail-sor-f41.google.com", fromIp: "209.85.220.41", by: "mx.google.com", with: "SMTPS", for: "someone@gmail.com", date: "2020-11-02T09:57:24.000Z" },
  },
  {
    name: "Gmail internal IPv6 hop",
    raw: "by 2002:a05:6358:e483:b0:ed:1eae:60a3 with SMTP id by3csp989960rwb; Fri, 27 Jan 2023 00:11:26 -0800 (PST)",
    expect: { parsed: true, by: "2002:a05:6358:e483:b0:ed:1eae:60a3", with: "SMTP", id: "by3csp989960rwb", fromIp: undefined },
  },
  {
    name: "IPv6 address literal with the IPv6: tag",
    raw: "from mx.example.org (mx.example.org [IPv6:2001:db8::25]) by mx.example.net (Postfix) with ESMTPS id 1; Mon, 1 Jan 2024 00:00:00 +0000",
    expect: { fromIp: "2001:db8::25", fromHost: "mx.example.org" },
  },
  {
    name: "SendGrid without ';' before an ISO date",
    raw: "by filter0652p1las1.sendgrid.net with SMTP id filter0652p1las1-5089-5ADBF958-25 2018-04-22 02:54:17.028704749 +0000 UTC",
    expect: { parsed: true, by: "filter0652p1las1.sendgrid.net", id: "filter0652p1las1-5089-5ADBF958-25", date: "2018-04-22T02:54:17.000Z" },
  },
  {
    name: "SendGrid without ';' before an RFC 5322 date",
    raw: "from smtp.example.com (out-8.smtp.example.com [192.0.2.199]) by ismtpd0003p1iad2.sendgrid.net (SG) with ESMTP id gDQRSEGgSqCsi9tFtF1Vtg Mon, 26 Mar 2018 13:35:36.102 +0000 (UTC)",
    expect: { fromIp: "192.0.2.199", id: "gDQRSEGgSqCsi9tFtF1Vtg", date: "2018-03-26T13:35:36.000Z" },
  },
  {
    name: "Klaviyo-style IP first, EHLO in a comment",
    raw: "from 198.51.100.197 (EHLO o1361.shared.example.com) by 10.222.142.150 with SMTPs (version=TLS1_3 cipher=TLS_AES_128_GCM_SHA256); Mon, 18 Sep 2023 13:30:17 +0000",
    expect: { fromIp: "198.51.100.197", fromHelo: "o1361.shared.example.com" },
  },
  {
    name: "fetchmail",
    raw: "from imap.example.org [192.0.2.5] by localhost with IMAP (fetchmail-5.9.0) for jm@localhost (single-drop); Fri, 19 Jul 2002 12:00:00 +0100 (IST)",
    expect: { fromHelo: "imap.example.org", fromIp: "192.0.2.5", by: "localhost", with: "IMAP" },
  },
  {
    name: "Yahoo login comment with user@ip",
    raw: "from unknown (HELO laptop) (user@198.51.100.42 with login) by smtp.mail.example.com with SMTP; 22 Jul 2002 13:00:00 -0700",
    expect: { fromIp: "198.51.100.42", fromHelo: "laptop" },
  },
  {
    name: "RFC 822 'with' only",
    raw: "with ECARTIS (v1.0.0; list linux-xfs); Fri, 06 Sep 2002 02:11:08 -0700 (PDT)",
    expect: { parsed: true, with: "ECARTIS", date: "2002-09-06T09:11:08.000Z" },
  },
  { name: "a date only", raw: "Sun, 22 Apr 2018 02:54:19 +0000", expect: { parsed: false, date: "2018-04-22T02:54:19.000Z" } },
  { name: "a word and a date", raw: "test; Sat, 21 Apr 2018 03:01:32 +0000", expect: { parsed: false, date: "2018-04-21T03:01:32.000Z" } },
  { name: "empty", raw: "", expect: { parsed: false } },
  { name: "only ';'", raw: ";", expect: { parsed: false } },
  { name: "zone-less date is not a UTC time", raw: "from a (b [192.0.2.1]) by c; 21/08/2002 10:54:49", expect: { parsed: true, date: undefined } },
];

describe("parseReceived", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const parsed = parseReceived(c.raw);
      for (const [key, value] of Object.entries(c.expect)) expect(parsed[key as keyof typeof parsed], key).toEqual(value);
    });
  }

  it("never throws and stays linear on hostile input", () => {
    const hostile = [
      "(".repeat(50_000),
      "[".repeat(50_000),
      `from ${"a(".repeat(20_000)}`,
      `from x ${"[1.2.3.4 ".repeat(10_000)}`,
      `${"from by with id for via ".repeat(5_000)};`,
      `from x (${"helo ".repeat(20_000)}) by y; Mon, 1 Jan 2024 00:00:00 +0000`,
      "\\".repeat(50_000),
    ];
    // No time is asserted (speed is the benchmarks' job): a quadratic parse would stall the suite.
    for (const raw of hostile) expect(() => parseReceived(raw)).not.toThrow();
  });
});
