/**
 * What the .eml host hands to postal-mime, and how: the mails the fuzzer (scripts/fuzz.js) found
 * taking seconds, rebuilt small here. No timing is asserted: each fixture is big enough that the
 * old behaviour would visibly stall the suite (the empty-lines mail took 20 s in Node before the
 * pieces were joined), and each test checks what the analysis says about it.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/core/options.js";
import { analyzeEml, snapshotFromEml } from "../../src/hosts/eml/index.js";
import { MAX_TEXT_BYTES } from "../../src/hosts/eml/snapshot.js";
import { joinParts, piecesJoined } from "../../src/hosts/eml/postal-mime-parts.js";

const codes = (diagnostics: readonly { code: string }[] | undefined): string[] => (diagnostics ?? []).map((d) => d.code);
const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

describe("postal-mime's decoded pieces, joined without a Blob", () => {
  it("is installed (fails when a postal-mime upgrade changes the internals it wraps: see postal-mime-parts.ts)", () => {
    expect(piecesJoined).toBe(true);
  });

  it("joins strings (as UTF-8), ArrayBuffers and views with an offset, as Blob does", () => {
    const buffer = Uint8Array.from([9, 1, 2, 3, 9]).buffer;
    const joined = joinParts(["a\n", new Uint8Array(buffer, 1, 3), "é", Uint8Array.from([4]).buffer, new DataView(buffer, 4, 1), ""]);
    expect([...joined]).toEqual([0x61, 0x0a, 1, 2, 3, 0xc3, 0xa9, 4, 9]);
  });

  it("decodes a text part of 200,000 lines, a base64 part padded on every line and a quoted-printable part the same as before", async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => (i % 1000 === 0 ? `line ${i}` : "")).join("\r\n");
    const padded = Array.from({ length: 2000 }, () => "QQ==").join("\r\n"); // "A" per line: 2,000 pieces
    const source = [
      "From: a@example.jp",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain; charset=utf-8",
      "",
      lines,
      "--b",
      'Content-Type: application/octet-stream; name="a.bin"',
      "Content-Transfer-Encoding: base64",
      "",
      padded,
      "--b",
      'Content-Type: application/octet-stream; name="r.bin"',
      "Content-Transfer-Encoding: base64",
      "",
      "QUJD",
      "RA",
      "--b",
      'Content-Type: application/octet-stream; name="q.bin"',
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "caf=C3=A9=",
      " ok",
      "--b--",
      "",
    ].join("\r\n");
    const s = await snapshotFromEml(source);
    expect(codes(s.diagnostics)).toEqual([]);
    expect(s.text?.split("\n").filter((l) => l.startsWith("line ")).length).toBe(200);
    expect(text(s.attachments[0]?.bytes)).toBe("A".repeat(2000));
    expect(text(s.attachments[1]?.bytes)).toBe("ABCD"); // the unpadded last group, flushed at the end
    expect(text(s.attachments[2]?.bytes)).toBe("café ok\n");
  });
});

describe("limits on what postal-mime is given (MIME_TOO_COMPLEX)", () => {
  const parts = (n: number): string =>
    ["From: a@example.jp", "Content-Type: multipart/mixed; boundary=b", "", ...Array.from({ length: n }, (_, i) => `--b\r\nContent-Type: text/plain\r\n\r\npart ${i}`), "--b--", ""].join("\r\n");

  it("reads up to maxMimeParts parts (counted as delimiter lines) and says so", async () => {
    const analysis = await analyzeEml(parts(30), { now: () => new Date(0), limits: { maxMimeParts: 10 } });
    expect(codes(analysis.diagnostics)).toContain("MIME_TOO_COMPLEX");
    expect(analysis.diagnostics.find((d) => d.code === "MIME_TOO_COMPLEX")?.message.en).toContain("10 MIME parts");
    expect(analysis.incomplete).toBe(true);
    expect(codes((await snapshotFromEml(parts(10), { maxMimeParts: 11 })).diagnostics)).toEqual([]); // ten parts and the close delimiter
  });

  it("does not count HTML comment ends (\"-->\" at the start of a line) as parts", async () => {
    const html = Array.from({ length: 50 }, () => "<!--\r\nstyle\r\n-->").join("\r\n");
    const s = await snapshotFromEml(`From: a@example.jp\r\nContent-Type: text/html\r\n\r\n${html}`, { maxMimeParts: 5 });
    expect(codes(s.diagnostics)).toEqual([]);
  });

  it("stops a mail of 2,100 empty parts at the default limit, keeping the parts before it", async () => {
    const s = await snapshotFromEml(parts(DEFAULT_LIMITS.maxMimeParts + 100));
    expect(codes(s.diagnostics)).toEqual(["MIME_TOO_COMPLEX"]);
    expect(s.attachments.length + (s.text === undefined ? 0 : 1)).toBeGreaterThan(0);
  });

  it("reads up to maxInputLines lines", async () => {
    const source = `From: a@example.jp\r\nSubject: lines\r\n\r\n${"\r\n".repeat(100)}http://late.example/\r\n`;
    const cut = await snapshotFromEml(source, { maxInputLines: 50 });
    expect(codes(cut.diagnostics)).toEqual(["MIME_TOO_COMPLEX"]);
    expect(cut.diagnostics?.[0]?.message.ja).toContain("50 行");
    expect(cut.text ?? "").not.toContain("late.example");
    expect(cut.subject).toBe("lines");
    expect(codes((await snapshotFromEml(source, { maxInputLines: 104 })).diagnostics)).toEqual([]);
  });

  it("counts the lines of an attachment's body against maxInputLines, and finds the boundary after it", async () => {
    const base64Lines = Array.from({ length: 300 }, () => "QUJD".repeat(19)).join("\r\n");
    const source = [
      "From: a@example.jp",
      "Subject: attachment",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: application/octet-stream; name=data.bin",
      "Content-Transfer-Encoding: base64",
      "",
      base64Lines,
      "--b",
      "Content-Type: text/plain",
      "",
      "http://after.example/",
      "--b--",
      "",
    ].join("\r\n");
    // 300 lines of base64 inside a 200-line limit: cut in the attachment, the text part never read.
    const cut = await snapshotFromEml(source, { maxInputLines: 200 });
    expect(codes(cut.diagnostics)).toEqual(["MIME_TOO_COMPLEX"]);
    expect(cut.text ?? "").not.toContain("after.example");
    // With room for every line the part after the attachment is read whole: counting line by line
    // (400: fewer than the bytes left) and skipping the count (the default: more than the bytes).
    for (const options of [{ maxInputLines: 400 }, {}]) {
      const whole = await snapshotFromEml(source, options);
      expect(codes(whole.diagnostics)).toEqual([]);
      expect(whole.text).toContain("http://after.example/");
      expect(whole.attachments.map((a) => a.size)).toEqual([300 * 57]);
    }
  });

  it("reads up to maxHeaderLines header lines: the mail's, its parts', and those of a mail attached to it", async () => {
    const junk = (n: number): string => Array.from({ length: n }, () => "=").join("\r\n");
    const top = `From: a@example.jp\r\n${junk(40)}\r\n\r\nbody`;
    expect(codes((await snapshotFromEml(top, { maxHeaderLines: 30 })).diagnostics)).toEqual(["MIME_TOO_COMPLEX"]);
    expect(codes((await snapshotFromEml(top, { maxHeaderLines: 41 })).diagnostics)).toEqual([]);
    // Lines of header junk in a part.
    const part = `From: a@example.jp\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n${junk(40)}\r\n\r\nx\r\n--b--\r\n`;
    expect(codes((await snapshotFromEml(part, { maxHeaderLines: 30 })).diagnostics)).toEqual(["MIME_TOO_COMPLEX"]);
    // The headers of an attached mail (message/rfc822) follow the part's blank line.
    const attached = `From: a@example.jp\r\nContent-Type: message/rfc822\r\n\r\nFrom: b@example.jp\r\n${junk(40)}\r\n\r\ninner body`;
    expect(codes((await snapshotFromEml(attached, { maxHeaderLines: 30 })).diagnostics)).toEqual(["MIME_TOO_COMPLEX"]);
    // Ordinary body lines are not header lines.
    const body = `From: a@example.jp\r\n\r\n${junk(40)}`;
    expect(codes((await snapshotFromEml(body, { maxHeaderLines: 30 })).diagnostics)).toEqual([]);
  });

  it("reads a folded Content-Type as postal-mime does: an attached mail's header lines count however the type is written", async () => {
    const junk = Array.from({ length: 40 }, () => "X: y").join("\r\n");
    for (const contentType of ["Content-Type:\r\n message/rfc822", "Content-Type\r\n : message/rfc822", "content-type \r\n\t\r\n :\r\n  message/rfc822"]) {
      const attached = `From: a@example.jp\r\n${contentType}\r\n\r\nFrom: b@example.jp\r\n${junk}\r\n\r\ninner body`;
      expect(codes((await snapshotFromEml(attached, { maxHeaderLines: 30 })).diagnostics), contentType).toEqual(["MIME_TOO_COMPLEX"]);
    }
    // Another field whose name starts the same is not a Content-Type; only the first Content-Type counts (as in postal-mime).
    for (const fields of ["Content-Types: message/rfc822", "Content-Type: text/plain\r\nContent-Type: message/rfc822"]) {
      const notAttached = `From: a@example.jp\r\n${fields}\r\n\r\n${junk}\r\n\r\nbody`;
      expect(codes((await snapshotFromEml(notAttached, { maxHeaderLines: 30 })).diagnostics), fields).toEqual([]);
    }
  });

  it("bounds the host's own header work too: 200,000 From fields cost one cut, not 200,000 parses", async () => {
    const source = `${"From: <>\r\n".repeat(200_000)}Subject: after\r\n\r\nbody`;
    const analysis = await analyzeEml(source, { now: () => new Date(0) });
    expect(codes(analysis.diagnostics)).toContain("MIME_TOO_COMPLEX");
    expect(analysis.incomplete).toBe(true);
    expect(analysis.message.subject).toBeUndefined();
  });

  it("parses address fields named with spaces before the colon within the address budget (postal-mime reads them as To)", async () => {
    const many = Array.from({ length: 5000 }, (_, i) => `user${i}@example.jp`).join(", ");
    const s = await snapshotFromEml(`From: a@example.jp\r\nTo${" ".repeat(80)}: ${many}\r\n\r\nx`);
    expect(codes(s.diagnostics)).toEqual(["HEADER_TOO_LONG"]);
    expect(s.to.length).toBeGreaterThan(100);
    expect(s.to.length).toBeLessThan(5000);
  });

  it("parses an address field whose colon comes after a fold within the address budget (postal-mime unfolds first)", async () => {
    // Found by the fuzzer: "From" alone on its line, then 22,000 continuation lines " : <a@b>"
    // — postal-mime reads one From field of 480 KB, and parsed it in 1.3 s.
    const folded = `From\r\n${" : <any@attack.example>\r\n".repeat(22_000)}To: b@example.jp\r\n\r\nx`;
    const s = await snapshotFromEml(folded);
    expect(codes(s.diagnostics)).toContain("HEADER_TOO_LONG");
    expect(s.diagnostics?.find((d) => d.code === "HEADER_TOO_LONG")?.message.en).toContain("From");
    expect(s.to.map((m) => m.address)).toEqual(["b@example.jp"]); // the fields after it are read
  });
});

describe("encoded words handed to postal-mime (ENCODED_WORDS_LIMIT)", () => {
  // postal-mime joins adjacent encoded words at a cost that grows with the square of the run:
  // 16,000 of them in a subject, a file name or a description took seconds.
  const WORD = "=?UTF-8?B?44Gr44KD44KT44GT?="; // にゃんこ
  const words = (n: number): string => Array.from({ length: n }, () => WORD).join(" ");

  it("reads a subject up to its 100th encoded word and says so", async () => {
    const s = await snapshotFromEml(`From: a@example.jp\r\nSubject: ${words(16_000)}\r\nTo: b@example.jp\r\n\r\nbody`);
    expect(codes(s.diagnostics)).toEqual(["ENCODED_WORDS_LIMIT"]);
    expect(s.diagnostics?.[0]?.message.en).toContain("Subject");
    expect(s.subject).toBe("にゃんこ".repeat(100));
    expect(s.to.map((m) => m.address)).toEqual(["b@example.jp"]); // the fields after it are read
    expect(codes((await snapshotFromEml(`From: a@example.jp\r\nSubject: ${words(100)}\r\n\r\nx`)).diagnostics)).toEqual([]);
  });

  it("cuts folded continuation lines past the limit, and file names and descriptions in parts", async () => {
    const folded = Array.from({ length: 3000 }, () => WORD).join("\r\n ");
    const part = `From: a@example.jp\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: application/pdf\r\nContent-Description: ${folded}\r\nContent-Disposition: attachment; filename="${words(16_000)}"\r\n\r\nx\r\n--b--\r\n`;
    const s = await snapshotFromEml(part);
    expect(codes(s.diagnostics)).toEqual(["ENCODED_WORDS_LIMIT", "ENCODED_WORDS_LIMIT"]);
    expect(s.diagnostics?.map((d) => d.message.en.split(" header")[0])).toEqual(["The Content-Description", "The Content-Disposition"]);
    expect(s.attachments).toHaveLength(1);
  });

  it("shares 2,000 encoded words among all header fields of the mail", async () => {
    const parts = Array.from({ length: 30 }, (_, i) => `--b\r\nContent-Type: text/plain; name="${words(99)}"\r\n\r\npart ${i}`).join("\r\n");
    const s = await snapshotFromEml(`From: a@example.jp\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${parts}\r\n--b--\r\n`);
    expect(codes(s.diagnostics)).toEqual(["ENCODED_WORDS_LIMIT"]);
  });
});

describe("text bodies handed to postal-mime (TEXT_TOO_LARGE)", () => {
  // postal-mime holds a text part as bytes and as a string at once: a 30 MB text body peaked at
  // seven times its size. Text is read up to MAX_TEXT_BYTES in all; attachments stay whole.
  const LINE = "Quarterly figures, line after line. https://early.example/q\r\n";
  const lines = (bytes: number): string => LINE.repeat(Math.ceil(bytes / LINE.length));

  it("reads a text body up to the limit, says so, and marks the analysis incomplete", async () => {
    const mail = `From: a@example.jp\r\nSubject: big\r\nContent-Type: text/plain\r\n\r\n${lines(MAX_TEXT_BYTES + 100_000)}https://late.example/x\r\n`;
    const analysis = await analyzeEml(mail);
    expect(codes(analysis.diagnostics)).toContain("TEXT_TOO_LARGE");
    expect(analysis.incomplete).toBe(true);
    const hosts = new Set(analysis.links.map((l) => l.target.host));
    expect(hosts.has("early.example")).toBe(true);
    expect(hosts.has("late.example")).toBe(false);
  });

  it("counts the text parts of a multipart mail together, and keeps the attachment and the parts after the cut", async () => {
    const half = lines(MAX_TEXT_BYTES / 2 + 50_000);
    const mail = [
      "From: a@example.jp",
      "Content-Type: multipart/mixed; boundary=b",
      "",
      "--b",
      "Content-Type: text/plain; charset=utf-8",
      "",
      half,
      "--b",
      "Content-Type: application/pdf; name=a.pdf",
      "Content-Transfer-Encoding: base64",
      "",
      btoa("%PDF-1.7 ".repeat(100_000)).replace(/.{76}/g, "$&\r\n"),
      "--b",
      "Content-Type: text/html",
      "",
      `${half}<a href="https://late.example/">x</a>`,
      "--b--",
      "",
    ].join("\r\n");
    const s = await snapshotFromEml(mail);
    expect(codes(s.diagnostics)).toEqual(["TEXT_TOO_LARGE"]);
    expect(s.attachments.map((a) => [a.name, a.bytes?.length])).toEqual([["a.pdf", 900_000]]);
    expect(s.text?.length).toBeGreaterThan(MAX_TEXT_BYTES / 2);
    expect(s.html).not.toContain("late.example");
  });

  it("counts a text body whose Content-Type is folded (\"Content-Type:\" CRLF \" text/plain\")", async () => {
    for (const contentType of ["Content-Type:\r\n text/plain", "Content-Type\r\n : text/plain"]) {
      const mail = `From: a@example.jp\r\n${contentType}\r\n\r\n${lines(MAX_TEXT_BYTES + 100_000)}`;
      expect(codes((await snapshotFromEml(mail)).diagnostics), contentType).toEqual(["TEXT_TOO_LARGE"]);
    }
  });

  it("keeps the start of a body written as one long base64 line", async () => {
    const body = Buffer.from(`始まり ${"x".repeat(MAX_TEXT_BYTES)}`).toString("base64");
    const s = await snapshotFromEml(`From: a@example.jp\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${body}\r\n`);
    expect(codes(s.diagnostics)).toEqual(["TEXT_TOO_LARGE"]);
    expect(s.text?.startsWith("始まり x")).toBe(true);
    expect(s.text?.length).toBeGreaterThan(MAX_TEXT_BYTES / 2);
  });

  describe("finds the attachments after a cut text part exactly as without the filler", () => {
    // The cut once dropped the crossing line's line break, so the next boundary was glued to the
    // kept text and postal-mime saw no later part: padding turned "danger" into "clean".
    const exe = [
      "--b",
      'Content-Type: application/octet-stream; name="invoice.pdf.exe"',
      'Content-Disposition: attachment; filename="invoice.pdf.exe"',
      "Content-Transfer-Encoding: base64",
      "",
      btoa(`MZ\x90\x00${"x".repeat(300)}`),
      "--b--",
      "",
    ];
    const multipart = (...body: string[]): string => ["From: a@example.jp", "Subject: x", "Content-Type: multipart/mixed; boundary=b", "", ...body, ...exe].join("\r\n");
    const textPart = (body: string, head = "Content-Type: text/plain"): string => ["--b", head, "", body].join("\r\n");
    const filler = lines(MAX_TEXT_BYTES + 200_000);
    const japaneseHtml = Buffer.from("<p>今月のお知らせ: 新商品のご案内です。</p>\n".repeat(60_000)).toString("base64").replace(/.{76}/g, "$&\r\n");
    const cases: Record<string, string> = {
      "text filler of many lines": multipart(textPart(filler)),
      "one long line with no line break before the boundary": multipart(textPart("x".repeat(MAX_TEXT_BYTES + 200_000))),
      "a base64 Japanese HTML newsletter of 3.5 MB": multipart(textPart(japaneseHtml, "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64")),
      "an HTML comment of 2.1 MB": multipart(textPart(`<html><!-- ${filler} --><p>hi</p></html>`, "Content-Type: text/html")),
      "a MIME preamble of 2.1 MB": multipart(filler, textPart("hi")),
      "a nested multipart's preamble of 2.1 MB": multipart("--b", "Content-Type: multipart/alternative; boundary=c", "", filler, "--c", "Content-Type: text/plain", "", "hi", "--c--"),
    };
    const summary = (a: Awaited<ReturnType<typeof analyzeEml>>) => ({
      verdict: a.verdict,
      findings: a.findings.filter((f) => f.group === "attachments").map((f) => f.id),
      attachments: a.attachments.map((x) => [x.name, x.size, x.sha256]),
    });
    it.each(Object.keys(cases))("%s", async (name) => {
      const reference = summary(await analyzeEml(multipart(textPart("hello"))));
      expect(reference.verdict).toBe("danger");
      expect(reference.attachments[0]?.[2]).toMatch(/^[0-9a-f]{64}$/);
      const padded = await analyzeEml(cases[name]!);
      expect(summary(padded)).toEqual(reference);
    });
  });

  it("leaves an ordinary mail and a large attachment alone", async () => {
    const mail = `From: a@example.jp\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Type: application/octet-stream; name=big.bin\r\n\r\n${"A".repeat(MAX_TEXT_BYTES + 1000)}\r\n--b--\r\n`;
    const s = await snapshotFromEml(mail);
    expect(codes(s.diagnostics)).toEqual([]);
    expect(s.attachments[0]?.bytes?.length).toBeGreaterThanOrEqual(MAX_TEXT_BYTES + 1000); // whole (postal-mime ends a part with its line end)
  });
});
