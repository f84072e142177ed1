/**
 * The mails of the XSS run: every payload in every place mail content reaches the pane, each
 * placement recorded (payload id, field, mail) so a failure names the payload and where it was.
 *
 * Three kinds of mail, per batch of payloads:
 * - a batch mail: the places a mail has many of — recipients' display names in five forms
 *   (quoted, RFC 2047 B and Q in UTF-8 and in ISO-2022-JP) and their local parts, links (text,
 *   href, a visible URL), HTML body text, attachment names in four forms (quoted, RFC 2047 B in
 *   UTF-8 and ISO-2022-JP, RFC 2231), attachment content (an .html and an .svg carrying the
 *   payloads, internet shortcuts, ZIP entry names), Received (as the whole value and as the HELO
 *   name), Authentication-Results (trusted and not), vendor verdict headers, References; and the
 *   corpus's SVG/HTML/XML/image files as attachments;
 * - a text mail: a plain-text body (ISO-2022-JP when every payload of the batch can be written in
 *   it) with each payload as a line and inside a visible URL, the only place text-body URLs count;
 * - one single mail per payload, for the places a mail has one of: Subject, From and Reply-To
 *   display names, the From local part, Date, Message-ID, X-Mailer, the Forefront country, and
 *   the HTML body as the raw payload alone (so no payload can hide another in the sandboxed
 *   reading pane). The encoded form of each single field rotates from mail to mail (payload k's
 *   subject in form k mod 5, its From name in form k+1 mod 5...): every payload reaches every
 *   single field, and every form of every single field is used by a fifth of the payloads.
 */
import { buildZip } from "../../helpers/zip.js";
import type { CorpusFile, Payload } from "./corpus.js";
import { base64Lines, encodedWords, encodeIso2022jp, escapeHtml, isPrintableAscii, quotedString, rfc2231 } from "./encode.js";

export interface Placement {
  readonly payload: number;
  readonly field: string;
}

export interface XssMail {
  readonly name: string;
  readonly kind: "batch" | "text" | "single";
  readonly bytes: Uint8Array;
  readonly placements: readonly Placement[];
  /** Corpus files attached (batch mails). */
  readonly files: readonly string[];
}

export const FORMS = ["quoted", "B/UTF-8", "Q/UTF-8", "B/ISO-2022-JP", "Q/ISO-2022-JP"] as const;
export type Form = (typeof FORMS)[number];

/** Japanese around the payload in the ISO-2022-JP forms, so the encoder really switches to JIS X 0208 and back. */
export const JP_BEFORE = "【確認】";
export const JP_AFTER = "について";

const utf8 = new TextEncoder();
const DATE = "Thu, 26 Nov 2026 10:00:00 +0900";
const TOP_HOP = `Received: from relay.xss.example (relay.xss.example [203.0.113.9])\r\n\tby mx.example.co.jp (Postfix) with ESMTPS id XSS1\r\n\tfor <suzuki@example.co.jp>; ${DATE}`;
const VENDOR_HEADERS = ["X-Spam-Status", "X-Proofpoint-Spam-Details", "X-Microsoft-Antispam", "X-MS-Exchange-Organization-SCL", "X-Mimecast-Spam-Info", "X-TM-AS-Result", "X-Virus-Scanned"];

/** A header value (unstructured: Subject) in a form, or undefined when that form cannot carry the text. */
export function unstructured(text: string, form: Form): string | undefined {
  if (text.includes("\r") || text.includes("\n")) return undefined;
  switch (form) {
    case "quoted":
      return text; // as written (raw UTF-8 when not ASCII, as many mailers send it)
    case "B/UTF-8":
      return encodedWords(text, "UTF-8", "B");
    case "Q/UTF-8":
      return encodedWords(text, "UTF-8", "Q");
    case "B/ISO-2022-JP":
      return encodedWords(`${JP_BEFORE}${text}${JP_AFTER}`, "ISO-2022-JP", "B");
    case "Q/ISO-2022-JP":
      return encodedWords(`${JP_BEFORE}${text}${JP_AFTER}`, "ISO-2022-JP", "Q");
  }
}

/** A display name (a phrase) in a form: a quoted string, or encoded words. */
export function phrase(text: string, form: Form): string | undefined {
  return form === "quoted" ? quotedString(text) : unstructured(text, form);
}

/** An address whose local part is the payload when a quoted local part can hold it, else a plain one. */
function address(payload: Payload, domain: string, fallback: string): { text: string; carries: boolean } {
  if (isPrintableAscii(payload.text) && payload.text.length <= 900) return { text: `${quotedString(payload.text)}@${domain}`, carries: true };
  return { text: `${fallback}@${domain}`, carries: false };
}

function mail(headers: readonly string[], body: string): Uint8Array {
  return utf8.encode(`${headers.join("\r\n")}\r\n\r\n${body}`);
}

function boundary(name: string): string {
  return `=_xss_${name.replace(/\W/g, "_")}_boundary`;
}

interface Part {
  readonly headers: readonly string[];
  readonly body: string;
}

function multipart(type: string, name: string, parts: readonly Part[]): { contentType: string; body: string } {
  const b = boundary(name);
  const body = parts.map((p) => `--${b}\r\n${p.headers.join("\r\n")}\r\n\r\n${p.body}\r\n`).join("") + `--${b}--\r\n`;
  return { contentType: `multipart/${type}; boundary="${b}"`, body };
}

function attachment(contentType: string, disposition: string, bytes: Uint8Array | string): Part {
  return { headers: [`Content-Type: ${contentType}`, `Content-Disposition: ${disposition}`, "Content-Transfer-Encoding: base64"], body: base64Lines(bytes) };
}

/** Filename forms of an attachment: a quoted string, encoded words (UTF-8, ISO-2022-JP), RFC 2231. */
function filenameForms(text: string): { form: string; disposition: string }[] {
  const out: { form: string; disposition: string }[] = [];
  const quoted = quotedString(text);
  if (quoted) out.push({ form: "quoted", disposition: `attachment; filename=${quoted}` });
  const b = encodedWords(text, "UTF-8", "B");
  if (b) out.push({ form: "B/UTF-8", disposition: `attachment; filename="${b}"` });
  const jp = encodedWords(`${JP_BEFORE}${text}${JP_AFTER}`, "ISO-2022-JP", "B");
  if (jp) out.push({ form: "B/ISO-2022-JP", disposition: `attachment; filename="${jp}"` });
  out.push({ form: "rfc2231", disposition: `attachment; filename*=${rfc2231(text)}` });
  return out;
}

/** Bytes the recipients of one payload add to the batch mail's address lists (the .eml host reads 32 KiB of them). */
function recipientBytes(payload: Payload): number {
  let n = 0;
  for (const form of FORMS) n += (phrase(payload.text, form)?.length ?? 0) + 40;
  return n + payload.text.length + 40;
}

const MAX_BATCH = 30;
/** Under the .eml host's 32 KiB budget for address lists, with room for the rest. */
const MAX_RECIPIENT_BYTES = 28_000;

/** Payloads in batches: at most MAX_BATCH, and recipients that fit the address-list budget. */
export function batches(payloads: readonly Payload[]): Payload[][] {
  const out: Payload[][] = [];
  let current: Payload[] = [];
  let bytes = 0;
  for (const p of payloads) {
    const size = recipientBytes(p);
    if (current.length > 0 && (current.length >= MAX_BATCH || bytes + size > MAX_RECIPIENT_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(p);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function batchMail(n: number, payloads: readonly Payload[], files: readonly CorpusFile[]): XssMail {
  const name = `batch-${String(n).padStart(4, "0")}.eml`;
  const placements: Placement[] = [];
  const place = (payload: Payload, field: string): void => {
    placements.push({ payload: payload.id, field });
  };
  const headers: string[] = [TOP_HOP];
  const to: string[] = [];
  const cc: string[] = [];
  for (const p of payloads) {
    if (!p.text.includes("\r") && !p.text.includes("\n")) {
      headers.push(`Received: ${p.text}`);
      place(p, "received/value");
      headers.push(`Received: from unknown (HELO ${p.text}) (203.0.113.7)\r\n\tby relay.xss.example with SMTP; ${DATE}`);
      place(p, "received/helo");
      headers.push(`Authentication-Results: mx.example.co.jp; spf=fail (${p.text}) smtp.mailfrom=xss.example; dkim=fail header.d=${p.text}`);
      place(p, "authentication-results/trusted");
      headers.push(`Authentication-Results: ${p.text}`);
      place(p, "authentication-results/value");
      headers.push(`${VENDOR_HEADERS[p.id % VENDOR_HEADERS.length]}: ${p.text}`);
      place(p, "vendor-verdict");
    }
    FORMS.forEach((form, f) => {
      const display = phrase(p.text, form);
      if (display === undefined) return;
      to.push(`${display} <to-${p.id}-${f}@example.co.jp>`);
      place(p, `to-name/${form}`);
    });
    // A quoted local part holding "<" or "," can derail a whole address list: one Cc field each.
    const local = address(p, "example.co.jp", `cc-${p.id}`);
    if (local.carries) {
      cc.push(`Cc: ${local.text}`);
      place(p, "cc-address/local-part");
    }
  }
  headers.push(
    'From: "XSS batch" <batch@xss.example>',
    `To: ${to.join(",\r\n ")}`,
    ...cc,
    `Subject: XSS batch ${n}`,
    `Date: ${DATE}`,
    `Message-ID: <batch-${n}@xss.example>`,
  );
  const references = payloads.filter((p) => !p.text.includes("\n") && !p.text.includes("\r"));
  if (references.length > 0) {
    headers.push(`References: ${references.map((p) => `<${p.text}>`).join("\r\n ")}`);
    for (const p of references) place(p, "references");
  }

  // The HTML body: the payloads as text, as link text, as hrefs and inside a visible URL.
  const html: string[] = ["<!doctype html><html><head><meta charset=\"utf-8\"><title>XSS batch</title></head><body>"];
  for (const p of payloads) {
    const text = escapeHtml(p.text);
    html.push(`<p>${text}</p>`);
    place(p, "body-html/text");
    html.push(`<p><a href="https://www.xss.example/t/${p.id}">${text}</a></p>`);
    place(p, "link/text");
    html.push(`<p><a href="${text}">href ${p.id}</a></p>`);
    place(p, "link/href");
    html.push(`<p><a href="https://login.xss.example/v/${p.id}">https://www.example.co.jp/${text}</a></p>`);
    place(p, "link/visible-url");
  }
  html.push("</body></html>");
  const parts: Part[] = [{ headers: ["Content-Type: text/html; charset=UTF-8", "Content-Transfer-Encoding: base64"], body: base64Lines(html.join("\n")) }];

  // Attachment names in every form, and content that carries the payloads.
  for (const p of payloads) {
    for (const { form, disposition } of filenameForms(p.text)) {
      parts.push(attachment("application/octet-stream", disposition, `attachment ${p.id}`));
      place(p, `attachment-name/${form}`);
    }
    parts.push(attachment("application/octet-stream", `attachment; filename="shortcut-${p.id}.url"`, `[InternetShortcut]\r\nURL=${p.text}\r\n`));
    place(p, "attachment-content/internet-shortcut");
  }
  parts.push(attachment("text/html", `attachment; filename="payloads-${n}.html"`, `<!doctype html><html><body>\n${payloads.map((p) => p.text).join("\n")}\n</body></html>`));
  payloads.forEach((p) => place(p, "attachment-content/html"));
  parts.push(
    attachment(
      "image/svg+xml",
      `attachment; filename="payloads-${n}.svg"`,
      `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">\n${payloads.map((p) => `<desc>${p.text}</desc>`).join("\n")}\n</svg>`,
    ),
  );
  payloads.forEach((p) => place(p, "attachment-content/svg"));
  // The pane lists the first ten entries of an archive: ten payloads a ZIP.
  for (let i = 0; i < payloads.length; i += 10) {
    const group = payloads.slice(i, i + 10);
    parts.push(attachment("application/zip", `attachment; filename="entries-${n}-${i / 10}.zip"`, buildZip(group.map((p) => ({ name: p.text, data: `entry ${p.id}` })))));
    group.forEach((p) => place(p, "attachment-content/zip-entry-name"));
  }
  for (const file of files) {
    parts.push(attachment("application/octet-stream", `attachment; filename=${quotedString(file.name)}`, file.bytes));
    if (file.canary) parts.push(attachment("application/octet-stream", `attachment; filename=${quotedString(`canary-${file.name}`)}`, file.canary));
  }
  const body = multipart("mixed", name, parts);
  headers.push("MIME-Version: 1.0", `Content-Type: ${body.contentType}`);
  return { name, kind: "batch", bytes: mail(headers, body.body), placements, files: files.map((f) => f.path) };
}

function textMail(n: number, payloads: readonly Payload[]): XssMail {
  const name = `text-${String(n).padStart(4, "0")}.eml`;
  const lines = payloads.filter((p) => !p.text.includes("\n") && !p.text.includes("\r"));
  const text = lines.flatMap((p) => [`${JP_BEFORE}${p.text}${JP_AFTER}`, `https://www.example.co.jp/${p.text}`, ""]).join("\r\n");
  const jis = encodeIso2022jp(text);
  const charset = jis ? "ISO-2022-JP" : "UTF-8";
  const placements = lines.flatMap((p) => [
    { payload: p.id, field: `body-text/${charset}` },
    { payload: p.id, field: `text-url/${charset}` },
  ]);
  const headers = [
    TOP_HOP,
    'From: "XSS text" <text@xss.example>',
    "To: suzuki@example.co.jp",
    `Subject: ${encodedWords(`XSS テキスト ${n}`, "ISO-2022-JP", "B")}`,
    `Date: ${DATE}`,
    `Message-ID: <text-${n}@xss.example>`,
    "MIME-Version: 1.0",
    `Content-Type: text/plain; charset=${charset}`,
    `Content-Transfer-Encoding: ${jis ? "7bit" : "base64"}`,
  ];
  const body = jis ? Buffer.from(jis).toString("latin1") : base64Lines(text);
  // 7bit ISO-2022-JP is all ASCII bytes: latin1 keeps them as they are.
  return { name, kind: "text", bytes: jis ? Uint8Array.from(Buffer.from(`${headers.join("\r\n")}\r\n\r\n${body}`, "latin1")) : mail(headers, body), placements, files: [] };
}

function singleMail(payload: Payload, k: number): XssMail {
  const name = `single-${payload.id}.eml`;
  const placements: Placement[] = [];
  const place = (field: string): void => {
    placements.push({ payload: payload.id, field });
  };
  const p = payload.text;
  /** The form at this offset of the rotation, or the next one that can carry the payload. */
  const formOf = (offset: number, write: (text: string, form: Form) => string | undefined): { form: Form; value: string } | undefined => {
    for (let i = 0; i < FORMS.length; i++) {
      const form = FORMS[(k + offset + i) % FORMS.length]!;
      const value = write(p, form);
      if (value !== undefined) return { form, value };
    }
    return undefined;
  };
  const oneLine = !p.includes("\r") && !p.includes("\n");
  const headers = [TOP_HOP, "Authentication-Results: mx.example.co.jp; spf=pass smtp.mailfrom=xss.example; dkim=none; dmarc=none"];
  if (oneLine) {
    headers.push(`X-Forefront-Antispam-Report: CIP:203.0.113.9;CTRY:${p};LANG:ja;SFV:SPM;`);
    place("vendor-verdict/forefront-country");
  }
  const from = address(payload, "xss.example", `from-${payload.id}`);
  const fromName = formOf(0, phrase);
  headers.push(`From: ${fromName?.value ?? '"XSS"'} <${from.text}>`);
  if (fromName) place(`from-name/${fromName.form}`);
  if (from.carries) place("from-address/local-part");
  const replyName = formOf(1, phrase);
  headers.push(`Reply-To: ${replyName?.value ?? '"XSS reply"'} <reply-${payload.id}@xss.example>`);
  if (replyName) place(`reply-to-name/${replyName.form}`);
  headers.push("To: suzuki@example.co.jp");
  const subject = formOf(2, unstructured);
  headers.push(`Subject: ${subject?.value ?? `XSS single ${payload.id}`}`);
  if (subject) place(`subject/${subject.form}`);
  if (oneLine) {
    headers.push(`Date: ${p}`, `Message-ID: ${p}`, `X-Mailer: ${p}`);
    place("date");
    place("message-id");
    place("x-mailer");
  } else {
    headers.push(`Date: ${DATE}`, `Message-ID: <single-${payload.id}@xss.example>`);
  }
  headers.push("MIME-Version: 1.0", "Content-Type: text/html; charset=UTF-8", "Content-Transfer-Encoding: base64");
  place("body-html/raw");
  return { name, kind: "single", bytes: mail(headers, base64Lines(p)), placements, files: [] };
}

/** Every mail of a run, in order: per batch, its batch mail, its text mail, then one single mail per payload. */
export function buildMails(payloads: readonly Payload[], files: readonly CorpusFile[]): XssMail[] {
  const groups = batches(payloads);
  const out: XssMail[] = [];
  let k = 0;
  groups.forEach((group, n) => {
    const mine = files.filter((_, i) => i % groups.length === n);
    out.push(batchMail(n + 1, group, mine), textMail(n + 1, group));
    for (const p of group) out.push(singleMail(p, k++));
  });
  return out;
}
