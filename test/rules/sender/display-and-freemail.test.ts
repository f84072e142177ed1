import { describe, expect, it } from "vitest";
import { DISPLAY_NAME_SPOOF } from "../../../src/core/rules/sender/display-name-spoof.js";
import { FREEMAIL_ORG_CLAIM } from "../../../src/core/rules/sender/freemail-org-claim.js";
import { check, o365, ORG, PASS, postfix, severityOf } from "./mail.js";

const FAILED = "spf=none smtp.mailfrom=evil.example; dkim=none;dmarc=none action=none header.from=evil.example;compauth=fail reason=001";

describe("DISPLAY_NAME_SPOOF", () => {
  const RULE = [DISPLAY_NAME_SPOOF];
  const ID = "DISPLAY_NAME_SPOOF";
  const withName = (from: string, auth: string | undefined = FAILED) => o365({ auth, headers: [`From: ${from}`, "Subject: s"] });

  it("is high when the name shows another address and the real one is not authenticated", async () => {
    const a = await check(withName('"support@bank.co.jp" <x@evil.example>'), RULE);
    expect(severityOf(a, ID)).toBe("high");
    expect(a.findings[0]!.evidence.map((e) => e.value)).toEqual(["support@bank.co.jp", "x@evil.example"]);
  });

  it("is medium for a domain or a well-known name in the display name", async () => {
    expect(severityOf(await check(withName('"Amazon.co.jp" <info@evil.example>'), RULE), ID)).toBe("medium");
    expect(severityOf(await check(withName('"PayPal Service" <info@evil.example>'), RULE), ID)).toBe("medium");
    expect(severityOf(await check(withName('"楽天カード株式会社" <info@evil.example>'), RULE), ID)).toBe("medium");
  });

  it("reads a possessive as the name itself, and ambiguous brand words when they are the whole name", async () => {
    expect(severityOf(await check(withName(`"Prime's Video Suspended" <x@evil.example>`), RULE), ID)).toBe("medium");
    expect(severityOf(await check(withName("Amazon’s Billing <x@evil.example>"), RULE), ID)).toBe("medium");
    expect(severityOf(await check(withName("Ledger <noreply@evil.example>"), RULE), ID)).toBe("medium");
    expect(severityOf(await check(withName("NORTON <x@evil.example>"), RULE), ID)).toBe("medium");
    // The same words inside an ordinary name, and the brand on its own domain, stay quiet.
    expect(severityOf(await check(withName("General Ledger Team <gl@accounting.example>"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(withName("Chase Miller <chase@consulting.example>"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(withName("Chase <chase.m@consulting.example>"), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(withName("Ledger <hello@ledger.com>"), RULE), ID)).toBeUndefined();
  });

  it("is high for the organisation's own domain on an outside address", async () => {
    expect(severityOf(await check(withName('"example.co.jp IT desk" <it@evil.example>'), RULE, ORG), ID)).toBe("high");
  });

  it("stays quiet on the near misses", async () => {
    // The name names the address's own organisation.
    expect(severityOf(await check(withName('"Amazon.co.jp" <store-news@amazon.co.jp>'), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(withName('"PayPal" <service@mail.paypal.com>'), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(withName('"a@x.example" <a@x.example>'), RULE), ID)).toBeUndefined();
    // Words that only look like domains, and ordinary names.
    expect(severityOf(await check(withName('"Mr.Smith" <smith@evil.example>'), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(withName('"Chase Miller" <chase@evil.example>'), RULE), ID)).toBeUndefined();
  });

  it("is low for services that relay on someone's behalf, and lower without any authentication data", async () => {
    const docs = postfix({ authservId: "mx.example.co.jp", auth: "dkim=pass header.d=google.com; dmarc=pass header.from=google.com", headers: ['From: "Jane (jane@example.org) via Google Docs" <drive-shares-noreply@google.com>', "Subject: s"] });
    expect(severityOf(await check(docs, RULE), ID)).toBe("low");
    const old = postfix({ headers: ['From: "CNET News.com Daily" <dispatch@newsletter.online.example>', "Subject: s"] });
    expect(severityOf(await check(old, RULE), ID)).toBe("low");
  });
});

describe("FREEMAIL_ORG_CLAIM", () => {
  const RULE = [FREEMAIL_ORG_CLAIM];
  const ID = "FREEMAIL_ORG_CLAIM";
  const mail = (from: string, body?: string) => postfix({ headers: [`From: ${from}`, "Subject: s"], body });

  it("is high for a government office on a free mail address, medium for a company", async () => {
    expect(severityOf(await check(mail('"経済産業省 情報政策課" <meti.info@gmail.com>'), RULE), ID)).toBe("high");
    expect(severityOf(await check(mail('"Ministry of Finance" <mof@yahoo.com>'), RULE), ID)).toBe("high");
    expect(severityOf(await check(mail('"株式会社サンプル 経理部" <keiri.sample@yahoo.co.jp>'), RULE), ID)).toBe("medium");
    expect(severityOf(await check(mail('"Bank Support" <bank.support@outlook.com>'), RULE), ID)).toBe("medium");
    expect(severityOf(await check(mail('"ＡＢＣ銀行" <abc@docomo.ne.jp>'), RULE), ID)).toBe("medium");
  });

  it("reads the signature when the name is plain (low for a company, medium for a government office)", async () => {
    const company = "ご確認をお願いします。\r\n\r\n--\r\n山田 太郎\r\n株式会社サンプル 営業部\r\nTEL 03-0000-0000\r\n";
    expect(severityOf(await check(mail("Taro Yamada <taro.y@gmail.com>", company), RULE), ID)).toBe("low");
    const ministry = "よろしくお願いいたします。\r\n\r\n総務省 情報流通行政局\r\n";
    expect(severityOf(await check(mail("Taro Yamada <taro.y@gmail.com>", ministry), RULE), ID)).toBe("medium");
  });

  it("is medium when a free address writes about a well-known organisation in the subject", async () => {
    const subjectMail = (from: string, subject: string) => postfix({ headers: [`From: ${from}`, `Subject: ${subject}`] });
    const a = await check(subjectMail("saj sfh <sajsfh2346@gmail.com>", "Norton antivirus no. #4611QDS#"), RULE);
    expect(severityOf(a, ID)).toBe("medium");
    expect(a.findings[0]!.evidence.map((e) => e.value)).toEqual(["Norton antivirus no. #4611QDS#", "sajsfh2346@gmail.com"]);
    // The provider's own brand in the subject is not a claim ("Google DKIM test" from gmail.com).
    expect(severityOf(await check(subjectMail("Jeff <jeff@gmail.com>", "Testing Google DKIM-Signature headers"), RULE), ID)).toBeUndefined();
    // An ordinary word that shares a brand's name does not count.
    expect(severityOf(await check(subjectMail("Jeff <jeff@gmail.com>", "Chase the report please"), RULE), ID)).toBeUndefined();
  });

  it("stays quiet on the near misses", async () => {
    // A person on free mail.
    expect(severityOf(await check(mail("Taro Yamada <taro.y@gmail.com>", "Thanks!\r\n"), RULE), ID)).toBeUndefined();
    // "省" inside a word is not a ministry ("省エネ" = energy saving).
    expect(severityOf(await check(mail('"省エネ好きの太郎" <taro@gmail.com>'), RULE), ID)).toBeUndefined();
    // A company claim from the company's own domain is not free mail.
    expect(severityOf(await check(mail('"株式会社サンプル" <info@sample.co.jp>'), RULE), ID)).toBeUndefined();
    // The free mail service's own system mail.
    expect(severityOf(await check(mail('"Microsoft Outlook" <postmaster@outlook.com>'), RULE), ID)).toBeUndefined();
    expect(severityOf(await check(o365({ auth: PASS, headers: ['From: "Microsoft account team" <account-security@outlook.com>', "Subject: s"] }), RULE), ID)).toBeUndefined();
  });
});
