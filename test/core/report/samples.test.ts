/**
 * The report of every sample mail (samples/*.eml with samples/config.example.json): all nine
 * items, links defanged everywhere but the raw headers, the JSON valid against the schema the
 * desk is given (docs/report.schema.json), the original carried byte for byte.
 */
import { describe, expect, it } from "vitest";
import { GEO_ATTRIBUTION } from "../../../src/core/geo/index.js";
import { ITEM_HEADINGS, REPORT_SCHEMA_VERSION, reportSubject, reportText, type Report } from "../../../src/core/index.js";
import { LANGUAGES } from "../../../src/core/i18n.js";
import { reportSchemaErrors } from "../../helpers/report-schema.js";
import { beforeHeaders, reportOf, SAMPLE_MAILS } from "./helpers.js";

const reports = new Map<string, Report>();
async function sampleReport(name: string, bytes: Uint8Array): Promise<Report> {
  if (!reports.has(name)) reports.set(name, await reportOf(bytes, { originalEml: bytes, reporter: { name: "鈴木 一郎", address: "suzuki@example.co.jp" } }));
  return reports.get(name)!;
}

describe.each(SAMPLE_MAILS)("the report of samples/$name", ({ name, bytes }) => {
  it("validates against docs/report.schema.json, and survives a JSON round trip unchanged", async () => {
    const report = await sampleReport(name, bytes);
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    const document = JSON.parse(JSON.stringify(report)) as unknown;
    expect(reportSchemaErrors(document)).toEqual([]);
    // Nothing undefined or non-JSON hides in the object the hosts hold.
    expect(document).toEqual(report);
  });

  it("carries the original byte for byte, and the header block as received", async () => {
    const report = await sampleReport(name, bytes);
    expect(report.original?.mediaType).toBe("message/rfc822");
    expect(new Uint8Array(Buffer.from(report.original!.data, "base64"))).toEqual(bytes);
    expect(report.original?.size).toBe(bytes.length);
    const text = Buffer.from(bytes).toString("latin1");
    expect(text.startsWith(report.headers.trimEnd())).toBe(true);
    expect(report.headersTruncated).toBe(false);
  });

  it("fills the facts the mail gives and defaults what only the person knows (item 9: no)", async () => {
    const { checklist: c } = await sampleReport(name, bytes);
    expect(c.item1_receivedAt.receivedAt).toMatch(/^2026-11-26T\d\d:\d\d:\d\d\+09:00$/);
    expect(c.item1_receivedAt.dateHeader).toMatch(/2026/);
    expect(c.item2_sender.fromAddress).toContain("@");
    expect(c.item2_sender.senderConfirmation).toBe("not-yet");
    expect(c.item4_message.subject).not.toBeNull();
    expect(c.item4_message.bodySource).not.toBe("none");
    expect(c.item5_recipients.visibleRecipients).toBeGreaterThan(0);
    // The example organisation is configured: every sample goes to its own people.
    expect(c.item5_recipients.internalRecipients).toBe(c.item5_recipients.visibleRecipients);
    expect(c.item8_environment.operatingSystem).toBe("Windows 11 23H2");
    expect(c.item9_shareWithVendors.shareWithVendors).toBe(false);
    for (const a of c.item4_message.attachments) expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(LANGUAGES)("reads as all nine items in order, in %s, with no live link before the raw headers", async (lang) => {
    const report = await sampleReport(name, bytes);
    const text = reportText(report, lang);
    const positions = ITEM_HEADINGS.map((heading, i) => text.indexOf(`(${i + 1}) ${heading[lang]}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const readable = beforeHeaders(text, lang);
    // The one URL of our own: DB-IP's attribution, which its licence asks for.
    const live = readable.replaceAll(GEO_ATTRIBUTION.url, "").match(/https?:\/\/|www\./gi) ?? [];
    expect(live).toEqual([]);
    for (const url of report.indicators.urls) {
      expect(readable).not.toContain(url.url);
      expect(readable).toContain(url.defanged);
    }
    for (const domain of report.indicators.domains) expect(readable).toContain(domain.replaceAll(".", "[.]"));
    // The raw headers come last, as received, and the text says so.
    expect(text.slice(readable.length)).toContain(report.headers.split(/\r?\n/)[0]);
    expect(text.endsWith("\n")).toBe(true);
    expect(text).not.toContain("\r");
  });

  it("starts its subject with the desk's configured prefix", async () => {
    const report = await sampleReport(name, bytes);
    const subject = reportSubject(report, "en");
    expect(subject.startsWith("[不審メール報告] ")).toBe(true);
    expect(subject).toContain(report.checklist.item4_message.subject!.slice(0, 10));
  });
});

describe("sample case 1 (a government sender, sent from abroad)", () => {
  it("lists the disguised link, its real IP destination and the attachment's hash among the indicators", async () => {
    const sample = SAMPLE_MAILS.find((s) => s.name.startsWith("case1"))!;
    const report = await sampleReport(sample.name, sample.bytes);
    expect(report.indicators.urls).toEqual([
      { url: "http://203.0.113.7/download/youryou.php", defanged: "hxxp://203[.]0[.]113[.]7/download/youryou.php", host: "203.0.113.7", registrableDomain: "203.0.113.7" },
    ]);
    expect(report.indicators.ips.map((ip) => [ip.ip, ip.role])).toEqual([
      ["60.26.146.23", "origin"],
      ["192.0.2.10", "hop"],
      ["10.1.2.3", "hop"],
      ["203.0.113.7", "link"],
    ]);
    expect(report.indicators.emailAddresses).toEqual([
      { address: "chotatsu@kikou-sample.go.jp", role: "from" },
      { address: "chotatsu.kikou@gmail.com", role: "reply-to" },
    ]);
    expect(report.indicators.attachments).toEqual([
      { name: "調達要領.pdf.exe", sha256: report.checklist.item4_message.attachments[0]!.sha256, size: 120, kind: expect.any(String) },
    ]);
    expect(report.checklist.item1_receivedAt).toEqual({
      receivedAt: "2026-11-26T10:02:11+09:00",
      receivedBy: "mail.example.co.jp",
      dateHeader: "Thu, 26 Nov 2026 09:01:50 +0800",
      sentAt: "2026-11-26T09:01:50+08:00",
    });
    expect(report.checklist.item2_sender.replyTo).toEqual([{ name: "", address: "chotatsu.kikou@gmail.com" }]);
    expect(report.analysis.verdict).toBe("danger");
    // What the person saw, and where the link really went, both defanged.
    expect(report.checklist.item4_message.bodyText).toContain(
      "hxxps://www[.]kikou-sample[.]go[.]jp/chotatsu/2027.html <hxxp://203[.]0[.]113[.]7/download/youryou.php>",
    );
  });
});
