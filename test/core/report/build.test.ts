/**
 * buildReport, reportText and reportSubject on small mails of our own: what the person answered,
 * hidden characters, HTML bodies, limits, and the schema's own documentation.
 */
import { describe, expect, it } from "vitest";
import {
  buildReport,
  defaultAnswers,
  normalizeAnswers,
  REPORT_SCHEMA_VERSION,
  REPORT_TEXT,
  reportSubject,
  reportText,
  type ReporterAnswers,
} from "../../../src/core/index.js";
import { analyzeEml, snapshotFromEml } from "../../../src/hosts/eml/index.js";
import { eml } from "../../helpers/build.js";
import { REPORT_SCHEMA, reportSchemaErrors } from "../../helpers/report-schema.js";
import { beforeHeaders, REPORTED_AT, reportOf } from "./helpers.js";

const b64 = (text: string): string => Buffer.from(text, "utf8").toString("base64");

const BASE_HEADERS = [
  "Received: from mx.example.co.jp (mx.example.co.jp [192.0.2.10]) by mail.example.co.jp (Postfix) with ESMTPS id 1; Thu, 26 Nov 2026 10:02:11 +0900",
  "Received: from out.example.net (out.example.net [198.51.100.5]) by mx.example.co.jp (Postfix) with ESMTP id 2; Thu, 26 Nov 2026 10:02:09 +0900",
  "From: Sender <sender@example.net>",
  "To: a@example.co.jp, B <b@example.co.jp>, c@partner.example.com",
  "Cc: A <A@example.co.jp>",
  "Date: Thu, 26 Nov 2026 09:01:50 +0800",
  "Message-ID: <m1@example.net>",
  "MIME-Version: 1.0",
];

function htmlMail(html: string, extraHeaders: readonly string[] = []): string {
  return eml([...BASE_HEADERS, ...extraHeaders, "Subject: html", "Content-Type: text/html; charset=UTF-8", "Content-Transfer-Encoding: base64"], b64(html));
}

describe("hidden and control characters", () => {
  // An attacker writes a terminal escape, a right-to-left override and a zero-width space into
  // the subject, the sender's name, a file name and the body.
  const hostile = eml(
    [
      ...BASE_HEADERS,
      `Subject: =?UTF-8?B?${b64("\u001b[2J請求書\u202Efdp.exe")}?=`,
      'Content-Type: multipart/mixed; boundary="b"',
    ],
    [
      "--b",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: base64",
      "",
      b64("本文\u202Etxt.exe\nPay\u200Bpal http://evil.example.com/\u0007x\n"),
      "--b",
      `Content-Type: application/octet-stream; name="=?UTF-8?B?${b64("invoice\u202Efdp.exe")}?="`,
      "Content-Disposition: attachment",
      "Content-Transfer-Encoding: base64",
      "",
      b64("MZ"),
      "--b--",
      "",
    ].join("\r\n"),
  );

  it("are written as [U+XXXX] everywhere in the text, and in the JSON's body text", async () => {
    const report = await reportOf(hostile.replace("From: Sender", `From: =?UTF-8?B?${b64("Pay\u200Bpal \u202Eサポート")}?=`));
    for (const lang of ["ja", "en"] as const) {
      const text = reportText(report, lang);
      for (const hidden of ["\u001b", "\u202E", "\u200B", "\u0007"]) expect(text).not.toContain(hidden);
      expect(text).toContain("[U+001B][2J請求書[U+202E]fdp.exe");
      expect(text).toContain("invoice[U+202E]fdp.exe");
      expect(text).toContain("Pay[U+200B]pal [U+202E]サポート");
      expect(text).toContain("本文[U+202E]txt.exe");
      expect(reportSubject(report, lang)).toContain("[U+202E]");
    }
    expect(report.checklist.item4_message.bodyText).toBe("本文[U+202E]txt.exe\nPay[U+200B]pal hxxp://evil[.]example[.]com/[U+0007]x");
    // The JSON keeps what the mail says; the schema still holds.
    expect(report.checklist.item4_message.subject).toBe("\u001b[2J請求書\u202Efdp.exe");
    expect(reportSchemaErrors(JSON.parse(JSON.stringify(report)))).toEqual([]);
  });
});

describe("identifiers", () => {
  it("keep mail addresses and Message-IDs as written, but defang a URL where an address should be", async () => {
    const report = await reportOf(
      eml(["From: <http://evil.example.com/x>", "Reply-To: help.desk@support.example.com", "Message-ID: <nl-2026.abc@news.example.com>", "Subject: s"], "x"),
    );
    const text = beforeHeaders(reportText(report, "en"), "en");
    expect(text).toContain("help.desk@support.example.com");
    expect(text).toContain("<nl-2026.abc@news.example.com>");
    expect(text).not.toContain("http://evil.example.com");
  });
});

describe("the person's answers", () => {
  const answers: ReporterAnswers = {
    senderConfirmation: "sender-denied",
    antivirusProduct: "ESET Endpoint Security 11",
    antivirusDetected: "yes",
    antivirusDetectionName: "Win32/Agent.ABC",
    colleaguesReceived: "3",
    openedAttachment: "yes",
    clickedLink: "no",
    whatHappened: "Word が開いて、すぐに閉じた。\nその後 http://evil.example.com/p が一瞬表示された。",
    damage: "不明",
    operatingSystem: "Windows 11 Pro 23H2",
    clientVersion: "Outlook 16.0.17928.20114",
    shareWithVendors: true,
    comments: "至急確認をお願いします。",
  };

  it("fill their items, and free text is defanged and kept on its own lines", async () => {
    const report = await reportOf(htmlMail("<p>x</p>"), { answers, environment: { operatingSystem: "ignored", clientVersion: "ignored", hostName: "Outlook", platform: "PC" } });
    const c = report.checklist;
    expect(c.item2_sender.senderConfirmation).toBe("sender-denied");
    expect(c.item3_antivirus).toMatchObject({ antivirusProduct: "ESET Endpoint Security 11", antivirusDetected: "yes", antivirusDetectionName: "Win32/Agent.ABC" });
    expect(c.item5_recipients).toMatchObject({ colleaguesReceived: "3", openedAttachment: "yes" });
    expect(c.item6_whatHappened.clickedLink).toBe("no");
    expect(c.item8_environment).toEqual({ operatingSystem: "Windows 11 Pro 23H2", clientVersion: "Outlook 16.0.17928.20114", hostName: "Outlook", platform: "PC" });
    expect(c.item9_shareWithVendors.shareWithVendors).toBe(true);
    expect(report.comments).toBe("至急確認をお願いします。");
    expect(reportSchemaErrors(JSON.parse(JSON.stringify(report)))).toEqual([]);

    const ja = reportText(report, "ja");
    expect(ja).toContain("送信者は「送っていない」と回答(なりすまし)");
    expect(ja).toContain("検知名(ウイルス名): Win32/Agent.ABC");
    expect(ja).toContain("        | その後 hxxp://evil[.]example[.]com/p が一瞬表示された。");
    expect(ja).toContain("セキュリティ対策ソフトベンダー等への提供: 提供してよい");
    expect(ja).toContain("その他・コメント");
    expect(ja).not.toContain(REPORT_TEXT.notAnswered.ja);
    const en = reportText(report, "en");
    expect(en).toContain("Sharing with security vendors: allowed");
    expect(en).toContain("Did I open the attachment: yes");
  });

  it("that are blank show as not answered, and item 9 stays no", async () => {
    const report = await reportOf(htmlMail("<p>x</p>"));
    const ja = reportText(report, "ja");
    expect(ja.split(REPORT_TEXT.notAnswered.ja).length - 1).toBeGreaterThanOrEqual(5);
    expect(ja).toContain("提供しないでください");
    expect(reportText(report, "en")).toContain("(not answered)");
  });

  it("are cleaned of anything a form could send by mistake", () => {
    const messy = { senderConfirmation: "maybe", antivirusDetected: 1, shareWithVendors: "true", damage: "  none  ", comments: null } as unknown as Partial<ReporterAnswers>;
    const clean = normalizeAnswers(messy, { operatingSystem: "macOS 15", clientVersion: "Outlook 16.90" });
    expect(clean).toEqual({ ...defaultAnswers({ operatingSystem: "macOS 15", clientVersion: "Outlook 16.90" }), damage: "none" });
    expect(defaultAnswers({ operatingSystem: "", clientVersion: "" }).shareWithVendors).toBe(false);
  });
});

describe("facts the mail does not give", () => {
  it("are null in the JSON and said so in the text; without a config, no internal count and the default prefix", async () => {
    const bare = eml(["From: a@example.com", "To: b@example.org"], "hello\r\n");
    const report = await reportOf(bare, {}, null);
    expect(report.checklist.item1_receivedAt).toEqual({ receivedAt: null, receivedBy: null, dateHeader: null, sentAt: null });
    expect(report.checklist.item4_message.subject).toBeNull();
    expect(report.checklist.item5_recipients.internalRecipients).toBeNull();
    expect(report.securityDesk).toEqual({ address: null, subjectPrefix: null });
    expect(report.original).toBeUndefined();
    expect(reportSchemaErrors(JSON.parse(JSON.stringify(report)))).toEqual([]);
    const ja = reportText(report, "ja");
    expect(ja).toContain("受信日時(組織のメールサーバーの記録): (不明)");
    expect(ja).toContain("件名: (なし)");
    const tag = ` [ctm:${report.reportId.slice(0, 8)}]`;
    expect(reportSubject(report, "ja")).toBe(`[不審メール報告] (件名なし)${tag}`);
    expect(reportSubject(report, "en")).toBe(`[Suspicious mail report] (no subject)${tag}`);
  });

  it("a mail with no body says so", async () => {
    const report = await reportOf(eml(["From: a@example.com", "To: b@example.org", "Subject: empty"], ""));
    expect(report.checklist.item4_message).toMatchObject({ bodyText: "", bodySource: "none", bodyClipped: false });
    expect(reportText(report, "en")).toContain("Body: (no body, or it could not be read)");
  });
});

describe("item 1 and item 5", () => {
  it("give the receiving server's time in its own zone, and count visible and internal recipients", async () => {
    const report = await reportOf(htmlMail("<p>x</p>"));
    expect(report.checklist.item1_receivedAt.receivedAt).toBe("2026-11-26T10:02:11+09:00");
    expect(report.checklist.item1_receivedAt.sentAt).toBe("2026-11-26T09:01:50+08:00");
    // a, b, c in To; A in Cc is a's address again (addresses compare without case).
    expect(report.checklist.item5_recipients).toMatchObject({ to: 3, cc: 1, visibleRecipients: 3, internalRecipients: 2 });
    expect(reportText(report, "ja")).toContain("3 件(To 3、Cc 1)、うち組織内 2 件");
  });
});

describe("item 4's body from HTML", () => {
  const html = [
    "<html><head><title>t</title><style>p{}</style></head><body>",
    "<p>ご確認ください: <a href='http://203.0.113.7/x.php'>https://www.example.go.jp/</a></p>",
    "<div style='display:none'>hidden padding words</div>",
    "<script>alert('x')</script>",
    "<p><a href='https://same.example.com/'>https://same.example.com/</a> <a href='mailto:help@example.net'>help@example.net</a></p>",
    "<ul><li>one</li><li>two</li></ul>",
    "<p><img src='cid:logo' alt='Logo'></p>",
    "</body></html>",
  ].join("");

  it("is what the person saw, with each link's real destination written out, defanged", async () => {
    const report = await reportOf(htmlMail(html));
    expect(report.checklist.item4_message.bodySource).toBe("html");
    expect(report.checklist.item4_message.bodyText).toBe(
      [
        "ご確認ください: hxxps://www[.]example[.]go[.]jp/ <hxxp://203[.]0[.]113[.]7/x.php>",
        "",
        "hxxps://same[.]example[.]com/ help@example.net",
        "",
        "- one",
        "- two",
        "",
        "[Logo]",
      ].join("\n"),
    );
    expect(report.indicators.emailAddresses).toContainEqual({ address: "help@example.net", role: "link" });
  });

  it("is cut at the limit, and the text says the original has it whole", async () => {
    const long = `<p>${"長い本文です。".repeat(2000)}</p>`;
    const report = await reportOf(htmlMail(long), { limits: { maxBodyChars: 100 } });
    expect(report.checklist.item4_message.bodyClipped).toBe(true);
    expect(report.checklist.item4_message.bodyText.length).toBe(100);
    expect(reportText(report, "ja")).toContain(REPORT_TEXT.bodyClipped.ja);
    const short = await reportOf(htmlMail("<p>短い</p>"), { limits: { maxBodyChars: 100 } });
    expect(short.checklist.item4_message.bodyClipped).toBe(false);
  });

  it("reads at most maxHtmlChars of markup, so hostile nesting cannot stall the report", async () => {
    const hostile = `<p>始まり</p>${"<font><p>".repeat(200_000)}`;
    // No time is asserted (speed is the benchmarks' job): parsing the whole nest took minutes.
    const report = await reportOf(htmlMail(hostile));
    expect(report.checklist.item4_message.bodyText.startsWith("始まり")).toBe(true);
    expect(report.checklist.item4_message.bodyClipped).toBe(true);
  });
});

describe("indicators", () => {
  it("include the real destination behind a Safe Links wrapper, once each", async () => {
    const wrapped = "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fevil.example.com%2Flogin&data=05&reserved=0";
    const report = await reportOf(htmlMail(`<a href="${wrapped}">a</a> <a href="${wrapped}">b</a>`));
    const urls = report.indicators.urls.map((u) => u.url);
    expect(urls).toContain("https://evil.example.com/login");
    expect(new Set(urls).size).toBe(urls.length);
    expect(report.indicators.domains).toContain("evil.example.com");
  });
});

describe("item 3's verdict headers", () => {
  it("lists them, at most the limit, and counts them all", async () => {
    const mail = htmlMail("<p>x</p>", ["X-Spam-Status: Yes, score=9.1 required=5.0", "X-Virus-Scanned: ClamAV using ClamSMTP"]);
    const all = await reportOf(mail);
    expect(all.checklist.item3_antivirus.verdictHeaders).toEqual([
      { name: "X-Spam-Status", value: "Yes, score=9.1 required=5.0" },
      { name: "X-Virus-Scanned", value: "ClamAV using ClamSMTP" },
    ]);
    const one = await reportOf(mail, { limits: { maxVerdictHeaders: 1 } });
    expect(one.checklist.item3_antivirus).toMatchObject({ verdictHeaderCount: 2 });
    expect(one.checklist.item3_antivirus.verdictHeaders).toHaveLength(1);
    expect(reportText(one, "en")).toContain("and 1 more (see the full headers)");
  });
});

describe("length limits", () => {
  it("cut the raw headers first, then the rest, to fit a channel such as Outlook's 32 KB body", async () => {
    const padding = Array.from({ length: 400 }, (_, i) => `X-Padding-${i}: ${"x".repeat(60)}`);
    const report = await reportOf(htmlMail("<p>x</p>", padding));
    const full = reportText(report, "en");
    expect(full.length).toBeGreaterThan(20_000);
    const fitted = reportText(report, "en", { maxLength: 8000 });
    expect(fitted.length).toBeLessThanOrEqual(8000);
    expect(fitted).toContain("(9) Whether the mail may be given to security vendors");
    expect(fitted).toContain(REPORT_TEXT.headersHeading.en);
    expect(fitted).toContain(REPORT_TEXT.textCut.en);
    const tiny = reportText(report, "en", { maxLength: 500 });
    expect(tiny.length).toBeLessThanOrEqual(500);
    expect(tiny.endsWith(`${REPORT_TEXT.textCut.en}\n`)).toBe(true);
  });

  it("mark a header block cut by the report's own limit", async () => {
    const report = await reportOf(htmlMail("<p>x</p>"), { limits: { maxHeaderChars: 100 } });
    expect(report.headers).toHaveLength(100);
    expect(report.headersTruncated).toBe(true);
    expect(reportText(report, "ja")).toContain(REPORT_TEXT.headersTruncated.ja);
  });

  it("cut every value the mail gives to maxValueChars, and say where and from how much (clipped)", async () => {
    const report = await reportOf(
      eml(
        [`From: "${"x".repeat(6000)}" <a@example.com>`, `Subject: ${"件".repeat(5000)}`, `X-Long: ${"y".repeat(900_000)}`, "Content-Type: text/plain"],
        `${"body line\n".repeat(500)}`,
      ),
    );
    const c = report.checklist;
    expect(c.item2_sender.fromName).toHaveLength(4096);
    expect(c.item4_message.subject).toBe("件".repeat(4096));
    expect(report.clipped).toEqual([
      { path: "/checklist/item2_sender/fromName", chars: 6000, keptChars: 4096 },
      { path: "/checklist/item4_message/subject", chars: 5000, keptChars: 4096 },
      { path: "/checklist/item4_message/bodyText", chars: 4999, keptChars: 4000 },
      { path: "/headers", chars: expect.any(Number), keptChars: 262_144 },
    ]);
    expect(report.clipped[3]!.chars).toBeGreaterThan(262_144);
    // Each path is a JSON Pointer into the report, to the value as cut.
    const at = (path: string): unknown => path.split("/").slice(1).reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], report);
    for (const clip of report.clipped) expect((at(clip.path) as string).length).toBe(clip.keptChars);
    expect(reportSchemaErrors(JSON.parse(JSON.stringify(report)))).toEqual([]);
    // Bounded: 900 KB of header in the mail, the report's JSON and text stay near their limits.
    expect(JSON.stringify(report).length).toBeLessThan(300_000);
    const text = reportText(report, "en");
    expect(text.length).toBeLessThan(300_000);
    expect(text).toContain("- /checklist/item4_message/subject: 4096 of 5000 characters kept");
    expect(reportText(report, "ja")).toContain("- /checklist/item4_message/subject: 5000 文字のうち先頭の 4096 文字");
  });

  it("list nothing as clipped when nothing was cut", async () => {
    expect((await reportOf(htmlMail("<p>x</p>"))).clipped).toEqual([]);
  });
});

describe("reportSubject", () => {
  it("takes an explicit prefix, defangs the subject, keeps it on one line and within 255 characters", async () => {
    const report = await reportOf(
      eml(["From: a@example.com", `Subject: =?UTF-8?B?${b64("Re: http://evil.example.com/\n次へ ")}?=`], "x"),
    );
    expect(reportSubject(report, "en", "[CSIRT]")).toBe(`[CSIRT] Re: hxxp://evil[.]example[.]com/[U+000A]次へ [ctm:${report.reportId.slice(0, 8)}]`);
    // The id's tag stays whole at the end, however long the subject.
    const long = await reportOf(eml(["From: a@example.com", `Subject: ${"a".repeat(400)}`], "x"));
    expect(reportSubject(long, "ja")).toHaveLength(255);
    expect(reportSubject(long, "ja").endsWith(`a [ctm:${long.reportId.slice(0, 8)}]`)).toBe(true);
  });
});

describe("the reporter and the time", () => {
  it("head the text", async () => {
    const bytes = new TextEncoder().encode(htmlMail("<p>x</p>"));
    const analysis = await analyzeEml(bytes);
    const snapshot = await snapshotFromEml(bytes);
    const report = buildReport({
      analysis,
      snapshot,
      answers: defaultAnswers({ operatingSystem: "", clientVersion: "" }),
      reportedAt: REPORTED_AT,
      reporter: { name: "鈴木 一郎", address: "suzuki@example.co.jp" },
      source: "demo",
    });
    const ja = beforeHeaders(reportText(report, "ja"), "ja");
    expect(ja).toContain("報告者: 鈴木 一郎 <suzuki@example.co.jp>");
    expect(ja).toContain("報告日時: 2026-11-26 03:00:00 UTC");
    expect(ja).toContain(REPORT_TEXT.originalAttached.ja);
    expect(reportText(report, "en", { original: "none" })).toContain(REPORT_TEXT.originalMissing.en);
    expect(reportText(report, "en", { original: "file" })).toContain(REPORT_TEXT.originalFromFile.en);
  });
});

describe("docs/report.schema.json", () => {
  it("describes every property it lists", () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${path}[${i}]`));
      if (typeof node !== "object" || node === null) return;
      const record = node as Record<string, unknown>;
      if (record.properties && typeof record.properties === "object") {
        for (const [name, schema] of Object.entries(record.properties as Record<string, Record<string, unknown>>)) {
          if (typeof schema.description !== "string" || schema.description.length < 5) missing.push(`${path}.${name}`);
        }
      }
      for (const [key, child] of Object.entries(record)) walk(child, `${path}/${key}`);
    };
    walk(REPORT_SCHEMA, "#");
    expect(missing).toEqual([]);
  });

  it("names the version in its $id and pins schemaVersion to it", () => {
    expect(REPORT_SCHEMA.$id).toBe(`urn:check-this-mail:report:${REPORT_SCHEMA_VERSION}`);
    expect((REPORT_SCHEMA.properties as Record<string, { const?: string }>).schemaVersion!.const).toBe(REPORT_SCHEMA_VERSION);
  });
});
