import { describe, expect, it } from "vitest";
import { INTERNAL_SENDER_EXTERNAL_ORIGIN } from "../../../src/core/rules/sender/internal-sender-external-origin.js";
import { MASS_INTERNAL_RECIPIENTS } from "../../../src/core/rules/sender/mass-internal-recipients.js";
import { eml } from "../../helpers/build.js";
import { codes, check, o365, ORG, PASS, severityOf } from "./mail.js";

const INTERNAL_CHAIN = [
  "Received: from mail1.example.co.jp (10.1.1.2) by mail2.example.co.jp (10.1.1.3) with Microsoft SMTP Server id 15.1.1.1; Mon, 1 Jan 2024 09:00:01 +0900",
  "Received: from pc123.example.co.jp ([192.168.1.20]) by mail1.example.co.jp with ESMTP id A; Mon, 1 Jan 2024 09:00:00 +0900",
];
const recipients = (n: number): string => `To: ${Array.from({ length: n }, (_, i) => `exec${i}@example.co.jp`).join(", ")}`;

describe("INTERNAL_SENDER_EXTERNAL_ORIGIN", () => {
  const RULE = [INTERNAL_SENDER_EXTERNAL_ORIGIN];
  const ID = "INTERNAL_SENDER_EXTERNAL_ORIGIN";

  it("fires high for an internal sender address on mail that came from outside (the seed's case 3)", async () => {
    const a = await check(o365({ headers: ["From: Info Systems <it@example.co.jp>", "Subject: 注意喚起"] }), RULE, ORG);
    expect(severityOf(a, ID)).toBe("high");
    expect(a.findings[0]!.evidence.map((e) => e.value)).toContain("it@example.co.jp");
  });

  it("stays quiet for mail that stayed inside, and for external senders", async () => {
    const inside = await check(eml([...INTERNAL_CHAIN, "From: it@example.co.jp", "Subject: s"], "x"), RULE, ORG);
    expect(severityOf(inside, ID)).toBeUndefined();
    const external = await check(o365({ headers: ["From: a@partner.example", "Subject: s"] }), RULE, ORG);
    expect(severityOf(external, ID)).toBeUndefined();
  });

  it("is low when the organisation's domain authenticated the outside sender (an authorised service)", async () => {
    const auth = PASS.replaceAll("sender.example", "example.co.jp");
    const a = await check(o365({ auth, ip: "133.0.0.1", headers: ["From: news@example.co.jp", "Subject: s"] }), RULE, ORG);
    expect(severityOf(a, ID)).toBe("low");
  });

  it("is medium again when that authenticated outside hop is in another country than the organisation's", async () => {
    const auth = PASS.replaceAll("sender.example", "example.co.jp");
    // 60.26.146.1 is CN in the test lookup; 133.0.0.1 is JP (the organisation's country).
    const abroad = await check(o365({ auth, ip: "60.26.146.1", headers: ["From: news@example.co.jp", "Subject: s"] }), RULE, ORG);
    expect(severityOf(abroad, ID)).toBe("medium");
    expect(abroad.findings[0]!.evidence.map((e) => e.value)).toEqual(expect.arrayContaining(["CN", "JP"]));
    const home = await check(o365({ auth, ip: "133.0.0.1", headers: ["From: news@example.co.jp", "Subject: s"] }), RULE, ORG);
    expect(severityOf(home, ID)).toBe("low");
  });

  it("needs the organisation's domains and says so", async () => {
    const a = await check(o365({ headers: ["From: it@example.co.jp", "Subject: s"] }), RULE);
    expect(a.findings).toEqual([]);
    expect(codes(a)).toContain("NO_ORGANIZATION");
  });
});

describe("MASS_INTERNAL_RECIPIENTS", () => {
  const RULE = [MASS_INTERNAL_RECIPIENTS];
  const ID = "MASS_INTERNAL_RECIPIENTS";

  it("fires for many internal recipients of a mail from outside; high when it also poses as internal", async () => {
    const external = await check(o365({ headers: ["From: a@partner.example", recipients(12), "Subject: s"] }), RULE, ORG);
    expect(severityOf(external, ID)).toBe("medium");
    const posing = await check(o365({ headers: ["From: it@example.co.jp", recipients(150), "Subject: s"] }), RULE, ORG);
    expect(severityOf(posing, ID)).toBe("high");
    expect(posing.findings[0]!.evidence[0]!.value).toBe("150");
  });

  it("stays quiet for internal announcements and below the threshold", async () => {
    const announcement = await check(eml([...INTERNAL_CHAIN, "From: it@example.co.jp", recipients(150), "Subject: s"], "x"), RULE, ORG);
    expect(severityOf(announcement, ID)).toBeUndefined();
    const few = await check(o365({ headers: ["From: a@partner.example", recipients(9), "Subject: s"] }), RULE, ORG);
    expect(severityOf(few, ID)).toBeUndefined();
    const threshold = await check(o365({ headers: ["From: a@partner.example", recipients(9), "Subject: s"] }), RULE, { ...ORG, massRecipientThreshold: 5 });
    expect(severityOf(threshold, ID)).toBe("medium");
  });

  it("needs the organisation's domains and says so", async () => {
    const a = await check(o365({ headers: ["From: a@partner.example", recipients(20), "Subject: s"] }), RULE);
    expect(codes(a)).toContain("NO_ORGANIZATION");
  });
});
