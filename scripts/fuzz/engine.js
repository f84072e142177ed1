// The mutation fuzzer's engine, shared by `npm run fuzz` (scripts/fuzz.js, over the compiled
// lib/) and the fuzz test in `npm test` (test/fuzz/fuzz.test.ts, over src/). The analysis
// function is passed in, so both run exactly the same inputs.
//
// Reproducible: input number i of seed S is a pure function of (S, i, the seed list) — its own
// PRNG is seeded from both — so any input replays alone, in any order, in another process.
//
// The corpora hold live malware: inputs are only ever bytes in memory. Nothing is opened, run or
// extracted; only a failing input is written (whole, as mail) where the caller says.
import { Buffer } from "node:buffer";
import { readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { corpusFiles } from "../lib/corpus-files.js";
import { seededRandom as random } from "../lib/random.js";
import { syntheticSeeds } from "./seeds.js";

export const CORPUS_FOLDERS = ["phish", "ham", "malformed", "headers"];
/** One input takes longer than this: a failure (the pane answers within a fraction of a second). */
export const LIMIT_MS = 1000;
/** Mutated inputs are kept under this size (repetitions stop there). */
export const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;


/** The PRNG seed of input `index` under run seed `seed` (murmur3's finaliser over both). */
export function inputSeed(seed, index) {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The seed mails: every file of the corpus folders (sorted, SOURCES.tsv aside), then the
 * synthetic seeds. `maxBytes` leaves out larger files (the test's quick run).
 */
export function loadSeeds(corpora, { maxBytes = Infinity, folders = CORPUS_FOLDERS } = {}) {
  const seeds = [];
  for (const folder of folders) {
    for (const path of corpusFiles(join(corpora, folder))) {
      if (statSync(path).size > maxBytes) continue;
      const file = readFileSync(path);
      seeds.push({ name: relative(corpora, path), bytes: new Uint8Array(file.buffer, file.byteOffset, file.length) });
    }
  }
  return [...seeds, ...syntheticSeeds()];
}

/** A short fingerprint of the seed list: a replay needs the same seeds in the same order. */
export function seedsFingerprint(seeds) {
  let h = 0x811c9dc5;
  for (const s of seeds) {
    for (const c of `${s.name}:${s.bytes.length};`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  }
  return `${seeds.length} seeds, ${(seeds.reduce((n, s) => n + s.bytes.length, 0) / 1024 / 1024).toFixed(1)} MB, #${h.toString(16).padStart(8, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// Mutations work on "binary strings" (latin1: one char per byte), so string search and slicing
// apply and every byte survives the round trip.

const toText = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
const toBytes = (text) => {
  const b = Buffer.from(text, "latin1");
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
};

/** Bytes that mean something to a mail parser. */
const INTERESTING = ["\r", "\n", "\r\n", ":", ";", "=", "-", "--", "<", ">", '"', "'", " ", "\t", "\0", "\xff", "\x1b$B", "\x1b(B", "=?", "?=", "@", "/", "\\", "&", "#", "%", "\xe3\x81\x82", "\xc0", "\x80"];
const CHARSETS = ["utf-8", "UTF-8", "iso-2022-jp", "ISO-2022-JP", "shift_jis", "Shift-JIS", "euc-jp", "cp932", "windows-31j", "utf-7", "utf-16", "utf-16le", "iso-8859-1", "gb2312", "ks_c_5601-1987", "x-unknown", "", "unicode-1-1-utf-7", "utf-8*ja", "us-ascii'ja'", `x-${"a".repeat(300)}`, "\xff\xfe", "iso-2022-jp-2", "big5", "koi8-r"];
const ENCODINGS = ["base64", "quoted-printable", "7bit", "8bit", "binary", "x-uuencode", "BASE64", "Quoted-Printable", "", "base-64", "x-token"];
const CONTENT_TYPES = [
  "multipart/mixed",
  "multipart/mixed; boundary=",
  'multipart/alternative; boundary="b"',
  "multipart/related; boundary=x; type=text/html",
  "multipart/signed; boundary=s; protocol=application/pkcs7-signature",
  "message/rfc822",
  "message/partial; id=x; number=1; total=2",
  "text/html; charset=iso-2022-jp",
  "text/plain; format=flowed; delsp=yes",
  "application/octet-stream; name==?utf-8?B?5pu45LqbLnBkZi5leGU=?=",
  "application/ms-tnef",
  "text/calendar; method=REQUEST",
  "application/pdf; name*0*=utf-8''%E8%AB%8B; name*1*=%E6%B1%82.pdf",
  "text",
  "/",
  ";;;;",
];
/** Header fields added whole: the parsers of Received, Authentication-Results and addresses. */
const FIELDS = [
  "Received: from mail.example.jp (mail.example.jp [203.0.113.9]) by mx.example.co.jp (Postfix) with ESMTPS id ABC; Mon, 2 Jun 2025 10:00:00 +0900",
  "Received: from unknown (HELO x) ([2001:db8::5]:25) by mx (8.15/8.15) with SMTP id x; 2 Jun 2025 10:00:00 -0000",
  "Received: from [127.0.0.1] by localhost with HTTP; Mon, 02 Jun 2025 01:00:00 GMT",
  "Received: (qmail 1234 invoked by uid 0); 2 Jun 2025 10:00:00 -0000",
  "Received: from a (b [c]) by d via e with f id g for <h@i>; j",
  "Received: by 2002:a05:6a10:8c0e:b0:5a1:1b2:c3d4 with SMTP id x; Mon, 2 Jun 2025 10:00:00 -0700 (PDT)",
  "Received: from host (host [999.1.2.3]) by mx with ESMTPSA; 31 Feb 2025 25:61:61 +9999",
  "Authentication-Results: mx.example.co.jp; spf=pass smtp.mailfrom=example.jp; dkim=fail (bad signature) header.d=example.jp header.i=@example.jp; dmarc=fail (p=QUARANTINE) header.from=example.jp",
  "Authentication-Results: spf=softfail (sender IP is 203.0.113.9) smtp.mailfrom=go.jp; dkim=none (message not signed) header.d=none;dmarc=fail action=none header.from=go.jp;compauth=fail reason=001",
  "Authentication-Results: i=1; mx.google.com; arc=pass (i=1 spf=pass) ; spf=pass (google.com: domain of x@y designates 1.2.3.4 as permitted sender) smtp.mailfrom=x@y",
  "Authentication-Results: ; ; ; none",
  "Authentication-Results: mx; (comment (nested (deeply)) spf=pass",
  "ARC-Authentication-Results: i=2; mx.example; dkim=pass header.d=example.jp",
  "ARC-Seal: i=1; a=rsa-sha256; t=1; cv=none; d=example; s=s; b=AAAA",
  "X-Forefront-Antispam-Report: CIP:203.0.113.9;CTRY:CN;LANG:ja;SCL:1;SRV:;IPV:NLI;SFV:NSPM;",
  "X-Originating-IP: [198.51.100.77]",
  "From: \"www.mof.go.jp\" <a@evil.example>, =?utf-8?B?6LKh5YuZ55yB?= <b@mof.go.jp>",
  "From: Bank, Support <support@bank.example>",
  "From: <>",
  "Reply-To: group: a@b.example, c@d.example;",
  "To: " + Array.from({ length: 20 }, (_, i) => `u${i}@example.co.jp`).join(", "),
  "Cc: \"a,b\" <a@b>, (comment) c@d, @route:e@f, g@[192.0.2.1]",
  "Return-Path: <>",
  "Sender: =?iso-2022-jp?B?GyRCJCIbKEI=?= <s@example.jp>",
  "Subject: =?ISO-2022-JP?B?GyRCJTUlJCVIGyhC?= =?UTF-8?Q?=E8=BF=94=E4=BF=A1?=",
  "Subject: Re: 転送: RE: Fw: 返信:",
  "Date: Mon, 2 Jun 2025 10:00:00 +0900 (JST)",
  "Date: 2025-06-02T10:00:00Z",
  "Date: yesterday",
  "Message-ID: <x@y@z>",
  "In-Reply-To: <>",
  "References: <a@b> <c@d>,,,< >",
  "Content-Disposition: attachment; filename*0*=utf-8''%E8%AB%8B; filename*1=\"\u202Efdp.exe\"",
  "Content-Disposition: inline; filename=\"a.pdf                                  .exe\"",
];

const pick = (rng, list) => list[Math.floor(rng() * list.length)];
const int = (rng, n) => Math.floor(rng() * n);
/** 1..n-1, small numbers more often (log-uniform). */
const small = (rng, n) => Math.max(1, Math.floor(n ** rng()));
const logUniform = (rng, lo, hi) => Math.floor(lo * (hi / lo) ** rng());

function headerEnd(s) {
  const crlf = s.indexOf("\r\n\r\n");
  const lf = s.indexOf("\n\n");
  if (crlf < 0) return lf < 0 ? s.length : lf + 2;
  return lf < 0 || crlf < lf ? crlf + 4 : lf + 2;
}

/** Start of the line holding position `at`, and the end of that line (before its line break). */
function lineAround(s, at) {
  const start = s.lastIndexOf("\n", at - 1) + 1;
  let end = s.indexOf("\n", at);
  if (end < 0) end = s.length;
  return { start, end: end > start && s[end - 1] === "\r" ? end - 1 : end };
}

/** Boundary parameters of every Content-Type in the mail (at most the first 50). */
function boundaries(s) {
  const out = [];
  const lower = s.length > 4_000_000 ? s.slice(0, 4_000_000).toLowerCase() : s.toLowerCase();
  for (let at = lower.indexOf("boundary"); at >= 0 && out.length < 50; at = lower.indexOf("boundary", at + 8)) {
    let i = at + 8;
    while (s[i] === " " || s[i] === "\t") i++;
    if (s[i] !== "=") continue;
    i++;
    while (s[i] === " " || s[i] === "\t") i++;
    let value;
    let end;
    if (s[i] === '"') {
      end = s.indexOf('"', i + 1);
      if (end < 0 || end - i > 200) continue;
      value = s.slice(i + 1, end);
      end++;
    } else {
      end = i;
      while (end < s.length && end - i < 200 && !" \t\r\n;\"".includes(s[end])) end++;
      value = s.slice(i, end);
    }
    if (value !== "") out.push({ value, start: i, end });
  }
  return out;
}

/** Offsets of the delimiter lines "--boundary" (up to `max`). */
function delimiters(s, boundary, max = 2000) {
  const out = [];
  const needle = `--${boundary}`;
  for (let at = s.indexOf(needle); at >= 0 && out.length < max; at = s.indexOf(needle, at + needle.length)) {
    if (at === 0 || s[at - 1] === "\n") out.push(at);
  }
  return out;
}

/** Lines of base64 or quoted-printable in the neighbourhood of a random point. */
function encodedLine(s, rng) {
  const from = int(rng, s.length);
  for (let at = from, tries = 0; at < s.length && tries < 400; tries++) {
    const { start, end } = lineAround(s, at);
    const length = end - start;
    if (length >= 40 && length <= 1000) {
      let b64 = true;
      let qp = false;
      for (let k = start; k < end; k++) {
        const c = s.charCodeAt(k);
        const base64Char = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61;
        if (!base64Char) b64 = false;
        if (c === 61) qp = true;
      }
      if (b64 || qp) return { start, end, kind: b64 ? "base64" : "qp" };
    }
    const next = s.indexOf("\n", at);
    if (next < 0) break;
    at = next + 1;
  }
  return undefined;
}

/** Header lines ("Name: value", with their folded continuation lines) of the block starting at `from`. */
function headerFields(s, from, limit = 500) {
  const out = [];
  let at = from;
  while (at < s.length && out.length < limit) {
    const { start, end } = lineAround(s, at);
    if (end === start) break;
    let stop = end;
    let next = s.indexOf("\n", end);
    while (next >= 0 && (s[next + 1] === " " || s[next + 1] === "\t")) {
      stop = lineAround(s, next + 1).end;
      next = s.indexOf("\n", stop);
    }
    const colon = s.indexOf(":", start);
    if (colon > start && colon < stop) out.push({ start, end: stop, colon });
    if (next < 0) break;
    at = next + 1;
  }
  return out;
}

/** A header block to work in: the top-level one, or a MIME part's. */
function someHeaderBlock(s, rng) {
  if (rng() < 0.6) return 0;
  const bs = boundaries(s);
  if (bs.length === 0) return 0;
  const ds = delimiters(s, pick(rng, bs).value, 200);
  if (ds.length === 0) return 0;
  const at = s.indexOf("\n", pick(rng, ds));
  return at < 0 ? 0 : at + 1;
}

function encodedWordGarbage(rng) {
  const charset = pick(rng, CHARSETS);
  const encoding = pick(rng, ["B", "Q", "b", "q", "X", ""]);
  const payload = pick(rng, [
    () => Buffer.from(Array.from({ length: small(rng, 60) }, () => int(rng, 256))).toString("base64"),
    () => "=E3=81=82=ZZ=" + "_".repeat(int(rng, 5)),
    () => "GyRCJCIbKEI",
    () => "////" + "=".repeat(int(rng, 4)),
    () => "?".repeat(small(rng, 10)),
    () => "\x1b$B$\"",
    () => "",
  ])();
  const word = `=?${charset}?${encoding}?${payload}?=`;
  const count = rng() < 0.2 ? logUniform(rng, 10, 5000) : small(rng, 4);
  const sep = pick(rng, [" ", "", "\r\n ", "\t"]);
  const unterminated = rng() < 0.15 ? `=?${charset}?B?` : "";
  return Array.from({ length: count }, () => word).join(sep) + unterminated;
}

/** Each mutation takes the mail as a binary string and returns the new one, with a label. */
/**
 * `text` repeated `count` times, but never much past `maxBytes` (generate() cuts there anyway):
 * a mutated boundary or header of a megabyte repeated 20,000 times is beyond what a string can hold.
 */
function repeatWithin(text, count, maxBytes) {
  return text.repeat(Math.max(1, Math.min(count, Math.ceil(maxBytes / Math.max(1, text.length)))));
}

const MUTATIONS = {
  bitflip(s, rng) {
    if (s.length === 0) return s;
    const flips = small(rng, 17);
    let out = s;
    for (let k = 0; k < flips; k++) {
      const at = int(rng, out.length);
      out = out.slice(0, at) + String.fromCharCode(out.charCodeAt(at) ^ (1 << int(rng, 8))) + out.slice(at + 1);
    }
    return out;
  },
  insert(s, rng) {
    const at = int(rng, s.length + 1);
    const count = small(rng, 16);
    let add = "";
    for (let k = 0; k < count; k++) add += rng() < 0.5 ? pick(rng, INTERESTING) : String.fromCharCode(int(rng, 256));
    return s.slice(0, at) + add + s.slice(at);
  },
  delete(s, rng) {
    if (s.length === 0) return s;
    const at = int(rng, s.length);
    const length = rng() < 0.8 ? small(rng, 64) : int(rng, Math.max(1, s.length - at));
    return s.slice(0, at) + s.slice(at + length);
  },
  truncate(s, rng) {
    return s.slice(0, int(rng, s.length + 1));
  },
  boundary(s, rng, ctx) {
    const bs = boundaries(s);
    if (bs.length === 0) return MUTATIONS.separator(s, rng);
    const b = pick(rng, bs);
    const ds = delimiters(s, b.value);
    const choice = int(rng, 9);
    if (choice === 0 && ds.length > 0) {
      // Drop a delimiter line.
      const d = pick(rng, ds);
      const { end } = lineAround(s, d);
      return s.slice(0, d) + s.slice(end);
    }
    if (choice === 1) {
      // Remove the close delimiter (or every "--" after a boundary).
      const close = s.lastIndexOf(`--${b.value}--`);
      return close < 0 ? s : s.slice(0, close + 2 + b.value.length) + s.slice(close + 4 + b.value.length);
    }
    if (choice === 2) {
      // Change the parameter so that it no longer (or only partly) matches.
      const value = pick(rng, [b.value.slice(0, -1), `${b.value}x`, "", b.value.toUpperCase(), `"${b.value}`, b.value.slice(1), "-".repeat(small(rng, 80)), "x".repeat(logUniform(rng, 70, 100_000))]);
      return s.slice(0, b.start) + value + s.slice(b.end);
    }
    if (choice === 3) {
      // A delimiter where none belongs.
      const at = int(rng, s.length + 1);
      return `${s.slice(0, at)}\r\n--${b.value}${pick(rng, ["", "--", " ", "\t--", "x"])}\r\n${s.slice(at)}`;
    }
    if (choice === 4 && ds.length > 0) {
      // The same delimiter many times in a row: empty parts.
      const d = pick(rng, ds);
      const line = `--${b.value}\r\n`;
      return s.slice(0, d) + repeatWithin(line, logUniform(rng, 2, 20_000), ctx.maxBytes) + s.slice(d);
    }
    if (choice === 5 && ds.length > 0) {
      // A part that declares itself multipart with its parent's boundary (nesting without end).
      const d = pick(rng, ds);
      const next = s.indexOf("\n", d);
      if (next < 0) return s;
      return `${s.slice(0, next + 1)}Content-Type: multipart/mixed; boundary="${b.value}"\r\n${s.slice(next + 1)}`;
    }
    if (choice === 6) {
      // Deep nesting: parts inside parts, each with its own boundary.
      const depth = logUniform(rng, 10, 5000);
      let open = "";
      for (let k = 0; k < depth; k++) open += `--${b.value}${k}\r\nContent-Type: multipart/mixed; boundary="${b.value}${k + 1}"\r\n\r\n`;
      const at = ds.length > 0 ? pick(rng, ds) : headerEnd(s);
      return s.slice(0, at) + open + s.slice(at);
    }
    if (choice === 7 && ds.length > 0) {
      // A delimiter line with trailing garbage, or without its line break.
      const d = pick(rng, ds);
      const { end } = lineAround(s, d);
      return s.slice(0, end) + pick(rng, ["   ", "--", "garbage", "\0", ""]) + s.slice(end + (rng() < 0.5 ? 0 : 2));
    }
    return s.slice(0, b.start) + b.value + pick(rng, ["; boundary=other", '"', "\r\n", " ; charset=x"]) + s.slice(b.end);
  },
  separator(s, rng) {
    const end = headerEnd(s);
    const choice = int(rng, 6);
    if (choice === 0 && end < s.length) return s.slice(0, end - 2) + s.slice(end); // no blank line: the body runs into the headers
    if (choice === 1) return s.slice(0, end) + "\r\n".repeat(small(rng, 8)) + s.slice(end);
    if (choice === 2) return s.slice(0, Math.max(0, end - 2)) + pick(rng, ["\r\r", "\n \n", "\r\n\t\r\n", "\n\r\n", "\0\r\n"]) + s.slice(end);
    if (choice === 3) return s.replace(/\r\n/g, "\n");
    if (choice === 4) return s.replace(/\r?\n/g, "\r\n");
    return s.replace(/\r?\n/g, "\r");
  },
  encoded(s, rng, ctx) {
    const line = encodedLine(s, rng);
    if (!line) return MUTATIONS.contentHeader(s, rng, ctx);
    const { start, end, kind } = line;
    const choice = int(rng, 7);
    if (choice === 0) {
      const at = start + int(rng, end - start);
      return s.slice(0, at) + pick(rng, kind === "base64" ? ["=", "==", "!", " ", "\0", "-_", "===="] : ["=", "=\r\n", "=ZZ", "=4", "=\t", "=3D=3D"]) + s.slice(at);
    }
    if (choice === 1) {
      // Join the following lines into one long line.
      let stop = end;
      const joins = logUniform(rng, 2, 50_000);
      for (let k = 0; k < joins; k++) {
        const next = s.indexOf("\n", stop + 1);
        if (next < 0) break;
        stop = next;
      }
      return s.slice(0, start) + s.slice(start, stop).replace(/\r?\n/g, "") + s.slice(stop);
    }
    if (choice === 2) {
      const at = start + int(rng, end - start);
      return `${s.slice(0, at)}\r\n${s.slice(at)}`;
    }
    if (choice === 3) {
      // The line repeated: a decoded part of many megabytes.
      const text = s.slice(start, end) + "\r\n";
      const count = Math.min(logUniform(rng, 10, 200_000), Math.floor(ctx.maxBytes / text.length));
      return s.slice(0, start) + text.repeat(count) + s.slice(start);
    }
    if (choice === 4) return `${s.slice(0, end)}=${s.slice(end)}`; // padding (base64) or a soft break (qp) at the end of the line
    if (choice === 5) {
      // Soft line breaks only.
      return s.slice(0, start) + "=\r\n".repeat(logUniform(rng, 10, 100_000)) + s.slice(start);
    }
    return MUTATIONS.contentHeader(s, rng, ctx);
  },
  contentHeader(s, rng) {
    // Content-Type / Content-Transfer-Encoding / charset values swapped for odd ones.
    const lower = s.length > 4_000_000 ? s.slice(0, 4_000_000).toLowerCase() : s.toLowerCase();
    const which = pick(rng, ["content-transfer-encoding:", "content-type:", "charset="]);
    const found = [];
    for (let at = lower.indexOf(which); at >= 0 && found.length < 200; at = lower.indexOf(which, at + which.length)) found.push(at);
    if (found.length === 0) return `${pick(rng, FIELDS)}\r\n${s}`;
    const at = pick(rng, found) + which.length;
    let end = at;
    while (end < s.length && s[end] !== "\r" && s[end] !== "\n" && (which !== "charset=" || s[end] !== ";")) end++;
    const value = which === "content-transfer-encoding:" ? ` ${pick(rng, ENCODINGS)}` : which === "content-type:" ? ` ${pick(rng, CONTENT_TYPES)}` : pick(rng, CHARSETS);
    return s.slice(0, at) + value + s.slice(end);
  },
  header(s, rng, ctx) {
    const block = someHeaderBlock(s, rng);
    const fields = headerFields(s, block);
    const choice = int(rng, 8);
    if (fields.length === 0 || choice === 0) {
      // A whole field from the dictionary, anywhere in the block.
      const at = fields.length === 0 ? block : pick(rng, fields).start;
      const count = rng() < 0.1 ? logUniform(rng, 10, 20_000) : 1;
      return s.slice(0, at) + repeatWithin(`${pick(rng, FIELDS)}\r\n`, count, ctx.maxBytes) + s.slice(at);
    }
    const f = pick(rng, fields);
    const field = s.slice(f.start, f.end);
    if (choice === 1) {
      // Fold around the colon (postal-mime unfolds before it looks for the colon, so the field
      // keeps its name), many times over: how "From" CRLF " : …" became a 480 KB From field.
      if (rng() < 0.25) {
        const before = s.slice(f.start, f.colon);
        const fold = pick(rng, ["\r\n ", "\r\n\t", "\n "]);
        const value = s.slice(f.colon, f.end);
        const out = rng() < 0.5 ? `${before}${fold}${value}` : `${before}:${fold}${value.slice(1)}`;
        const count = rng() < 0.3 ? logUniform(rng, 10, 20_000) : 1;
        return s.slice(0, f.start) + (count === 1 ? out : before + repeatWithin(`${fold}${value}`, count, ctx.maxBytes)) + s.slice(f.end);
      }
      // Fold at random points (RFC 5322 §2.2.3), or fold into nothing.
      let out = field;
      const folds = small(rng, 30);
      for (let k = 0; k < folds; k++) {
        const at = int(rng, out.length + 1);
        out = out.slice(0, at) + pick(rng, ["\r\n ", "\r\n\t", "\n ", "\r\n \r\n ", "\r\n"]) + out.slice(at);
      }
      return s.slice(0, f.start) + out + s.slice(f.end);
    }
    if (choice === 2) {
      return s.slice(0, f.start) + repeatWithin(`${field}\r\n`, logUniform(rng, 2, 20_000), ctx.maxBytes) + s.slice(f.start);
    }
    if (choice === 3) {
      // A huge value.
      const value = s.slice(f.colon + 1, f.end) || " x";
      const size = logUniform(rng, 1000, Math.max(1001, Math.min(2_000_000, ctx.maxBytes)));
      return s.slice(0, f.end) + value.repeat(Math.ceil(size / value.length)).slice(0, size) + s.slice(f.end);
    }
    if (choice === 4) return s.slice(0, f.colon + 1) + " " + encodedWordGarbage(rng) + s.slice(f.end);
    if (choice === 5) {
      // A broken field name.
      return s.slice(0, f.start) + pick(rng, [" ", "\t", ":", "X-", "\0", "From ", ">"]) + s.slice(f.start, f.colon) + pick(rng, ["", " ", "\t", "::"]) + s.slice(f.colon);
    }
    if (choice === 6) {
      // Comments, quotes and angle brackets without end.
      const at = f.colon + 1 + int(rng, f.end - f.colon);
      return s.slice(0, at) + pick(rng, ["(", '"', "<", "\\", "((((((((((", "\"\\", ",,,,", "@", ":;"]).repeat(rng() < 0.2 ? logUniform(rng, 10, 100_000) : 1) + s.slice(at);
    }
    return s.slice(0, f.start) + s.slice(f.end + (s[f.end] === "\r" ? 2 : 1)); // remove the field
  },
  repeat(s, rng, ctx) {
    // Something repeated many times, within the size cap: a line, a part, a link, a field.
    const cap = logUniform(rng, Math.min(20_000, ctx.maxBytes), ctx.maxBytes);
    const choice = int(rng, 4);
    let unit;
    let at;
    if (choice === 0) {
      const bs = boundaries(s);
      const ds = bs.length > 0 ? delimiters(s, pick(rng, bs).value) : [];
      if (ds.length >= 2) {
        const k = int(rng, ds.length - 1);
        unit = s.slice(ds[k], ds[k + 1]);
        at = ds[k + 1];
      }
    } else if (choice === 1) {
      const lower = s.length > 4_000_000 ? s.slice(0, 4_000_000).toLowerCase() : s.toLowerCase();
      const from = int(rng, lower.length);
      const after = lower.indexOf("<a ", from);
      const open = after >= 0 ? after : lower.indexOf("<a ");
      const close = open < 0 ? -1 : lower.indexOf("</a>", open);
      if (open >= 0 && close > open && close - open < 10_000) {
        unit = s.slice(open, close + 4);
        at = close + 4;
      } else {
        const http = lower.indexOf("http", from);
        if (http >= 0) {
          let end = http;
          while (end < s.length && end - http < 2000 && !" \t\r\n\"'<>".includes(s[end])) end++;
          unit = `${s.slice(http, end)} `;
          at = end;
        }
      }
    } else if (choice === 2) {
      const fields = headerFields(s, 0);
      if (fields.length > 0) {
        const f = pick(rng, fields);
        unit = `${s.slice(f.start, f.end)}\r\n`;
        at = f.start;
      }
    }
    if (unit === undefined) {
      const { start, end } = lineAround(s, int(rng, s.length + 1));
      unit = `${s.slice(start, end)}\r\n`;
      at = start;
    }
    if (unit.length === 0) unit = "\r\n";
    const count = Math.max(1, Math.floor(Math.max(0, cap - s.length) / unit.length));
    return s.slice(0, at) + unit.repeat(count) + s.slice(at);
  },
  pad(s, rng, ctx) {
    // Padding past one of the limits on hostile input (src/core/options.ts, the .eml host's text
    // cut): the cheapest evasion there is. What padding hides must make the result incomplete,
    // never clean (runInput checks it against the mail before the padding).
    const room = Math.max(0, ctx.maxBytes - s.length);
    const end = headerEnd(s);
    const bs = boundaries(s);
    const boundary = bs.length > 0 ? pick(rng, bs).value : undefined;
    const delimiterLines = boundary === undefined ? [] : delimiters(s, boundary, 50);
    const firstDelimiter = delimiterLines[0] ?? -1;
    // Text goes before a later part (the cut must not swallow it), or at the end of the body.
    const beforePart = delimiterLines.length > 1 ? pick(rng, delimiterLines.slice(1)) : s.length;
    const insertAt = (at, text) => s.slice(0, at) + text + s.slice(at);
    switch (pick(rng, ["text", "textLine", "parts", "headerLines", "longHeader", "lines", "hops", "links"])) {
      case "text": // filler lines
        return insertAt(beforePart, repeatWithin("Filler of an ordinary newsletter, line after line.\r\n", 60_000, Math.min(room, 2_400_000)));
      case "textLine": // one line with no break before the next part
        return insertAt(beforePart, `${"x".repeat(Math.min(room, 2_200_000))}\r\n`);
      case "parts":
        return boundary === undefined ? s : insertAt(Math.max(0, firstDelimiter), repeatWithin(`--${boundary}\r\n\r\n`, 2_001 + int(rng, 100), room));
      case "headerLines":
        return `${repeatWithin("X-Pad: x\r\n", 50_001 + int(rng, 1000), room)}${s}`;
      case "longHeader": {
        const value = "x ".repeat(Math.floor(Math.min(room, 2_200_000) / 2));
        return `X-Pad: ${rng() < 0.5 ? value : value.replace(/(.{998})/g, "$1\r\n ")}\r\n${s}`;
      }
      case "lines":
        return insertAt(end, repeatWithin("\r\n", 500_001, room));
      case "hops":
        return `${repeatWithin("Received: from pad.example (pad.example [192.0.2.1]) by mx.example; Mon, 1 Jan 2024 00:00:00 +0000\r\n", 101 + int(rng, 50), room)}${s}`;
      default: // links
        return insertAt(beforePart, repeatWithin("https://pad.example/x\r\n", 2_001 + int(rng, 100), room));
    }
  },
  splice(s, rng, ctx) {
    // Bytes of another seed: a piece of it, or its body under these headers.
    const other = toText(pick(rng, ctx.seeds).bytes);
    if (rng() < 0.5) {
      const end = headerEnd(s);
      return s.slice(0, end) + other.slice(headerEnd(other));
    }
    const from = int(rng, other.length + 1);
    const length = logUniform(rng, 16, 65_536);
    const at = int(rng, s.length + 1);
    return s.slice(0, at) + other.slice(from, from + length) + s.slice(at);
  },
};

const synthetics = new WeakMap();
function syntheticOf(seeds) {
  let list = synthetics.get(seeds);
  if (!list) synthetics.set(seeds, (list = seeds.filter((s) => s.name.startsWith("synthetic/"))));
  return list;
}

/** How often each mutation is drawn (structural ones more than raw bytes: they reach further). */
const WEIGHTS = { bitflip: 3, insert: 3, delete: 3, truncate: 2, boundary: 4, separator: 1, encoded: 3, contentHeader: 2, header: 5, repeat: 3, splice: 2, pad: 2 };
const WEIGHTED = Object.entries(WEIGHTS).flatMap(([name, weight]) => Array.from({ length: weight }, () => name));

/**
 * Input `index` of run seed `seed`: a seed mail with 1–5 mutations. Returns the bytes and what
 * was done to them (for the failure report).
 */
export function generate(seeds, seed, index, { maxBytes = DEFAULT_MAX_BYTES } = {}) {
  const rng = random(inputSeed(seed, index));
  // One input in five starts from a synthetic seed: the corpora have few small examples of some
  // attachment formats, and the readers must be reached often.
  const synthetic = syntheticOf(seeds);
  const source = synthetic.length > 0 && rng() < 0.2 ? pick(rng, synthetic) : pick(rng, seeds);
  let s = toText(source.bytes);
  const ops = [];
  const count = 1 + (rng() < 0.5 ? 0 : rng() < 0.5 ? 1 : small(rng, 4));
  /** The mail before a last "pad" that cut nothing off: the reference runInput compares with. */
  let unpadded;
  for (let k = 0; k < count; k++) {
    const name = pick(rng, WEIGHTED);
    const before = s;
    s = MUTATIONS[name](s, rng, { seeds, maxBytes });
    ops.push(name);
    unpadded = name === "pad" && s.length <= maxBytes ? before : undefined;
    if (s.length > maxBytes) s = s.slice(0, maxBytes);
  }
  // One in eight runs: a configured organisation (trusted relays, authserv-ids, own domains).
  const configured = rng() < 0.125;
  return { bytes: toBytes(s), seed: source.name, ops, configured, unpadded: unpadded === undefined ? undefined : toBytes(unpadded) };
}

// ---------------------------------------------------------------------------------------------
// Non-vacuity: how many inputs reached each parser, read from what the analysis returns and from
// the stages the timing hook saw (AnalyzeOptions.timings). Nothing in the product is changed.

export function newCounts() {
  return { inputs: 0, mimeParsed: 0, html: 0, received: 0, receivedParsed: 0, authResults: 0, links: 0, linksHtml: 0, linksText: 0, linksAttachment: 0, attachments: 0, kinds: {}, findings: {}, diagnostics: {} };
}

const bump = (map, key) => (map[key] = (map[key] ?? 0) + 1);

/** Folds one analysis (and the stages seen while computing it) into the counts. */
export function observe(counts, analysis, stages) {
  counts.inputs++;
  const codes = new Set(analysis.diagnostics.map((d) => d.code));
  if (!codes.has("MIME_PARSE_FAILED") && !codes.has("EMPTY_INPUT")) counts.mimeParsed++;
  if (stages.has("html")) counts.html++;
  if (analysis.route.hops.length > 0) counts.received++;
  if (analysis.route.hops.some((h) => h.parsed)) counts.receivedParsed++;
  if (analysis.authentication.results.length > 0) counts.authResults++;
  if (analysis.links.length > 0) counts.links++;
  if (analysis.links.some((l) => l.source === "html")) counts.linksHtml++;
  if (analysis.links.some((l) => l.source === "text")) counts.linksText++;
  if (analysis.links.some((l) => l.source === "attachment")) counts.linksAttachment++;
  if (analysis.attachments.length > 0) counts.attachments++;
  for (const kind of new Set(analysis.attachments.map((a) => a.content?.kind ?? "no-content"))) bump(counts.kinds, kind);
  for (const f of analysis.findings) bump(counts.findings, f.id);
  for (const code of codes) bump(counts.diagnostics, code);
}

export function mergeCounts(into, from) {
  for (const [key, value] of Object.entries(from)) {
    if (typeof value === "number") into[key] += value;
    else for (const [k, v] of Object.entries(value)) into[key][k] = (into[key][k] ?? 0) + v;
  }
  return into;
}

/** Content kinds grouped by the reader that handles them. */
export const READERS = {
  zip: ["zip", "java-archive", "apk", "app-package", "odf"],
  ooxml: ["ooxml", "ooxml-word", "ooxml-excel", "ooxml-powerpoint"],
  ole: ["ole", "ole-word", "ole-excel", "ole-powerpoint", "ole-encrypted", "msi", "outlook-message", "ichitaro", "hwp"],
  pdf: ["pdf"],
  rtf: ["rtf"],
  html: ["html", "svg", "hta"],
  "tar/gzip": ["tar", "gzip"],
  "rar/7z/cab/iso": ["rar", "7z", "cab", "iso", "udf"],
};

export function readerCounts(counts) {
  return Object.fromEntries(Object.entries(READERS).map(([reader, kinds]) => [reader, kinds.reduce((n, k) => n + (counts.kinds[k] ?? 0), 0)]));
}

/** The parsers every fuzz run must reach, with their counts. */
export function parserCounts(counts) {
  return {
    "MIME parse": counts.mimeParsed,
    "HTML parse (parse5)": counts.html,
    "Received parsing": counts.receivedParsed,
    "Authentication-Results": counts.authResults,
    "link extraction": counts.links,
    ...Object.fromEntries(Object.entries(readerCounts(counts)).map(([k, v]) => [`attachment reader: ${k}`, v])),
  };
}

/**
 * A result that buys a "clean" it did not earn: incomplete yet clean, or clean where the same mail
 * without its padding was not (the padding hid what the checks had found).
 */
async function failsOpen(analyzeEml, analysis, unpadded, { config, lookupCountry }) {
  if (analysis.verdict !== "clean") return undefined;
  if (analysis.incomplete) return "fails open: incomplete, yet the verdict is clean";
  if (unpadded === undefined) return undefined;
  const reference = await analyzeEml(unpadded, { config, lookupCountry, now: () => new Date(0) });
  return reference.verdict === "danger" || reference.verdict === "caution" ? `fails open: padding turned ${reference.verdict} into clean` : undefined;
}

/**
 * Runs one input. A caught internal error (an attachment reader's last-resort catch, a rule that
 * threw) is a bug too, though the analysis survived it: it is reported as a failure.
 */
export async function runInput(analyzeEml, bytes, { config, lookupCountry, clock, unpadded }) {
  const stages = new Set();
  const timings = { clock, record: (stage) => stages.add(stage) };
  const started = clock();
  try {
    const analysis = await analyzeEml(bytes, { config, lookupCountry, timings, now: () => new Date(0) });
    const ms = clock() - started;
    const internal = analysis.diagnostics.find((d) => d.code === "RULE_FAILED" || d.message.en.includes("an internal error occurred"));
    // The CLI prints the analysis as JSON: it must serialise.
    JSON.stringify(analysis);
    const error = internal ? `caught internal error: ${internal.message.en} ${internal.detail ?? ""}` : await failsOpen(analyzeEml, analysis, unpadded, { config, lookupCountry });
    return { ms, analysis, stages, error };
  } catch (error) {
    return { ms: clock() - started, stages, error: error instanceof Error ? (error.stack ?? error.message) : String(error), threw: true };
  }
}
