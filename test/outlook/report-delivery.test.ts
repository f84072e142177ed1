/**
 * Delivering the report (src/taskpane/report.ts): the mail draft's body is escaped text that no
 * mail content can turn into markup (proved by parsing it back), it stays within Outlook's 32 KB
 * with all nine items, and the intake POST succeeds, fails, times out — and never loses the
 * report: every failure opens the draft or says why not.
 */
import { parse as parseHtml } from "parse5";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Config } from "../../src/core/config.js";
import { analyze } from "../../src/core/analyze.js";
import { buildReport, defaultAnswers, REPORT_SCHEMA_VERSION, reportSubject, reportText, type Report, type ReporterAnswers } from "../../src/core/report/index.js";
import { ITEM_HEADINGS } from "../../src/core/report/strings.js";
import { snapshotFromEml } from "../../src/hosts/eml/snapshot.js";
import { displayNewMessageForm, type NewMessage } from "../../src/hosts/outlook/new-message-form.js";
import {
  ATTACHMENT_NAME,
  deliverReport,
  draftBody,
  draftMessage,
  escapeHtml,
  escapeHtmlText,
  HTML_BODY_MAX,
  postReport,
  referenceOf,
  type DeliveryDeps,
} from "../../src/taskpane/report.js";
import { FIXED_NOW } from "../helpers/build.js";
import { findReportJson } from "../helpers/report-block.js";
import { reportSchemaErrors } from "../helpers/report-schema.js";
import { readSample, SAMPLE_CONFIG, standIn } from "./helpers.js";

const ENV = { operatingSystem: "Windows 11", clientVersion: "Outlook for Windows (classic) 16.0.18129.20116" };
const REPORTED_AT = new Date("2026-11-26T03:00:00Z");

/** Markup an attacker would like to see rendered in the desk's mail client. */
const PAYLOADS = [
  "</pre><script>alert(1)</script>",
  '<img src=x onerror="alert(2)">',
  "</div></pre><iframe src=https://evil.example/></iframe>",
  "<!-- <textarea> ]]> &amp; &lt;b&gt; &#x3C;svg onload=alert(3)&#x3E;",
  "<pre>\n\n",
];

async function reportOf(eml: string | Uint8Array, answers: Partial<ReporterAnswers> = {}, config: Config = SAMPLE_CONFIG, originalEml?: Uint8Array): Promise<Report> {
  const snapshot = await snapshotFromEml(eml);
  const analysis = analyze(snapshot, { config, now: FIXED_NOW });
  return buildReport({
    analysis,
    snapshot,
    answers: { ...defaultAnswers(ENV), ...answers },
    reportedAt: REPORTED_AT,
    reporter: { name: "鈴木 花子", address: "suzuki@example.co.jp" },
    config,
    source: "outlook",
    environment: { ...ENV, hostName: "Outlook", platform: "PC" },
    ...(originalEml ? { originalEml } : {}),
  });
}

function hostileMail(extraHeaders = "", links = 0): string {
  const anchors = Array.from({ length: links }, (_, i) => `<a href="https://l${i}.evil-${i}.example/p?q=${i}">link ${i}</a>`).join(" ");
  return [
    `From: "${PAYLOADS[0]}" <attacker@evil.example>`,
    "To: suzuki@example.co.jp",
    `Subject: ${PAYLOADS[1]} ${PAYLOADS[3]}`,
    "Date: Thu, 26 Nov 2026 09:01:50 +0800",
    "Message-ID: <hostile-1@evil.example>",
    `Reply-To: "${PAYLOADS[2]}" <reply@evil.example>`,
    extraHeaders,
    "MIME-Version: 1.0",
    'Content-Type: text/html; charset="utf-8"',
    "",
    `<html><body><p>&lt;/pre&gt;&lt;script&gt;alert(4)&lt;/script&gt;</p><p>${anchors}</p><a href="http://198.51.100.7/x">click here</a></body></html>`,
    "",
  ]
    .filter((line, i) => i !== 6 || line !== "")
    .join("\r\n");
}

/** A node of parse5's tree (the HTML standard's parser, as a mail client's). */
interface HtmlNode {
  readonly nodeName: string;
  readonly tagName?: string;
  readonly attrs?: readonly { readonly name: string; readonly value: string }[];
  readonly childNodes?: readonly HtmlNode[];
  readonly value?: string;
}

interface Parsed {
  readonly elements: readonly HtmlNode[];
  /** Elements of a tag name, in document order. */
  all(tag: string): HtmlNode[];
}

/** The draft body as the desk's mail client would parse it: the <body>'s elements. */
function parse(html: string): Parsed {
  const doc = parseHtml(`<!doctype html><html><body>${html}</body></html>`) as unknown as HtmlNode;
  const elements: HtmlNode[] = [];
  const walk = (node: HtmlNode, inBody: boolean): void => {
    for (const child of node.childNodes ?? []) {
      if (child.tagName !== undefined && inBody) elements.push(child);
      walk(child, inBody || child.tagName === "body");
    }
  };
  walk(doc, false);
  return { elements, all: (tag) => elements.filter((e) => e.tagName === tag) };
}

/** Text content, as the DOM's textContent. */
function text(node: HtmlNode): string {
  return node.nodeName === "#text" ? (node.value ?? "") : (node.childNodes ?? []).map(text).join("");
}

/** The draft body as text, as the desk's client shows it (its blocks one after the other). */
function bodyText(doc: Parsed): string {
  return doc.elements
    .filter((e) => e.tagName === "pre" || e.tagName === "p")
    .map(text)
    .join("\n");
}

/** Every element and attribute of a parsed draft body: only what draftBody writes. */
function structure(doc: Parsed): { tags: string[]; attributes: string[] } {
  return {
    tags: [...new Set(doc.elements.map((e) => e.tagName!.toUpperCase()))].sort(),
    attributes: [...new Set(doc.elements.flatMap((e) => (e.attrs ?? []).map((a) => a.name)))].sort(),
  };
}

function nineItems(text: string, lang: "ja" | "en"): boolean[] {
  return ITEM_HEADINGS.map((heading, i) => text.includes(`(${i + 1}) ${heading[lang]}`));
}

describe("escaping", () => {
  it("escapeHtml turns all five special characters into entities, and nothing else", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
    expect(escapeHtml("日本語 hxxp://example[.]com")).toBe("日本語 hxxp://example[.]com");
  });

  it("no payload survives as markup: parsing the escaped text gives back the text, in element content and in attributes", () => {
    for (const payload of PAYLOADS) {
      const doc = parse(`<pre>${escapeHtmlText(payload)}</pre><p title="${escapeHtml(payload)}">${escapeHtml(payload)}</p>`);
      expect(structure(doc)).toEqual({ tags: ["P", "PRE"], attributes: ["title"] });
      expect(text(doc.all("pre")[0]!)).toBe(payload.startsWith("\n") ? payload.slice(1) : payload);
      expect(text(doc.all("p")[0]!)).toBe(payload);
      expect(doc.all("p")[0]!.attrs).toEqual([{ name: "title", value: payload }]);
    }
  });
});

describe("the report mail's body", () => {
  it("a hostile mail and hostile answers: only the pane's own elements, the exact report text, and the JSON", async () => {
    const answers = { comments: PAYLOADS.join("\n"), whatHappened: PAYLOADS[1]!, antivirusDetectionName: PAYLOADS[2]! };
    const report = await reportOf(hostileMail(), answers);
    for (const lang of ["ja", "en"] as const) {
      const body = draftBody(report, lang, reportText);
      expect(body.jsonOmitted).toBe(false);
      const doc = parse(body.html);
      expect(structure(doc)).toEqual({ tags: ["DIV", "HR", "P", "PRE"], attributes: ["style"] });
      expect(["script", "img", "iframe", "svg", "textarea"].flatMap((t) => doc.all(t))).toEqual([]);
      const [textPre, jsonPre] = doc.all("pre");
      // What the desk reads is exactly the report text (the form's preview shows the same).
      expect(text(textPre!)).toBe(body.text);
      expect(body.text).toBe(reportText(report, lang));
      expect(nineItems(body.text, lang)).toEqual(Array(9).fill(true));
      // The JSON between the markers, found as the desk finds it in the body's text, is the report document.
      const json = text(jsonPre!);
      const found = findReportJson(bodyText(doc), reportSubject(report, lang));
      expect(found.json).toEqual(JSON.parse(JSON.stringify(report)));
      expect(json).toBe(`-----BEGIN CHECK-THIS-MAIL REPORT JSON ${report.reportId}-----\n${found.raw}\n-----END CHECK-THIS-MAIL REPORT JSON ${report.reportId}-----`);
      // …written so that the desk's client links none of the mail's URLs or addresses in it.
      expect(JSON.stringify(report)).toMatch(/:\/\/|@/);
      expect(json).not.toMatch(/:\/\/|@/);
      // The person's hostile answer is there, as text; the document is what the schema describes.
      expect(JSON.parse(body.json!).comments).toBe(PAYLOADS.join("\n").trim());
      expect(reportSchemaErrors(JSON.parse(body.json!))).toEqual([]);
    }
  });

  it("stays within Outlook's 32 KB: the header block is cut first, then left out of the JSON; all nine items remain", async () => {
    const filler = Array.from({ length: 700 }, (_, i) => `X-Filler-${i}: ${"x".repeat(60)}`).join("\r\n");
    const report = await reportOf(hostileMail(filler));
    expect(report.headers.length).toBeGreaterThan(40_000);
    const body = draftBody(report, "en", reportText);
    expect(body.html.length).toBeLessThanOrEqual(HTML_BODY_MAX);
    expect(body.jsonOmitted).toBe(false);
    expect(body.jsonWithoutHeaders).toBe(true);
    expect(JSON.parse(body.json!)).toMatchObject({ headers: "", headersTruncated: true, schemaVersion: REPORT_SCHEMA_VERSION });
    // …and `clipped` says the whole header block was left out.
    expect(JSON.parse(body.json!).clipped).toContainEqual({ path: "/headers", chars: report.headers.length, keptChars: 0 });
    expect(reportSchemaErrors(JSON.parse(body.json!))).toEqual([]);
    const doc = parse(body.html);
    expect(findReportJson(bodyText(doc)).raw).toBe(body.json);
    expect(text(doc.all("pre")[0]!)).toBe(body.text);
    expect(nineItems(body.text, "en")).toEqual(Array(9).fill(true));
  });

  it("a JSON too large for any mail body is left out, with a line saying how the desk makes it", async () => {
    const report = await reportOf(hostileMail("", 1200));
    expect(JSON.stringify(report).length).toBeGreaterThan(HTML_BODY_MAX);
    for (const lang of ["ja", "en"] as const) {
      const body = draftBody(report, lang, reportText);
      expect(body.html.length).toBeLessThanOrEqual(HTML_BODY_MAX);
      expect(body.jsonOmitted).toBe(true);
      expect(body.json).toBeUndefined();
      expect(body.html).toContain("check-this-mail report --format json");
      expect(nineItems(body.text, lang)).toEqual(Array(9).fill(true));
    }
  });

  it("the draft: the desk's address, the subject on one line within 255 characters, the mail attached as an item by its id", async () => {
    const report = await reportOf(hostileMail());
    const { message } = draftMessage({
      address: "csirt@example.co.jp",
      subject: reportSubject(report, "ja", "[不審メール報告]") + "\r\n" + "x".repeat(400),
      report,
      lang: "ja",
      reportText,
      itemId: "AAMkAGI2TG93AAA=",
    });
    expect(message.toRecipients).toEqual(["csirt@example.co.jp"]);
    expect(message.subject.length).toBeLessThanOrEqual(255);
    expect(message.subject).not.toMatch(/[\r\n]/);
    expect(message.subject.startsWith("[不審メール報告] ")).toBe(true);
    expect(message.attachments).toEqual([{ type: "item", itemId: "AAMkAGI2TG93AAA=", name: ATTACHMENT_NAME }]);
  });
});

describe("the intake URL", () => {
  const URL_ = "https://intake.example.co.jp/reports";
  const json = (status: number, body: unknown, type = "application/json"): Response =>
    new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "content-type": type } });

  it("POSTs the report as JSON, without credentials, and reads the desk's reference", async () => {
    const original = readSample("case1-government-sender-from-abroad.eml");
    const report = await reportOf(original, {}, SAMPLE_CONFIG, original);
    const fetcher = vi.fn<typeof fetch>(async () => json(201, { reference: "CSIRT-2026-0042" }));
    expect(await postReport(URL_, report, { fetcher })).toEqual({ ok: true, status: 201, reference: "CSIRT-2026-0042" });
    const [url, init] = fetcher.mock.calls[0]!;
    expect(url).toBe(URL_);
    expect(init).toMatchObject({ method: "POST", credentials: "omit", redirect: "error", headers: { "Content-Type": "application/json" } });
    const sent = JSON.parse(String(init!.body)) as Report;
    expect(Buffer.from(sent.original!.data, "base64").equals(Buffer.from(original))).toBe(true);
    expect(reportSchemaErrors(sent)).toEqual([]);
  });

  it("the reference: reference, id or ticket, as text; none is fine", () => {
    expect(referenceOf({ id: 4711 })).toBe("4711");
    expect(referenceOf({ ticket: " INC-9 " })).toBe("INC-9");
    expect(referenceOf({ reference: "", id: "x" })).toBe("x");
    expect(referenceOf({ status: "ok" })).toBeUndefined();
    expect(referenceOf(null)).toBeUndefined();
    expect(referenceOf({ reference: "<b>".repeat(100) })!.length).toBeLessThanOrEqual(120);
  });

  it("2xx without JSON is delivered; non-2xx, a refused connection and a timeout are failures", async () => {
    const report = await reportOf(hostileMail());
    expect(await postReport(URL_, report, { fetcher: async () => json(202, "accepted", "text/plain") })).toEqual({ ok: true, status: 202 });
    expect(await postReport(URL_, report, { fetcher: async () => json(503, { error: "busy" }) })).toEqual({ ok: false, failure: { kind: "status", status: 503 } });
    expect(await postReport(URL_, report, { fetcher: async () => Promise.reject(new TypeError("Failed to fetch")) })).toEqual({
      ok: false,
      failure: { kind: "unreachable", detail: "TypeError: Failed to fetch" },
    });
    // A server that never answers: the signal aborts it at the timeout.
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init!.signal!.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    const started = Date.now();
    expect(await postReport(URL_, report, { fetcher: hanging, timeoutMs: 50 })).toEqual({ ok: false, failure: { kind: "timeout", seconds: 0 } });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("delivery never loses a report", () => {
  let drafts: NewMessage[] = [];
  afterEach(() => {
    drafts = [];
  });

  async function deps(config: Config, overrides: Partial<DeliveryDeps> = {}): Promise<DeliveryDeps> {
    const original = readSample("case1-government-sender-from-abroad.eml");
    const withOriginal = await reportOf(original, {}, config, original);
    const without = await reportOf(original, {}, config);
    return {
      config,
      lang: "en",
      report: (w) => (w ? withOriginal : without),
      text: reportText,
      subject: reportSubject,
      canDraft: true,
      openDraft: (message) => {
        drafts.push(message);
        return { ok: true, value: undefined };
      },
      itemId: "case1-government-sender-from-abroad.eml",
      ...overrides,
    };
  }
  const desk = (securityDesk: NonNullable<Config["securityDesk"]>): Config => ({ ...SAMPLE_CONFIG, securityDesk });
  const intake = { address: "csirt@example.co.jp", intakeUrl: "https://intake.example.co.jp/r" };

  it("no intake URL: the draft, to the desk, with the item attached and the JSON in the body", async () => {
    const outcome = await deliverReport(await deps(desk({ address: "csirt@example.co.jp", subjectPrefix: "[CSIRT]" })));
    expect(outcome).toMatchObject({ kind: "draft", address: "csirt@example.co.jp", attached: true, jsonOmitted: false });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.subject.startsWith("[CSIRT] ")).toBe(true);
    expect(findReportJson(bodyText(parse(drafts[0]!.htmlBody)), drafts[0]!.subject).json).toMatchObject({ source: "outlook" });
    // The draft's JSON carries no base64 original: the item attachment is the original.
    expect(drafts[0]!.htmlBody).not.toContain('"original"');
  });

  it("intake accepted: no draft", async () => {
    const outcome = await deliverReport(await deps(desk(intake), { fetcher: async () => new Response('{"ticket":"T-1"}', { status: 200, headers: { "content-type": "application/json" } }) }));
    expect(outcome).toEqual({ kind: "intake", reference: "T-1" });
    expect(drafts).toHaveLength(0);
  });

  it("intake refused, unreachable or silent: the draft opens anyway, and the outcome says the intake failed", async () => {
    const fetchers: (typeof fetch)[] = [
      async () => new Response("no", { status: 500 }),
      async () => Promise.reject(new TypeError("Failed to fetch")),
      (_u, init) => new Promise((_r, reject) => init!.signal!.addEventListener("abort", () => reject(new Error("aborted")))),
    ];
    for (const fetcher of fetchers) {
      const outcome = await deliverReport(await deps(desk(intake), { fetcher, timeoutMs: 30 }));
      expect(outcome).toMatchObject({ kind: "draft", attached: true, intakeFailure: { kind: expect.stringMatching(/^(status|unreachable|timeout)$/) } });
    }
    expect(drafts).toHaveLength(3);
  });

  it("nowhere to deliver: it says why (no address; no Mailbox 1.6; Outlook refused the draft)", async () => {
    expect(await deliverReport(await deps(desk({})))).toEqual({ kind: "not-delivered", reason: "no-address" });
    expect(await deliverReport(await deps(desk({ intakeUrl: intake.intakeUrl }), { fetcher: async () => new Response("", { status: 404 }) }))).toEqual({
      kind: "not-delivered",
      reason: "no-address",
      intakeFailure: { kind: "status", status: 404 },
    });
    expect(await deliverReport(await deps(desk({ address: "csirt@example.co.jp" }), { canDraft: false }))).toEqual({ kind: "not-delivered", reason: "no-draft-support" });
    const refused = await deliverReport(await deps(desk({ address: "csirt@example.co.jp" }), { openDraft: () => ({ ok: false, detail: "ArgumentOutOfRange" }) }));
    expect(refused).toEqual({ kind: "not-delivered", reason: "draft-failed", detail: "ArgumentOutOfRange" });
  });

  it("a draft Outlook refuses with the attachment is opened without it, and the outcome says so", async () => {
    const outcome = await deliverReport(
      await deps(desk({ address: "csirt@example.co.jp" }), {
        openDraft: (message) => {
          drafts.push(message);
          return message.attachments.length > 0 ? { ok: false, detail: "InvalidAttachmentId" } : { ok: true, value: undefined };
        },
      }),
    );
    expect(outcome).toMatchObject({ kind: "draft", attached: false });
    expect(drafts.map((d) => d.attachments.length)).toEqual([1, 0]);
  });
});

describe("displayNewMessageForm through the host module (Office stand-in)", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it("opens the draft on Mailbox 1.6+, reports a throw as a failure, and is missing before 1.6", async () => {
    const office = standIn({ mailbox: "1.14" });
    (globalThis as { Office?: unknown }).Office = { context: office.context };
    const report = await reportOf(hostileMail());
    const { message } = draftMessage({ address: "csirt@example.co.jp", subject: "s", report, lang: "en", reportText, itemId: "id-1" });
    expect(displayNewMessageForm(message)).toEqual({ ok: true, value: undefined });
    const call = office.calls.find((c) => c.kind === "displayNewMessageForm");
    expect(call).toMatchObject({ parameters: { toRecipients: ["csirt@example.co.jp"], attachments: [{ type: "item", itemId: "id-1", name: "original message" }] } });
    // Over Office's limit: Office throws; the host module turns it into a failure.
    const tooLong = displayNewMessageForm({ ...message, subject: "x".repeat(300) });
    expect(tooLong).toMatchObject({ ok: false, detail: expect.stringContaining("subject") });

    (globalThis as { Office?: unknown }).Office = { context: standIn({ mailbox: "1.5" }).context };
    expect(displayNewMessageForm(message)).toMatchObject({ ok: false, detail: expect.stringContaining("not available") });
  });
});
