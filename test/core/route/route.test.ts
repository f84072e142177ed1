import { describe, expect, it } from "vitest";
import type { Config } from "../../../src/core/config.js";
import { analyzeText, eml } from "../../helpers/build.js";

/** A fake offline geo table, so tests say which country each address is in. */
const GEO: Record<string, string> = {
  "60.26.146.1": "CN",
  "133.0.0.1": "JP",
  "57.128.69.202": "FR",
  "52.100.1.1": "US",
  "209.85.220.41": "US",
  "81.2.69.160": "GB",
};
const lookupCountry = (ip: string): string | undefined => GEO[ip];
const analyze = (headers: string[], config?: Config) => analyzeText(eml(headers, "hi"), config, { lookupCountry });
const codes = (a: { diagnostics: readonly { code: string }[] }) => a.diagnostics.map((d) => d.code);

const O365 = [
  "Received: from MN2PR19MB3966.namprd19.prod.outlook.com (::1) by MN0PR19MB6312.namprd19.prod.outlook.com with HTTPS; Thu, 3 Nov 2022 04:56:17 +0000",
  "Received: from AM7PR02CA0005.eurprd02.prod.outlook.com (2603:10a6:20b:100::15) by MN2PR19MB3966.namprd19.prod.outlook.com (2603:10b6:208:1e8::10) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.5769.16; Thu, 3 Nov 2022 04:56:16 +0000",
  "Received: from VI1EUR05FT048.eop-eur05.prod.protection.outlook.com (2603:10a6:20b:100::4) by AM7PR02CA0005.outlook.office365.com (2603:10a6:20b:100::15) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.5791.22 via Frontend Transport; Thu, 3 Nov 2022 04:56:15 +0000",
  "Authentication-Results: spf=fail (sender IP is 60.26.146.1) smtp.mailfrom=example.go.jp; dkim=none (message not signed) header.d=none;dmarc=fail action=oreject header.from=example.go.jp;compauth=fail reason=000",
  "Received: from mail.example.go.jp (60.26.146.1) by VI1EUR05FT048.mail.protection.outlook.com (10.233.243.188) with Microsoft SMTP Server id 15.20.5791.20 via Frontend Transport; Thu, 3 Nov 2022 04:56:15 +0000",
  "Received: from localhost (localhost [127.0.0.1]) by mail.example.go.jp (Postfix) with ESMTP id 1; Thu, 3 Nov 2022 13:56:20 +0900",
  "From: Ministry <info@example.go.jp>",
  "To: a@example.co.jp",
  "Subject: notice",
  "Date: Thu, 3 Nov 2022 13:56:14 +0900",
  "Message-ID: <1@example.go.jp>",
];

describe("origin hop", () => {
  it("walks past Exchange Online's internal hops to the first outside address", async () => {
    const a = await analyze(O365);
    expect(a.route.origin).toMatchObject({ hopIndex: 3, ip: "60.26.146.1", host: "mail.example.go.jp", country: "CN", countrySource: "lookup" });
    expect(a.route.hops.map((h) => h.trusted)).toEqual([true, true, true, true, false]);
    expect(a.route.hops.map((h) => h.unverified)).toEqual([false, false, false, false, true]);
    expect(a.route.hops[3]).toMatchObject({ fromIp: "60.26.146.1", by: "VI1EUR05FT048.mail.protection.outlook.com", byIp: "10.233.243.188", via: "Frontend Transport" });
    // Without configuration the organisation is unknown, so "outside the organisation" is too.
    expect(a.route.enteredFromOutside).toBeUndefined();
    expect(codes(a)).not.toContain("ORIGIN_UNCERTAIN");
  });

  it("records delays between hops, negative when the clocks disagree", async () => {
    const a = await analyze(O365);
    expect(a.route.hops[0]!.delaySeconds).toBe(1);
    expect(a.route.hops[2]!.delaySeconds).toBe(0);
    // The sender's server stamped 13:56:20 JST = 04:56:20 UTC, five seconds *after* EOP received it.
    expect(a.route.hops[3]!.delaySeconds).toBe(-5);
    expect(a.route.hops[4]!.delaySeconds).toBeUndefined();
  });

  it("takes Microsoft 365's country from the receiver's X-Forefront-Antispam-Report and keeps a disagreeing lookup", async () => {
    const a = await analyze([...O365, "X-Forefront-Antispam-Report: CIP:60.26.146.1;CTRY:HK;LANG:ja;SCL:5;SRV:;IPV:NLI;SFV:SPM;H:mail.example.go.jp;DIR:INB;"]);
    expect(a.route.origin).toMatchObject({ country: "HK", countrySource: "forefront", countryByLookup: "CN" });
  });

  it("ignores the -Untrusted copy and a Forefront header about another address", async () => {
    const untrusted = await analyze([...O365, "X-Forefront-Antispam-Report-Untrusted: CIP:60.26.146.1;CTRY:JP;"]);
    expect(untrusted.route.origin).toMatchObject({ country: "CN", countrySource: "lookup" });
    const other = await analyze([...O365, "X-Forefront-Antispam-Report: CIP:133.0.0.1;CTRY:JP;"]);
    expect(other.route.origin).toMatchObject({ country: "CN", countrySource: "lookup" });
  });

  it("does not believe a Forefront header below the origin when the receiver is not Exchange Online", async () => {
    const a = await analyze([
      "Received: from evil.example (evil.example [60.26.146.1]) by mx.example.co.jp (Postfix) with ESMTP id 1; Thu, 3 Nov 2022 13:56:15 +0900",
      "X-Forefront-Antispam-Report: CIP:60.26.146.1;CTRY:JP;",
      "From: a@example.go.jp",
    ]);
    expect(a.route.origin).toMatchObject({ ip: "60.26.146.1", country: "CN", countrySource: "lookup" });
  });

  it("treats a Microsoft host name from a public IPv4 address as an outside sender (HELO is free text)", async () => {
    const a = await analyze([
      "Received: from XYZ.namprd19.prod.outlook.com (60.26.146.1) by VI1EUR05FT048.mail.protection.outlook.com (10.233.243.188) with Microsoft SMTP Server id 15.20.5791.20 via Frontend Transport; Thu, 3 Nov 2022 04:56:15 +0000",
      "From: a@example.jp",
    ]);
    expect(a.route.origin).toMatchObject({ hopIndex: 0, ip: "60.26.146.1" });
  });

  it("stops at a sending tenant's outbound EOP server (it is the sender's, not ours)", async () => {
    const a = await analyze([
      "Received: from AM7PR02CA0005.eurprd02.prod.outlook.com (2603:10a6:20b:100::15) by MN2PR19MB3966.namprd19.prod.outlook.com with HTTPS; Thu, 3 Nov 2022 04:56:16 +0000",
      "Received: from EUR05-DB8-obe.outbound.protection.outlook.com (52.100.1.1) by AM7PR02CA0005.mail.protection.outlook.com (10.1.1.1) with Microsoft SMTP Server; Thu, 3 Nov 2022 04:56:15 +0000",
      "Received: from PAXPR01MB1234.eurprd01.prod.outlook.com (2603:10a6:102:1::1) by PAXPR01MB5678.eurprd01.prod.outlook.com with mapi; Thu, 3 Nov 2022 04:56:14 +0000",
      "From: a@example.de",
    ]);
    expect(a.route.origin).toMatchObject({ hopIndex: 1, ip: "52.100.1.1", country: "US" });
  });

  it("walks past Gmail's internal IPv6 hop to the address mx.google.com recorded", async () => {
    const a = await analyze([
      "Received: by 2002:a05:6358:e483:b0:ed:1eae:60a3 with SMTP id by3csp989960rwb; Fri, 27 Jan 2023 00:11:26 -0800 (PST)",
      "Received: from mail.example.co.uk (mail.example.co.uk. [81.2.69.160]) by mx.google.com with ESMTPS id x1si123 for <me@gmail.com> (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256); Fri, 27 Jan 2023 00:11:25 -0800 (PST)",
      "From: a@example.co.uk",
    ]);
    expect(a.route.origin).toMatchObject({ hopIndex: 1, ip: "81.2.69.160", host: "mail.example.co.uk", country: "GB" });
  });

  it("walks past local hops (content filters, loopback) to the first public address", async () => {
    const a = await analyze([
      "Received: from localhost (localhost [127.0.0.1]) by mx.example.co.jp (Postfix) with ESMTP id A; Mon, 1 Jan 2024 09:00:02 +0900",
      "Received: from mx.example.co.jp ([127.0.0.1]) by localhost (mx.example.co.jp [127.0.0.1]) (amavisd-new, port 10024) with ESMTP id B; Mon, 1 Jan 2024 09:00:01 +0900",
      "Received: from relay.example.net (relay.example.net [60.26.146.1]) by mx.example.co.jp (Postfix) with ESMTPS id C; Mon, 1 Jan 2024 09:00:00 +0900",
      "Received: from [10.0.0.5] (unknown [133.0.0.1]) by relay.example.net with ESMTPSA id D; Mon, 1 Jan 2024 08:59:59 +0900",
      "From: a@example.co.jp",
    ]);
    expect(a.route.origin).toMatchObject({ hopIndex: 2, ip: "60.26.146.1", country: "CN" });
    // Hops below the origin are the outside server's own claims.
    expect(a.route.hops[3]).toMatchObject({ fromIp: "133.0.0.1", unverified: true, trusted: false, authenticated: true });
  });

  it("cannot be moved by hops an attacker writes below the real origin", async () => {
    const a = await analyze([
      "Received: from evil.example (evil.example [60.26.146.1]) by mx.example.co.jp (Postfix) with ESMTP id A; Mon, 1 Jan 2024 09:00:00 +0900",
      "Received: from mail.example.go.jp (mail.example.go.jp [133.0.0.1]) by mx.example.co.jp (Postfix) with ESMTP id B; Mon, 1 Jan 2024 08:59:00 +0900",
      "Received: from localhost (localhost [127.0.0.1]) by mail.example.go.jp; Mon, 1 Jan 2024 08:58:00 +0900",
      "From: a@example.go.jp",
    ]);
    expect(a.route.origin).toMatchObject({ hopIndex: 0, ip: "60.26.146.1" });
  });

  it("uses the organisation's trusted relays, by verified name or address, never by HELO", async () => {
    const config: Config = { organization: { domains: ["example.co.jp"], trustedRelays: ["*.relay-service.example", "81.2.69.0/24"] } };
    const chain = (helo: string, rdns: string) => [
      "Received: from gw.relay-service.example (gw.relay-service.example [133.0.0.1]) by mbox.example.co.jp with ESMTP id A; Mon, 1 Jan 2024 09:00:02 +0900",
      "Received: from relay2 (relay2 [81.2.69.160]) by gw.relay-service.example with ESMTP id B; Mon, 1 Jan 2024 09:00:01 +0900",
      `Received: from ${helo} (${rdns} [60.26.146.1]) by relay2 with ESMTP id C; Mon, 1 Jan 2024 09:00:00 +0900`,
      "From: a@example.co.jp",
    ];
    const a = await analyze(chain("evil.example", "evil.example"), config);
    expect(a.route.origin).toMatchObject({ hopIndex: 2, ip: "60.26.146.1" });
    expect(a.route.enteredFromOutside).toBe(true);
    // A HELO claiming the relay's name from an unverified address is still outside.
    const forged = await analyze(chain("gw.relay-service.example", "unknown"), config);
    expect(forged.route.origin).toMatchObject({ hopIndex: 2, ip: "60.26.146.1" });
    // Without configuration the first public hop is only a best guess, and says so.
    const guessed = await analyze(chain("evil.example", "evil.example"));
    expect(guessed.route.origin).toMatchObject({ hopIndex: 0, ip: "133.0.0.1", uncertain: true });
    expect(codes(guessed)).toContain("ORIGIN_UNCERTAIN");
  });

  it("without configuration, walks past relays sharing the top receiver's domain by verified name", async () => {
    const a = await analyze([
      "Received: from gw.example.co.jp (gw.example.co.jp [133.0.0.1]) by mbox.example.co.jp with ESMTP id A; Mon, 1 Jan 2024 09:00:01 +0900",
      "Received: from evil.example (evil.example [60.26.146.1]) by gw.example.co.jp with ESMTP id B; Mon, 1 Jan 2024 09:00:00 +0900",
      "From: a@example.co.jp",
    ]);
    expect(a.route.origin).toMatchObject({ hopIndex: 1, ip: "60.26.146.1" });
  });

  it("knows a mail that stayed inside the organisation", async () => {
    const a = await analyze(
      [
        "Received: from mail1.example.co.jp (10.1.1.2) by mail2.example.co.jp (10.1.1.3) with Microsoft SMTP Server id 15.1.1.1; Mon, 1 Jan 2024 09:00:01 +0900",
        "Received: from pc123.example.co.jp ([192.168.1.20]) by mail1.example.co.jp with ESMTPSA id A; Mon, 1 Jan 2024 09:00:00 +0900",
        "From: a@example.co.jp",
      ],
      { organization: { domains: ["example.co.jp"] } },
    );
    expect(a.route.origin).toBeUndefined();
    expect(a.route.enteredFromOutside).toBe(false);
  });

  it("stops when a receiving hop names an outside sender but records no address", async () => {
    const a = await analyze([
      "Received: from mail.evil.example by mx.example.co.jp with SMTP; Mon, 1 Jan 2024 09:00:01 +0900",
      "Received: from x (x [60.26.146.1]) by mail.evil.example with SMTP; Mon, 1 Jan 2024 09:00:00 +0900",
      "From: a@example.co.jp",
    ]);
    expect(a.route.origin).toBeUndefined();
    expect(a.route.originStoppedAt).toBe(0);
    expect(a.route.hops[1]!.unverified).toBe(true);
  });

  it("calls documentation and private ranges 'special' / never a country", async () => {
    const a = await analyze(["Received: from x (x [192.0.2.45]) by mx.example.co.jp with ESMTP; Mon, 1 Jan 2024 09:00:00 +0900", "From: a@example.jp"]);
    expect(a.route.origin).toMatchObject({ ip: "192.0.2.45", country: "special" });
  });

  it("reads the client address webmail services claim", async () => {
    const a = await analyze([...O365, "X-Originating-IP: [198.51.100.77]"]);
    expect(a.route.claimedClientIp).toBe("198.51.100.77");
  });
});

describe("route limits and diagnostics", () => {
  it("keeps only maxReceivedHops hops and says so", async () => {
    const hops = Array.from({ length: 5 }, (_, i) => `Received: from h${i}.example (h${i}.example [10.0.0.${i + 1}]) by h${i + 1}.example with ESMTP; Mon, 1 Jan 2024 09:00:0${i} +0900`);
    const a = await analyzeText(eml([...hops, "From: a@example.jp"], "x"), undefined, { limits: { maxReceivedHops: 3 } });
    expect(a.route.hops).toHaveLength(3);
    expect(codes(a)).toContain("TOO_MANY_HOPS");
    expect(a.incomplete).toBe(true);
  });

  it("reports an unreadable hop and carries on", async () => {
    const a = await analyze([
      "Received: garbage here; Mon, 1 Jan 2024 09:00:01 +0900",
      "Received: from evil.example (evil.example [60.26.146.1]) by mx.example.co.jp with ESMTP; Mon, 1 Jan 2024 09:00:00 +0900",
      "From: a@example.jp",
    ]);
    expect(a.route.hops[0]!.parsed).toBe(false);
    expect(a.route.origin).toMatchObject({ ip: "60.26.146.1" });
    expect(a.diagnostics.find((d) => d.code === "RECEIVED_UNPARSED")).toMatchObject({ level: "warning" });
  });

  it("survives a lookup that throws", async () => {
    const a = await analyzeText(eml(O365, "x"), undefined, {
      lookupCountry: () => {
        throw new Error("broken table");
      },
    });
    expect(a.route.origin).toMatchObject({ ip: "60.26.146.1" });
    expect(a.route.origin!.country).toBeUndefined();
  });
});
