/**
 * The report cannot be forged by the mail it reports (issue 15, part 3). The mail below carries
 * its own JSON marker lines with a "clean" verdict and sharing allowed, and a fake item (9), as
 * colon-less header lines at column 0, as folded header lines (a parser that trims sees them),
 * in its body, and in a mailto: link. In every form of the report — the plain text (command
 * line, `check-this-mail report`), Thunderbird's plain-text draft, Outlook's HTML draft read
 * back as text — the desk's documented algorithm (test/helpers/report-block.ts) finds the real
 * report, and no line the mail wrote, trimmed, is a marker or starts a checklist item.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseHtml } from "parse5";
import { describe, expect, it } from "vitest";
import { main, type Io } from "../../src/cli/main.js";
import { ITEM_HEADINGS, jsonBeginLine, jsonEndLine, newReportId, reportSubject, reportText, type Report } from "../../src/core/report/index.js";
import { draftBody, plainDraftBody } from "../../src/taskpane/report.js";
import { eml } from "../helpers/build.js";
import { findReportJson, structuralLines } from "../helpers/report-block.js";
import { reportSchemaErrors } from "../helpers/report-schema.js";
import { REPORTED_AT, reportOf } from "../core/report/helpers.js";

/** A fixed random source: the report's id is then known (0x5a… → "5a5a…"). */
const FIXED_RANDOM = (bytes: Uint8Array): Uint8Array => bytes.fill(0x5a);
const FORGED_ID = "0".repeat(32);
const FORGED_JSON = JSON.stringify({
  schemaVersion: "1.1",
  reportId: FORGED_ID,
  analysis: { verdict: "clean", findings: [] },
  checklist: { item9_shareWithVendors: { shareWithVendors: true } },
});
/** What an attacker would write to pass for the report's own lines, old markers and new. */
const FORGED_LINES = [
  "-----BEGIN CHECK-THIS-MAIL REPORT JSON-----",
  FORGED_JSON,
  "-----END CHECK-THIS-MAIL REPORT JSON-----",
  jsonBeginLine(FORGED_ID),
  FORGED_JSON,
  jsonEndLine(FORGED_ID),
  `(9) ${ITEM_HEADINGS[8]!.en}`,
  "    Sharing with security vendors: allowed",
  `(9) ${ITEM_HEADINGS[8]!.ja}`,
  "    セキュリティ対策ソフトベンダー等への提供: 提供してよい",
];

function hostileMail(html: boolean): string {
  const headers = [
    "Received: from mx.evil.example (mx.evil.example [198.51.100.9]) by mail.example.co.jp (Postfix) with ESMTP id 1; Thu, 26 Nov 2026 10:02:11 +0900",
    // Colon-less lines at column 0: copied into the header block as they are.
    ...FORGED_LINES,
    "From: Support <support@evil.example>",
    "To: suzuki@example.co.jp",
    // Folded lines: a parser that trims sees a marker and an item line.
    "X-Note: see below",
    ...FORGED_LINES.map((line, i) => `${i % 2 === 0 ? " " : "\t"}${line}`),
    "Subject: invoice.pdf.exe [ctm:00000000]",
    "Date: Thu, 26 Nov 2026 09:01:50 +0800",
    "Message-ID: <forged@evil.example>",
    "MIME-Version: 1.0",
    html ? 'Content-Type: text/html; charset="utf-8"' : 'Content-Type: text/plain; charset="utf-8"',
  ];
  const text = ["Please open the attachment.", "", ...FORGED_LINES, "", `  ${FORGED_LINES[3]}`, "end"];
  const body = html
    ? `<p>Please open it.</p><pre>${FORGED_LINES.join("\n")}</pre><p><a href="mailto:(9)%20allowed%40x@evil.example">(9) allowed</a> <a href="https://evil.example/(9)">x</a></p>`
    : text.join("\r\n");
  return eml(headers, body);
}

/** The real report's lines: exactly its two markers, last, and the nine items in order, once each. */
function expectOnlyOwnStructure(body: string, report: Report, lang: "ja" | "en", withJson: boolean): void {
  const { markers, items } = structuralLines(body);
  expect(markers).toEqual(withJson ? [jsonBeginLine(report.reportId), jsonEndLine(report.reportId)] : []);
  expect(items).toEqual(ITEM_HEADINGS.map((heading, i) => `(${i + 1}) ${heading[lang]}`));
}

/** The real report, as the desk's algorithm finds it: the id, the verdict and item 9 are the report's, not the mail's. */
function expectRealReport(body: string, subject: string, report: Report): void {
  const found = findReportJson(body, subject);
  expect(found.reportId).toBe(report.reportId);
  expect(found.json).toEqual(JSON.parse(JSON.stringify(report)));
  expect(reportSchemaErrors(found.json)).toEqual([]);
}

/** The text of an HTML draft body, block after block, as the desk's client shows it. */
function htmlText(html: string): string {
  type Node = { nodeName: string; tagName?: string; value?: string; childNodes?: Node[] };
  const text = (node: Node): string => (node.nodeName === "#text" ? (node.value ?? "") : (node.childNodes ?? []).map(text).join(""));
  const blocks: string[] = [];
  const walk = (node: Node): void => {
    if (node.tagName === "pre" || node.tagName === "p") blocks.push(text(node));
    else for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parseHtml(html) as unknown as Node);
  return blocks.join("\n");
}

describe.each([
  ["a text body", false],
  ["an HTML body", true],
] as const)("a mail forging the report's JSON and item (9), with %s", (_name, html) => {
  const reportPromise = reportOf(hostileMail(html), { random: FIXED_RANDOM });

  it("keeps every forged line in the report, quoted", async () => {
    const report = await reportPromise;
    expect(report.reportId).toBe("5a".repeat(16));
    // The mail's lines really are in the header block and the body (else this test proves nothing).
    expect(report.headers).toContain(`\r\n${jsonBeginLine(FORGED_ID)}\r\n`);
    expect(report.headers).toContain(`\r\n\t${FORGED_JSON}\r\n`);
    expect(report.checklist.item4_message.bodyText).toContain("(9)");
    expect(report.checklist.item4_message.bodyText).toContain("-----BEGIN CHECK-THIS-MAIL REPORT JSON");
    expect(report.checklist.item9_shareWithVendors.shareWithVendors).toBe(false);
  });

  it.each(["ja", "en"] as const)("the plain text (%s): no mail line passes for a marker or an item", async (lang) => {
    const report = await reportPromise;
    const text = reportText(report, lang);
    expectOnlyOwnStructure(text, report, lang, false);
    expect(text).toContain(`| ${jsonBeginLine(FORGED_ID)}`);
    expect(text).toContain(`| \t${FORGED_JSON}`);
  });

  it.each(["ja", "en"] as const)("Thunderbird's plain-text draft (%s): the desk finds the real JSON", async (lang) => {
    const report = await reportPromise;
    const { body } = plainDraftBody(report, lang, reportText);
    expectOnlyOwnStructure(body, report, lang, true);
    expectRealReport(body, reportSubject(report, lang), report);
  });

  it.each(["ja", "en"] as const)("Outlook's HTML draft read as text (%s): the desk finds the real JSON", async (lang) => {
    const report = await reportPromise;
    const draft = draftBody(report, lang, reportText);
    expect(draft.jsonOmitted).toBe(false);
    const body = htmlText(draft.html);
    expectOnlyOwnStructure(body, report, lang, true);
    expectRealReport(body, reportSubject(report, lang), report);
  });

  it("the subject ends with the real id's tag, after the mail's forged one", async () => {
    const report = await reportPromise;
    const subject = reportSubject(report, "en");
    expect(subject).toContain("[ctm:00000000]");
    expect(subject.endsWith(" [ctm:5a5a5a5a]")).toBe(true);
  });
});

describe("check-this-mail report on the forging mail", () => {
  it("prints text in which no mail line passes for a marker or an item", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ctm-forgery-"));
    const file = join(dir, "forged.eml");
    await writeFile(file, hostileMail(false));
    const out: string[] = [];
    const io: Io = { stdout: (t) => out.push(t), stderr: () => undefined, env: {}, stdoutIsTty: false, stderrIsTty: false, now: () => REPORTED_AT, random: FIXED_RANDOM };
    expect(await main(["report", "--lang", "en", file], io)).toBe(0);
    const text = out.join("");
    expect(text).toContain(`| ${FORGED_LINES[0]}`);
    const { markers, items } = structuralLines(text);
    expect(markers).toEqual([]);
    expect(items).toEqual(ITEM_HEADINGS.map((heading, i) => `(${i + 1}) ${heading.en}`));
    expect(text).toContain("Subject: [Suspicious mail report] invoice.pdf.exe [ctm:00000000] [ctm:5a5a5a5a]\n");
  });
});

describe("the report's id", () => {
  it("is 128 random bits, new for each report, and kept when the caller names it", async () => {
    const ids = new Set(Array.from({ length: 50 }, () => newReportId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    const mail = eml(["From: a@example.com", "Subject: s"], "x");
    const [a, b] = [await reportOf(mail), await reportOf(mail)];
    expect(a.reportId).not.toBe(b.reportId);
    const again = await reportOf(mail, { reportId: a.reportId });
    expect(again.reportId).toBe(a.reportId);
    // A malformed id is not taken: a new one is made.
    expect((await reportOf(mail, { reportId: "X".repeat(32), random: FIXED_RANDOM })).reportId).toBe("5a".repeat(16));
  });

  it("a block whose END line is missing, or whose JSON names another id, is no report", async () => {
    const report = await reportOf(eml(["From: a@example.com", "Subject: s"], "x"), { random: FIXED_RANDOM });
    const { body } = plainDraftBody(report, "en", reportText);
    expect(() => findReportJson(body.replace(jsonEndLine(report.reportId), ""))).toThrow(/no END line/);
    expect(() => findReportJson(body.replace(`"reportId":"${report.reportId}"`, `"reportId":"${FORGED_ID}"`))).toThrow(/reportId/);
    expect(() => findReportJson(body, "[Suspicious mail report] s [ctm:00000000]")).toThrow(/subject names/);
    expect(findReportJson(body.replaceAll("\n", "\r\n"), `${reportSubject(report, "en")}  `).reportId).toBe(report.reportId);
  });
});
