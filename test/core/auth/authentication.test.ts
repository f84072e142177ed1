import { describe, expect, it } from "vitest";
import { senderAuthentication } from "../../../src/core/auth/alignment.js";
import { analyzeText, eml } from "../../helpers/build.js";

const codes = (a: { diagnostics: readonly { code: string }[] }) => a.diagnostics.map((d) => d.code);

describe("which Authentication-Results are believed", () => {
  it("trusts Microsoft 365's id-less results above the origin hop", async () => {
    const a = await analyzeText(
      eml([
        "Received: from AM7PR02CA0005.eurprd02.prod.outlook.com (2603:10a6:20b:100::15) by MN2PR19MB3966.namprd19.prod.outlook.com with HTTPS; Thu, 3 Nov 2022 04:56:16 +0000",
        "Authentication-Results: spf=fail (sender IP is 198.51.100.9) smtp.mailfrom=example.jp; dkim=none (message not signed) header.d=none;dmarc=fail action=oreject header.from=example.jp;compauth=fail reason=000",
        "Received: from evil.example (198.51.100.9) by AM7PR02CA0005.mail.protection.outlook.com (10.1.1.1) with Microsoft SMTP Server; Thu, 3 Nov 2022 04:56:15 +0000",
        "Authentication-Results: evil.example; dmarc=pass header.from=example.jp",
        "From: a@example.jp",
      ]),
    );
    const auth = a.authentication;
    expect(auth).toMatchObject({ spf: "fail", dmarc: "fail", compauth: "fail" });
    // The sender's own "dmarc=pass" below the origin is shown but not believed.
    expect(auth.results.find((r) => r.authservId === "evil.example")).toMatchObject({ result: "pass", trusted: false });
    expect(codes(a)).toContain("AUTH_RESULTS_UNTRUSTED");
  });

  it("trusts a milter's field just below its MTA's Received when the authserv-id is that MTA (RFC 8601 §5)", async () => {
    const a = await analyzeText(
      eml([
        "Received: from evil.example (evil.example [198.51.100.9]) by mx.example.co.jp (Postfix) with ESMTP id A; Mon, 1 Jan 2024 09:00:00 +0900",
        "Authentication-Results: mx.example.co.jp; spf=softfail smtp.mailfrom=a@example.go.jp; dkim=none; dmarc=fail header.from=example.go.jp",
        "From: a@example.go.jp",
      ]),
    );
    expect(a.authentication).toMatchObject({ spf: "softfail", dmarc: "fail" });
    expect(a.authentication.results.every((r) => r.trusted)).toBe(true);
  });

  it("trusts configured authserv-ids wherever they sit, and nothing without a receiver", async () => {
    const headers = ["From: a@example.jp", "Authentication-Results: filter.example.co.jp; dmarc=fail header.from=example.jp"];
    const none = await analyzeText(eml(headers));
    expect(none.authentication.dmarc).toBeUndefined();
    const configured = await analyzeText(eml(headers), { organization: { domains: ["example.co.jp"], authservIds: ["filter.example.co.jp"] } });
    expect(configured.authentication.dmarc).toBe("fail");
  });

  it("summarises DKIM as pass when any trusted signature passes (RFC 6376 §6.1)", async () => {
    const a = await analyzeText(
      eml([
        "Authentication-Results: mx.google.com; dkim=fail header.i=@list.example; dkim=pass header.i=@example.org; spf=pass smtp.mailfrom=a@example.org; dmarc=pass (p=NONE) header.from=example.org",
        "Received: from out.example.org (out.example.org. [192.0.2.8]) by mx.google.com with ESMTPS id x; Mon, 1 Jan 2024 00:00:00 +0000",
        "From: a@example.org",
      ]),
    );
    expect(a.authentication).toMatchObject({ dkim: "pass", spf: "pass", dmarc: "pass" });
    expect(senderAuthentication(a.authentication, "example.org")).toMatchObject({ fromAuthenticated: true, dkimAlignedPass: true, spfAlignedPass: true });
  });

  it("reads the receiver's ARC verdict and what the first ARC hop saw", async () => {
    const a = await analyzeText(
      eml([
        "ARC-Authentication-Results: i=2; mx.google.com; dkim=pass header.i=@example.ee; arc=pass (i=1); spf=neutral smtp.mailfrom=fwd@forwarder.example; dmarc=fail header.from=example.ee",
        "Authentication-Results: mx.google.com; dkim=fail header.i=@example.ee; arc=pass (i=1 spf=pass dkim=pass); spf=neutral smtp.mailfrom=fwd@forwarder.example; dmarc=fail (p=NONE) header.from=example.ee",
        "Received: from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by mx.google.com with SMTPS id e21; Mon, 02 Nov 2020 01:57:24 -0800 (PST)",
        "ARC-Authentication-Results: i=1; mx.forwarder.example; dkim=pass header.i=@example.ee; spf=pass smtp.mailfrom=a@example.ee; dmarc=pass header.from=example.ee",
        "From: a@example.ee",
      ]),
    );
    expect(a.authentication.arc).toBe("pass");
    const auth = senderAuthentication(a.authentication, "example.ee");
    expect(auth).toMatchObject({ arcPass: true, arcOriginal: "pass", fromAuthenticated: true });
    expect(a.authentication.results.find((r) => r.arcInstance === 1)).toMatchObject({ fromArc: true, trusted: false });
  });

  it("returns an empty summary for a mail without any results", async () => {
    const a = await analyzeText(eml(["From: a@example.jp", "Subject: x"]));
    expect(a.authentication).toEqual({ results: [] });
  });
});
