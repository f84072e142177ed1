/**
 * The .eml host: raw bytes → MessageSnapshot. Every fixture is written here byte by byte;
 * legacy Japanese encodings are produced from a small JIS X 0208 table (no iconv, no
 * dependency), so what is tested is the host's decoding, not an encoder's.
 */
import { describe, expect, it } from "vitest";
import { analyzeEml, snapshotFromEml } from "../../src/hosts/eml/index.js";
import type { MessageSnapshot } from "../../src/core/snapshot.js";

// JIS X 0208 row/cell bytes of the characters the fixtures use.
const JIS: Readonly<Record<string, readonly [number, number]>> = {
  こ: [0x24, 0x33], ち: [0x24, 0x41], に: [0x24, 0x4b], は: [0x24, 0x4f], ん: [0x24, 0x73],
  会: [0x32, 0x71], 議: [0x35, 0x44], 求: [0x35, 0x61], 件: [0x37, 0x6f], 語: [0x38, 0x6c],
  山: [0x3b, 0x33], 資: [0x3b, 0x71], 書: [0x3d, 0x71], 請: [0x40, 0x41], 送: [0x41, 0x77],
  太: [0x42, 0x40], 田: [0x45, 0x44], 日: [0x46, 0x7c], 付: [0x49, 0x55], 本: [0x4b, 0x5c],
  名: [0x4c, 0x3e], 様: [0x4d, 0x4d], 料: [0x4e, 0x41], 郎: [0x4f, 0x3a],
};

function jis(char: string): readonly [number, number] {
  const code = JIS[char];
  if (!code) throw new Error(`no JIS code for ${char} in the test table`);
  return code;
}

const ascii = (char: string): number => {
  const code = char.charCodeAt(0);
  if (code > 0x7f) throw new Error(`${char} is not ASCII`);
  return code;
};

/** ISO-2022-JP: ESC $ B switches to JIS X 0208, ESC ( B back to ASCII (RFC 1468). */
function iso2022jp(text: string): number[] {
  const out: number[] = [];
  let kanji = false;
  for (const char of text) {
    const isKanji = char.charCodeAt(0) > 0x7f;
    if (isKanji !== kanji) out.push(...(isKanji ? [0x1b, 0x24, 0x42] : [0x1b, 0x28, 0x42]));
    kanji = isKanji;
    out.push(...(isKanji ? jis(char) : [ascii(char)]));
  }
  if (kanji) out.push(0x1b, 0x28, 0x42);
  return out;
}

/** EUC-JP: JIS bytes with the high bit set. */
function eucJp(text: string): number[] {
  return Array.from(text).flatMap((char) => (char.charCodeAt(0) > 0x7f ? jis(char).map((b) => b | 0x80) : [ascii(char)]));
}

/** Shift_JIS: the JIS row pair folded into the lead byte, the cell shifted by row parity. */
function shiftJis(text: string): number[] {
  return Array.from(text).flatMap((char) => {
    if (char.charCodeAt(0) <= 0x7f) return [ascii(char)];
    const [j1, j2] = jis(char);
    const s1 = ((j1 + 1) >> 1) + (j1 <= 0x5e ? 0x70 : 0xb0);
    const s2 = j1 % 2 === 1 ? j2 + (j2 >= 0x60 ? 0x20 : 0x1f) : j2 + 0x7e;
    return [s1, s2];
  });
}

const utf8 = (text: string): number[] => Array.from(new TextEncoder().encode(text));
const base64 = (bytes: readonly number[]): string => Buffer.from(bytes).toString("base64");

/** Concatenates text (as UTF-8) and byte arrays into one input. */
function bytes(...parts: readonly (string | readonly number[])[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? utf8(p) : [...p])));
}

const crlf = (...lines: readonly string[]): string => lines.map((l) => `${l}\r\n`).join("");

const codes = (s: MessageSnapshot): string[] => (s.diagnostics ?? []).map((d) => d.code);

describe("the table-built legacy encodings", () => {
  it("decode back with the platform TextDecoder (so the fixtures below are what they claim)", () => {
    const text = "日本語こんにちは";
    expect(new TextDecoder("iso-2022-jp").decode(Uint8Array.from(iso2022jp(text)))).toBe(text);
    expect(new TextDecoder("shift_jis").decode(Uint8Array.from(shiftJis(text)))).toBe(text);
    expect(new TextDecoder("euc-jp").decode(Uint8Array.from(eucJp(text)))).toBe(text);
    expect(shiftJis("日本")).toEqual([0x93, 0xfa, 0x96, 0x7b]);
  });
});

describe("line endings and envelopes", () => {
  const lines = ["From: 山田 <yamada@example.jp>", "To: you@example.jp", "Subject: hello", "Date: Tue, 26 Nov 2026 09:00:00 +0900", "", "first line", "second line"];

  it("reads CRLF and LF files the same way", async () => {
    const withCrlf = await snapshotFromEml(lines.join("\r\n"));
    const withLf = await snapshotFromEml(lines.join("\n"));
    for (const s of [withCrlf, withLf]) {
      expect(s.host).toBe("eml");
      expect(s.from).toEqual({ name: "山田", address: "yamada@example.jp" });
      expect(s.to).toEqual([{ name: "", address: "you@example.jp" }]);
      expect(s.subject).toBe("hello");
      expect(s.date).toBe("Tue, 26 Nov 2026 09:00:00 +0900");
      expect(s.text?.replace(/\r\n/g, "\n").trim()).toBe("first line\nsecond line");
      expect(s.headers.map((h) => h.name)).toEqual(["From", "To", "Subject", "Date"]);
      expect(codes(s)).toEqual([]);
    }
    expect(withCrlf.rawHeaders).toContain("\r\n");
    expect(withLf.rawHeaders).not.toContain("\r");
  });

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
  ])("drops a leading mbox From_ line (%s)", async (_name, eol) => {
    const s = await snapshotFromEml(["From MAILER-DAEMON Tue Nov 26 09:00:00 2026", ...lines].join(eol));
    expect(s.from?.address).toBe("yamada@example.jp");
    expect(s.headers[0]).toEqual({ name: "From", value: "山田 <yamada@example.jp>" });
    expect(s.rawHeaders.startsWith("From:")).toBe(true);
  });

  it("drops a UTF-8 byte order mark in front of the headers", async () => {
    const s = await snapshotFromEml(bytes([0xef, 0xbb, 0xbf], lines.join("\r\n")));
    expect(s.from?.address).toBe("yamada@example.jp");
    expect(s.subject).toBe("hello");
  });

  it("accepts a string, a Uint8Array and an ArrayBuffer alike", async () => {
    const source = lines.join("\r\n");
    const encoded = new TextEncoder().encode(source);
    const results = await Promise.all([snapshotFromEml(source), snapshotFromEml(encoded), snapshotFromEml(encoded.buffer.slice(0))]);
    for (const s of results) expect(s.subject).toBe("hello");
  });
});

describe("Japanese bodies", () => {
  const text = "日本語こんにちは";

  it.each([
    ["ISO-2022-JP", "7bit", iso2022jp(text)],
    ["Shift_JIS", "8bit", shiftJis(text)],
    ["EUC-JP", "8bit", eucJp(text)],
    ["UTF-8", "8bit", utf8(text)],
  ])("decodes a %s body (%s)", async (charset, cte, body) => {
    const s = await snapshotFromEml(
      bytes(crlf("From: a@example.jp", "Subject: x", "MIME-Version: 1.0", `Content-Type: text/plain; charset="${charset}"`, `Content-Transfer-Encoding: ${cte}`, ""), body, "\r\n"),
    );
    expect(s.text?.trim()).toBe(text);
  });

  it("decodes base64 Shift_JIS and quoted-printable UTF-8", async () => {
    const b64 = await snapshotFromEml(
      crlf("From: a@example.jp", "Content-Type: text/plain; charset=Shift_JIS", "Content-Transfer-Encoding: base64", "", base64(shiftJis(text))),
    );
    expect(b64.text?.trim()).toBe(text);
    const qp = utf8(text).map((b) => `=${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
    const quoted = await snapshotFromEml(crlf("From: a@example.jp", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "", qp));
    expect(quoted.text?.trim()).toBe(text);
  });

  it("decodes an ISO-2022-JP HTML part inside multipart/alternative", async () => {
    const s = await snapshotFromEml(
      bytes(
        crlf("From: a@example.jp", "MIME-Version: 1.0", 'Content-Type: multipart/alternative; boundary="alt"', ""),
        crlf("--alt", "Content-Type: text/plain; charset=ISO-2022-JP", ""),
        iso2022jp("請求書"),
        "\r\n",
        crlf("--alt", "Content-Type: text/html; charset=ISO-2022-JP", ""),
        iso2022jp("<p>請求書</p>"),
        "\r\n",
        crlf("--alt--"),
      ),
    );
    expect(s.text?.trim()).toBe("請求書");
    expect(s.html).toContain("<p>請求書</p>");
  });
});

describe("RFC 2047 encoded words", () => {
  const b = (charset: string, raw: readonly number[]): string => `=?${charset}?B?${base64(raw)}?=`;
  // Only letters and digits stay literal: that is valid in a Subject and in a display name
  // (RFC 2047 §5 (3) forbids "(", "$" and the like inside a phrase).
  const q = (charset: string, raw: readonly number[]): string =>
    `=?${charset}?Q?${raw.map((x) => (/[\da-z]/i.test(String.fromCharCode(x)) ? String.fromCharCode(x) : `=${x.toString(16).toUpperCase().padStart(2, "0")}`)).join("")}?=`;

  it.each([
    ["B, ISO-2022-JP", b("ISO-2022-JP", iso2022jp("請求書送付"))],
    ["Q, ISO-2022-JP", q("iso-2022-jp", iso2022jp("請求書送付"))],
    ["B, UTF-8", b("UTF-8", utf8("請求書送付"))],
    ["Q, UTF-8", q("utf-8", utf8("請求書送付"))],
    ["B, Shift_JIS", b("Shift_JIS", shiftJis("請求書送付"))],
  ])("decodes a Subject (%s)", async (_kind, word) => {
    const s = await snapshotFromEml(crlf("From: a@example.jp", `Subject: ${word}`, "", ""));
    expect(s.subject).toBe("請求書送付");
    // The header list keeps the value as written (not decoded): rules show what the mail says.
    expect(s.headers.find((h) => h.name === "Subject")?.value).toBe(word);
  });

  it("joins adjacent encoded words across a folded line and keeps plain text around them", async () => {
    const s = await snapshotFromEml(
      crlf("From: a@example.jp", `Subject: [重要] ${b("UTF-8", utf8("会議"))}`, ` ${b("ISO-2022-JP", iso2022jp("資料"))} (3/4)`, "", ""),
    );
    expect(s.subject).toBe("[重要] 会議資料 (3/4)");
  });

  it.each([
    ["B, ISO-2022-JP", b("ISO-2022-JP", iso2022jp("山田太郎"))],
    ["Q, ISO-2022-JP", q("ISO-2022-JP", iso2022jp("山田太郎"))],
    ["B, UTF-8", b("UTF-8", utf8("山田太郎"))],
    ["Q, UTF-8", q("UTF-8", utf8("山田太郎"))],
  ])("decodes display names in From, To, Cc and Reply-To (%s)", async (_kind, word) => {
    const s = await snapshotFromEml(
      crlf(
        "From: " + word + " <taro@example.go.jp>",
        `To: ${word} <to@example.jp>, plain@example.jp`,
        `Cc: "${word}" <cc@example.jp>`,
        `Reply-To: ${word} <reply@example.com>`,
        "",
        "",
      ),
    );
    expect(s.from).toEqual({ name: "山田太郎", address: "taro@example.go.jp" });
    expect(s.fromAll).toEqual([s.from]);
    expect(s.to).toEqual([
      { name: "山田太郎", address: "to@example.jp" },
      { name: "", address: "plain@example.jp" },
    ]);
    expect(s.cc).toEqual([{ name: "山田太郎", address: "cc@example.jp" }]);
    expect(s.replyTo).toEqual([{ name: "山田太郎", address: "reply@example.com" }]);
  });

  it("lists every mailbox of a From with several (RFC 5322 §3.6.2), and the Sender", async () => {
    const s = await snapshotFromEml(crlf("From: A <a@x.example>, =?UTF-8?B?5bGx55Sw?= <b@y.example>", "Sender: S <s@z.example>", "", ""));
    expect(s.from).toEqual({ name: "A", address: "a@x.example" });
    expect(s.fromAll).toEqual([
      { name: "A", address: "a@x.example" },
      { name: "山田", address: "b@y.example" },
    ]);
    expect(s.sender).toEqual({ name: "S", address: "s@z.example" });
  });

  it("reads Return-Path, Message-ID, In-Reply-To and References", async () => {
    const s = await snapshotFromEml(
      crlf("Return-Path: <bounce@example.com>", "From: a@example.jp", "Message-ID: <m1@example.jp>", "In-Reply-To: <m0@example.jp>", "References: <a@x> <b@y>", "\t<m0@example.jp>", "", ""),
    );
    expect(s.returnPath).toBe("bounce@example.com");
    expect(s.messageId).toBe("<m1@example.jp>");
    expect(s.inReplyTo).toBe("<m0@example.jp>");
    expect(s.references).toEqual(["<a@x>", "<b@y>", "<m0@example.jp>"]);
    expect((await snapshotFromEml(crlf("Return-Path: <>", "From: a@example.jp", "", ""))).returnPath).toBe("");
  });
});

describe("attachment names", () => {
  const part = (headers: readonly string[]): string => crlf("--b", ...headers, "", "SGVsbG8=");
  const mail = (...parts: readonly string[]): string =>
    crlf("From: a@example.jp", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="b"', "", "--b", "Content-Type: text/plain", "", "body") +
    parts.join("") +
    crlf("--b--");

  it("decodes RFC 2231 names: UTF-8, continuations, ISO-2022-JP with a language tag", async () => {
    const pct = (raw: readonly number[]): string => raw.map((x) => `%${x.toString(16).toUpperCase().padStart(2, "0")}`).join("");
    const s = await snapshotFromEml(
      mail(
        part(["Content-Type: application/pdf", "Content-Transfer-Encoding: base64", `Content-Disposition: attachment; filename*=UTF-8''${pct(utf8("請求書.pdf"))}`]),
        part([
          "Content-Type: application/pdf",
          "Content-Transfer-Encoding: base64",
          "Content-Disposition: attachment;",
          ` filename*0*=utf-8''${pct(utf8("会議"))};`,
          ` filename*1*=${pct(utf8("資料"))};`,
          " filename*2=.pdf",
        ]),
        part(["Content-Type: application/msword", "Content-Transfer-Encoding: base64", `Content-Disposition: attachment; filename*=iso-2022-jp'ja'${pct(iso2022jp("日本語.doc"))}`]),
        part(["Content-Type: application/octet-stream", "Content-Transfer-Encoding: base64", `Content-Disposition: attachment; filename="=?ISO-2022-JP?B?${base64(iso2022jp("資料"))}?=.zip"`]),
        part(["Content-Type: application/octet-stream; name=only-in-type.exe", "Content-Transfer-Encoding: base64"]),
      ),
    );
    expect(s.attachments.map((a) => a.name)).toEqual(["請求書.pdf", "会議資料.pdf", "日本語.doc", "資料.zip", "only-in-type.exe"]);
    expect(s.attachments.map((a) => a.declaredType)).toEqual(["application/pdf", "application/pdf", "application/msword", "application/octet-stream", "application/octet-stream"]);
    expect(s.attachments.every((a) => a.size === 5 && a.bytes?.length === 5 && !a.inline)).toBe(true);
    expect(s.available.attachmentContent).toBe(true);
  });

  it("marks pictures of a multipart/related body as inline, keeps their Content-ID, and names none when none is given", async () => {
    const s = await snapshotFromEml(
      crlf("From: a@example.jp", "MIME-Version: 1.0", 'Content-Type: multipart/related; boundary="b"', "", "--b", "Content-Type: text/html", "", '<img src="cid:logo@x">') +
        part(["Content-Type: IMAGE/PNG", "Content-Transfer-Encoding: base64", "Content-ID: <logo@x>"]) +
        crlf("--b--"),
    );
    expect(s.attachments).toEqual([expect.objectContaining({ name: null, declaredType: "image/png", inline: true, contentId: "<logo@x>", size: 5 })]);
  });
});

describe("routing headers", () => {
  it("keeps Received, Authentication-Results, ARC and vendor verdicts in order, top first, unfolded", async () => {
    const s = await snapshotFromEml(
      crlf(
        "Received: from mx2.example.jp (mx2.example.jp [192.0.2.2])",
        "\tby mx1.example.jp with ESMTPS id AAA; Tue, 26 Nov 2026 09:00:02 +0900",
        "X-Spam-Status: No, score=0.1",
        "Authentication-Results: mx1.example.jp; spf=pass smtp.mailfrom=example.com",
        "ARC-Seal: i=1; a=rsa-sha256; cv=none; d=example.net; s=arc; b=AAAA",
        "ARC-Message-Signature: i=1; a=rsa-sha256; d=example.net; s=arc; h=from; bh=x; b=y",
        "ARC-Authentication-Results: i=1; example.net; dkim=pass header.d=example.com",
        "Received: from out.example.com (out.example.com [198.51.100.7])",
        " by mx2.example.jp; Tue, 26 Nov 2026 09:00:01 +0900",
        "X-Forefront-Antispam-Report: CIP:198.51.100.7;CTRY:JP;SFV:NSPM",
        "Authentication-Results: mx2.example.jp; dkim=pass header.d=example.com",
        "X-Virus-Scanned: clamav",
        "Received: from [10.0.0.5] by out.example.com; Tue, 26 Nov 2026 09:00:00 +0900",
        "X-Mailer: test",
        "From: a@example.com",
        "",
        "",
      ),
    );
    expect(s.received).toEqual([
      "from mx2.example.jp (mx2.example.jp [192.0.2.2]) by mx1.example.jp with ESMTPS id AAA; Tue, 26 Nov 2026 09:00:02 +0900",
      "from out.example.com (out.example.com [198.51.100.7]) by mx2.example.jp; Tue, 26 Nov 2026 09:00:01 +0900",
      "from [10.0.0.5] by out.example.com; Tue, 26 Nov 2026 09:00:00 +0900",
    ]);
    expect(s.authenticationResults).toEqual(["mx1.example.jp; spf=pass smtp.mailfrom=example.com", "mx2.example.jp; dkim=pass header.d=example.com"]);
    expect(s.arc).toEqual({
      authenticationResults: ["i=1; example.net; dkim=pass header.d=example.com"],
      messageSignature: ["i=1; a=rsa-sha256; d=example.net; s=arc; h=from; bh=x; b=y"],
      seal: ["i=1; a=rsa-sha256; cv=none; d=example.net; s=arc; b=AAAA"],
    });
    expect(s.vendorVerdicts.map((h) => h.name)).toEqual(["X-Spam-Status", "X-Forefront-Antispam-Report", "X-Virus-Scanned"]);
    expect(s.available.headers).toBe(true);
  });

  it("does not read header-like lines of the body as headers", async () => {
    const s = await snapshotFromEml(crlf("From: a@example.jp", "", "Received: from fake", "Authentication-Results: fake; spf=pass"));
    expect(s.received).toEqual([]);
    expect(s.authenticationResults).toEqual([]);
  });
});

describe("bad input never throws", () => {
  it.each([
    ["an empty string", ""],
    ["an empty byte array", new Uint8Array(0)],
    ["only an mbox From_ line", "From someone@example.com Tue Nov 26 09:00:00 2026\n"],
  ])("%s: EMPTY_INPUT", async (_name, input) => {
    const s = await snapshotFromEml(input);
    expect(codes(s)).toContain("EMPTY_INPUT");
    expect(s.headers).toEqual([]);
    expect(s.attachments).toEqual([]);
  });

  it.each([
    ["random bytes", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)],
    ["NUL bytes", new Uint8Array(2048)],
    ["a binary file (OLE .msg header)", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
    ["text without any header", "\r\njust a body\r\n"],
  ])("%s: a snapshot with MIME_PARSE_FAILED", async (_name, input) => {
    const s = await snapshotFromEml(input);
    expect(codes(s)).toContain("MIME_PARSE_FAILED");
    expect(s.available.headers).toBe(false);
    const analysis = await analyzeEml(input, { now: () => new Date(0) });
    expect(analysis.verdict).toBeDefined();
    expect(analysis.incomplete).toBe(true);
  });

  it("a multipart whose boundary never occurs: MIME_PARSE_FAILED, and the raw body kept as text", async () => {
    const s = await snapshotFromEml(
      crlf("From: a@example.jp", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="declared"', "", "--actual", "Content-Type: text/plain", "", "see http://evil.example/login", "--actual--"),
    );
    expect(codes(s)).toEqual(["MIME_PARSE_FAILED"]);
    expect(s.diagnostics?.[0]?.message.en).toContain('"declared"');
    expect(s.text).toContain("http://evil.example/login");
  });

  it("a multipart without a boundary parameter: MIME_PARSE_FAILED", async () => {
    const s = await snapshotFromEml(crlf("From: a@example.jp", "Content-Type: multipart/mixed", "", "--x", "", "text", "--x--"));
    expect(codes(s)).toEqual(["MIME_PARSE_FAILED"]);
    expect(s.text).toContain("text");
  });

  it("an unterminated multipart still yields its parts, without a diagnostic", async () => {
    const s = await snapshotFromEml(
      crlf("From: a@example.jp", 'Content-Type: multipart/mixed; boundary="b"', "", "--b", "Content-Type: text/plain", "", "hello", "--b", 'Content-Type: application/octet-stream; name="x.exe"', "Content-Transfer-Encoding: base64", "", "TVqQ"),
    );
    expect(s.text?.trim()).toBe("hello");
    expect(s.attachments.map((a) => a.name)).toEqual(["x.exe"]);
    expect(codes(s)).toEqual([]);
  });

  it("a header block without the blank line is all headers", async () => {
    const s = await snapshotFromEml("From: a@example.jp\r\nSubject: only headers");
    expect(s.subject).toBe("only headers");
    expect(codes(s)).toEqual([]);
  });
});

describe("maxInputBytes", () => {
  const source = crlf("From: a@example.jp", "Subject: big", "", "x".repeat(1000));

  it("reads only the first bytes and says so (INPUT_TOO_LARGE)", async () => {
    const s = await snapshotFromEml(source, { maxInputBytes: 64 });
    expect(codes(s)).toEqual(["INPUT_TOO_LARGE"]);
    expect(s.diagnostics?.[0]?.message.en).toContain("64");
    expect(s.subject).toBe("big");
    expect((s.text ?? "").length).toBeLessThan(64);
  });

  it("marks the analysis incomplete", async () => {
    const analysis = await analyzeEml(source, { now: () => new Date(0), limits: { maxInputBytes: 64 } });
    expect(analysis.incomplete).toBe(true);
    expect(analysis.diagnostics.map((d) => d.code)).toContain("INPUT_TOO_LARGE");
  });

  it("is silent at exactly the limit", async () => {
    const size = new TextEncoder().encode(source).length;
    expect(codes(await snapshotFromEml(source, { maxInputBytes: size }))).toEqual([]);
    expect(codes(await snapshotFromEml(source, { maxInputBytes: size - 1 }))).toEqual(["INPUT_TOO_LARGE"]);
  });

  it("cuts inside the header block without throwing", async () => {
    const s = await snapshotFromEml(source, { maxInputBytes: 25 });
    expect(s.from?.address).toBe("a@example.jp");
    expect(codes(s)).toContain("INPUT_TOO_LARGE");
  });
});

describe("oversized address headers", () => {
  const many = (n: number, domain: string): string => Array.from({ length: n }, (_, i) => `user${i}@${domain}`).join(",\r\n ");

  it("parses only the first addresses of a huge To and says so (HEADER_TOO_LONG), keeping the raw header whole", async () => {
    const s = await snapshotFromEml(crlf(`To: ${many(5000, "example.jp")}`, `Cc: ${many(3000, "example.com")}`, "From: a@example.jp", "Subject: s", "", "body"));
    expect(s.from?.address).toBe("a@example.jp");
    expect(s.to.length).toBeGreaterThan(500);
    expect(s.to.length).toBeLessThan(5000);
    expect(s.to[0]).toEqual({ name: "", address: "user0@example.jp" });
    // Every kept address is whole: the cut falls on a comma.
    for (const m of s.to) expect(m.address).toMatch(/^user\d+@example\.jp$/);
    // To and Cc share the budget, so a To that used it all leaves no Cc.
    expect(s.cc).toEqual([]);
    expect(codes(s)).toEqual(["HEADER_TOO_LONG", "HEADER_TOO_LONG"]);
    expect(s.diagnostics?.map((d) => d.message.en)).toEqual([
      expect.stringContaining("The To header is too long"),
      expect.stringContaining("The Cc header is too long"),
    ]);
    expect(s.headers.find((h) => h.name === "To")?.value.split(",")).toHaveLength(5000);
  });

  it("stays fast on a To header made of thousands of encoded words", async () => {
    const words = Array.from({ length: 20_000 }, () => "=?utf-8?Q?date=3E2017-08-20T10:08:28.617=3C/pr?=").join("\r\n\t");
    // No time is asserted (speed is the benchmarks' job): before the limit this took seconds.
    const s = await snapshotFromEml(crlf('From: "test" <test@example.jp>', `To: "test" <test@example.jp>,\r\n\t${words}`, "Subject: s", "", "body"));
    expect(s.from?.address).toBe("test@example.jp");
    expect(s.to[0]?.address).toBe("test@example.jp");
    // Read up to its 100th encoded word (postal-mime joins runs of them at a quadratic cost).
    expect(codes(s)).toEqual(["ENCODED_WORDS_LIMIT"]);
  });

  it("leaves ordinary address headers alone", async () => {
    const s = await snapshotFromEml(crlf(`To: ${many(200, "example.jp")}`, "From: a@example.jp", "", "body"));
    expect(s.to).toHaveLength(200);
    expect(codes(s)).toEqual([]);
  });
});
