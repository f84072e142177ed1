import { describe, expect, it } from "vitest";
import { REPLY_TO_DIVERGES } from "../../../src/core/rules/sender/reply-to-diverges.js";
import { RETURN_PATH_DIVERGES } from "../../../src/core/rules/sender/return-path-diverges.js";
import { check, o365, ORG, PASS, postfix, severityOf } from "./mail.js";

describe("REPLY_TO_DIVERGES", () => {
  const RULE = [REPLY_TO_DIVERGES];
  const ID = "REPLY_TO_DIVERGES";
  const mail = (...headers: string[]) => postfix({ headers: ["Subject: s", ...headers] });

  it("is medium when replies go to a free mail account from a company address", async () => {
    const a = await check(mail("From: CEO <ceo@company.example>", "Reply-To: ceo.private@gmail.com"), RULE);
    expect(severityOf(a, ID)).toBe("medium");
    expect(a.findings[0]!.evidence.map((e) => e.value)).toEqual(["ceo@company.example", "ceo.private@gmail.com"]);
  });

  it("counts access providers' consumer mailboxes as free mail", async () => {
    expect(severityOf(await check(mail("From: Ledger Finance <no-reply@notification.example>", "Reply-To: x.y@bluewin.ch"), RULE), ID)).toBe("medium");
  });

  it("is medium when a well-known organisation's own domain routes replies to someone else's", async () => {
    const a = await check(mail("From: notificaciones@bbva.mx", "Reply-To: info@travel-agency.example"), RULE);
    expect(severityOf(a, ID)).toBe("medium");
    // Its other domains are its own: no more than the ordinary low.
    expect(severityOf(await check(mail("From: service@paypal.com", "Reply-To: help@paypal-communication.com"), RULE), ID)).toBe("low");
  });

  it("is medium when an internal-looking sender routes replies outside, low for other domains", async () => {
    expect(severityOf(await check(mail("From: it@example.co.jp", "Reply-To: helpdesk@other.example"), RULE, ORG), ID)).toBe("medium");
    expect(severityOf(await check(mail("From: news@shop.example", "Reply-To: support@shop-help.example"), RULE), ID)).toBe("low");
  });

  it("stays quiet for the same organisation, mailing lists and the Sender's domain", async () => {
    expect(severityOf(await check(mail("From: a@mail.shop.example", "Reply-To: b@shop.example"), RULE), ID)).toBeUndefined();
    const group = { sameOrganizationDomains: [["shop.example", "shop-help.example"]] };
    expect(severityOf(await check(mail("From: a@shop.example", "Reply-To: b@shop-help.example"), RULE, group), ID)).toBeUndefined();
    const list = mail("From: alice@uni.example", "Reply-To: users@lists.project.example", "List-Id: Project users <users.lists.project.example>", "List-Post: <mailto:users@lists.project.example>");
    expect(severityOf(await check(list, RULE), ID)).toBeUndefined();
    const sender = mail("From: boss@company.example", "Sender: assistant@agency.example", "Reply-To: assistant@agency.example");
    expect(severityOf(await check(sender, RULE), ID)).toBeUndefined();
  });
});

describe("RETURN_PATH_DIVERGES", () => {
  const RULE = [RETURN_PATH_DIVERGES];
  const ID = "RETURN_PATH_DIVERGES";

  it("is low when the bounce domain is unrelated and authentication failed", async () => {
    const a = await check(
      o365({ auth: "spf=fail smtp.mailfrom=evil.example; dmarc=fail action=none header.from=bank.example", headers: ["Return-Path: <x@evil.example>", "From: info@bank.example", "Subject: s"] }),
      RULE,
    );
    expect(severityOf(a, ID)).toBe("low");
  });

  it("is low when a company's mail bounces to a free mail account", async () => {
    const a = await check(postfix({ headers: ["Return-Path: <someone@gmail.com>", "From: info@bank.example", "Subject: s"] }), RULE);
    expect(severityOf(a, ID)).toBe("low");
  });

  it("stays quiet for newsletter services' bounce domains, list bounces and null senders", async () => {
    const esp = o365({ auth: PASS, headers: ["Return-Path: <bounce-123@bounces.esp.example>", "From: news@sender.example", "Subject: s"] });
    expect(severityOf(await check(esp, RULE), ID)).toBeUndefined();
    const noAuth = postfix({ headers: ["Return-Path: <bounce-123@bounces.esp.example>", "From: news@sender.example", "Subject: s"] });
    expect(severityOf(await check(noAuth, RULE), ID)).toBeUndefined();
    const group = postfix({ headers: ["Return-Path: <sentto-1-2@returns.groups.yahoo.com>", "From: a@uni.example", "Subject: s"] });
    expect(severityOf(await check(group, RULE), ID)).toBeUndefined();
    const bounce = postfix({ headers: ["Return-Path: <>", "From: MAILER-DAEMON@mx.example.org", "Subject: s"] });
    expect(severityOf(await check(bounce, RULE), ID)).toBeUndefined();
  });
});
