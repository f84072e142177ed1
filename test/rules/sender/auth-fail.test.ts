import { describe, expect, it } from "vitest";
import { AUTH_FAIL } from "../../../src/core/rules/sender/auth-fail.js";
import { eml } from "../../helpers/build.js";
import { codes, check, o365, postfix, severityOf } from "./mail.js";

const RULE = [AUTH_FAIL];
const ID = "AUTH_FAIL";
const FROM = ["From: Bank <info@bank.example>", "Subject: s"];

describe("AUTH_FAIL", () => {
  it("is high for DMARC fail under a reject/quarantine policy and for compauth reason 000", async () => {
    const a = await check(o365({ auth: "spf=fail (sender IP is 60.26.146.1) smtp.mailfrom=bank.example; dkim=none (message not signed) header.d=none;dmarc=fail action=oreject header.from=bank.example;compauth=fail reason=000", headers: FROM }), RULE);
    expect(severityOf(a, ID)).toBe("high");
    const values = a.findings[0]!.evidence.map((e) => e.value);
    expect(values.some((v) => v.startsWith("dmarc=fail"))).toBe(true);
    expect(values.some((v) => v.startsWith("compauth=fail"))).toBe(true);
    const gmail = await check(postfix({ authservId: "mx.example.co.jp", auth: "dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=bank.example", headers: FROM }), RULE);
    expect(severityOf(gmail, ID)).toBe("high");
  });

  it("is high for DMARC fail of a government sender whatever the policy", async () => {
    const a = await check(postfix({ auth: "spf=fail smtp.mailfrom=a@example.go.jp; dkim=none; dmarc=fail header.from=example.go.jp", headers: ["From: a@example.go.jp", "Subject: s"] }), RULE);
    expect(severityOf(a, ID)).toBe("high");
  });

  it("is medium for DMARC fail under p=none, compauth fail, SPF hard fail", async () => {
    expect(severityOf(await check(o365({ auth: "spf=none smtp.mailfrom=bank.example; dmarc=fail action=none header.from=bank.example", headers: FROM }), RULE), ID)).toBe("medium");
    expect(severityOf(await check(o365({ auth: "spf=none (sender IP is 60.26.146.1) smtp.mailfrom=x.example; dkim=none;dmarc=none action=none header.from=bank.example;compauth=fail reason=001", headers: FROM }), RULE), ID)).toBe("medium");
    expect(severityOf(await check(postfix({ auth: "spf=fail smtp.mailfrom=a@bank.example", headers: FROM }), RULE), ID)).toBe("medium");
  });

  it("rates softfail and a broken signature by whether anything else vouches for the sender", async () => {
    // Nothing passes: softfail is the only word on the sender, and it is against it.
    expect(severityOf(await check(postfix({ auth: "spf=softfail smtp.mailfrom=a@bank.example; dkim=none", headers: FROM }), RULE), ID)).toBe("medium");
    // SPF passed for the list's envelope: a broken signature (a footer added) is only context.
    expect(severityOf(await check(postfix({ auth: "spf=pass smtp.mailfrom=list@lists.example.org; dkim=fail header.d=bank.example", headers: FROM }), RULE), ID)).toBe("low");
    // A bounce: SPF on the HELO identity only.
    expect(severityOf(await check(postfix({ auth: "spf=fail smtp.helo=relay3.example.com", headers: FROM }), RULE), ID)).toBe("low");
  });

  it("stays quiet on forwarded mail whose DKIM still passes (SPF breaks in forwarding)", async () => {
    const a = await check(postfix({ auth: "spf=fail smtp.mailfrom=a@bank.example; dkim=pass header.d=bank.example; dmarc=pass header.from=bank.example", headers: FROM }), RULE);
    expect(severityOf(a, ID)).toBeUndefined();
  });

  it("drops to low when the receiver's ARC check passed and the first ARC hop saw the original pass", async () => {
    const a = await check(
      postfix({
        auth: "dkim=fail header.d=bank.example; arc=pass (i=1); spf=fail smtp.mailfrom=fwd@list.example; dmarc=fail (p=REJECT) header.from=bank.example",
        headers: [...FROM, "ARC-Authentication-Results: i=1; lists.example; dkim=pass header.d=bank.example; dmarc=pass header.from=bank.example"],
      }),
      RULE,
    );
    expect(severityOf(a, ID)).toBe("low");
    // ...but not when the first hop already saw it fail.
    const failedFirst = await check(
      postfix({
        auth: "dkim=fail header.d=bank.example; arc=pass (i=1); dmarc=fail (p=REJECT) header.from=bank.example",
        headers: [...FROM, "ARC-Authentication-Results: i=1; lists.example; dmarc=fail header.from=bank.example"],
      }),
      RULE,
    );
    expect(severityOf(failedFirst, ID)).toBe("high");
  });

  it("is medium when the receiver's checks pass but the first ARC hop saw DMARC fail (a relay laundered it)", async () => {
    // As Exchange Online delivers mail relayed through another tenant: the receiver's own ARC
    // seal (i=2, above the boundary) verified the chain; the first seal (i=1) recorded the
    // original failure when the mail entered from an unauthorised server.
    const relayed = (firstHop: string): string =>
      eml(
        [
          "Received: from MN2PR19MB3966.namprd19.prod.outlook.com (::1) by MN0PR19MB6312.namprd19.prod.outlook.com with HTTPS; Thu, 3 Nov 2022 04:56:17 +0000",
          "ARC-Authentication-Results: i=2; mx.microsoft.com 1; spf=pass smtp.mailfrom=promo.example; dmarc=pass header.from=promo.example; arc=pass (0 oda=0 ltdi=1)",
          "Authentication-Results: spf=pass (sender IP is 52.102.194.43) smtp.mailfrom=promo.example; dkim=none (message not signed) header.d=none;dmarc=pass action=none header.from=promo.example;compauth=pass reason=100",
          "Received: from OS8PR02CU002.outbound.protection.outlook.com (52.102.194.43) by VI1EUR05FT048.mail.protection.outlook.com (10.233.243.188) with Microsoft SMTP Server id 15.20.5791.20 via Frontend Transport; Thu, 3 Nov 2022 04:56:15 +0000",
          `ARC-Authentication-Results: i=1; mx.microsoft.com 1; ${firstHop}`,
          "Received: from promo.example (23.81.33.35) by TY2PEPF0000AB83.mail.protection.outlook.com (10.167.253.4) with Microsoft SMTP Server id 15.20.5791.20; Thu, 3 Nov 2022 04:56:10 +0000",
          "From: Deals <x@promo.example>",
          "Subject: s",
        ],
        "Hello.\r\n",
      );
    const laundered = await check(relayed("spf=fail (sender ip is 23.81.33.35) smtp.mailfrom=promo.example; dmarc=fail (p=none sp=none pct=100) action=none header.from=promo.example; arc=none (0)"), RULE);
    expect(severityOf(laundered, ID)).toBe("medium");
    const values = laundered.findings.flatMap((f) => f.evidence.map((e) => e.value));
    expect(values.some((v) => v.startsWith("dmarc=fail") && v.includes("mx.microsoft.com"))).toBe(true);
    // A list that rewrote From: the first hop's failure was the author's domain, not this one.
    const rewritten = await check(relayed("dmarc=fail action=none header.from=author.example; arc=none (0)"), RULE);
    expect(severityOf(rewritten, ID)).toBeUndefined();
    // The same chain whose first hop saw a pass: nothing to say.
    const clean = await check(relayed("spf=pass smtp.mailfrom=promo.example; dmarc=pass action=none header.from=promo.example; arc=none (0)"), RULE);
    expect(severityOf(clean, ID)).toBeUndefined();
  });

  it("drops to low when Microsoft's composite verdict passes or soft-passes", async () => {
    const a = await check(o365({ auth: "spf=none smtp.helo=x.example; dkim=none;dmarc=fail action=none header.from=bank.example;compauth=softpass reason=202", headers: FROM }), RULE);
    expect(severityOf(a, ID)).toBe("low");
  });

  it("ignores results the sender wrote itself and says when none are there", async () => {
    const forged = await check(eml(["Received: from x (x [60.26.146.1]) by mx.example.co.jp; Mon, 1 Jan 2024 09:00:00 +0900", "Authentication-Results: attacker.example; dmarc=fail header.from=bank.example", ...FROM], "x"), RULE);
    expect(severityOf(forged, ID)).toBeUndefined();
    expect(codes(forged)).toContain("AUTH_RESULTS_MISSING");
  });
});
