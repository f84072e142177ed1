// Attachment content inspection (issue 4's budget: a 25 MB attachment inspected in ≤ 200 ms,
// memory within a small multiple of its size). The files are generated here: a zip with many
// entries (some deflated, one nested zip, some programs inside) and a PDF with object streams,
// URI links and large image streams.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { TextEncoder } from "node:util";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { inspectContent } from "../lib/core/attachments/content/inspect.js";
import { digestAttachments } from "../lib/core/attachments/digest.js";
import { DEFAULT_LIMITS } from "../lib/core/options.js";
import { seededRandom as random } from "../scripts/lib/random.js";
import { buildZip, concat } from "../scripts/lib/zip.js";

const SIZE = 25 * 1024 * 1024;
const enc = new TextEncoder();


function noise(n, seed) {
  const next = random(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 4) {
    const v = (next() * 2 ** 32) >>> 0;
    out[i] = v;
    out[i + 1] = v >>> 8;
    out[i + 2] = v >>> 16;
    out[i + 3] = v >>> 24;
  }
  return out;
}


/** 5,000 entries: mostly stored binary, some deflated text, a nested zip, a few programs. */
function bigZip() {
  const files = [];
  const text = enc.encode("Quarterly figures, line after line of ordinary text.\n".repeat(400));
  const mz = new Uint8Array(4096);
  mz.set([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0], 0);
  new DataView(mz.buffer).setUint32(0x3c, 0x80, true); // e_lfanew: the PE header offset
  mz.set([0x50, 0x45, 0, 0], 0x80);
  let total = 0;
  for (let i = 0; total < SIZE; i++) {
    if (i % 50 === 1) files.push({ name: `docs/report-${i}.txt`, data: text, method: 8 });
    else if (i % 997 === 3) files.push({ name: `docs/invoice-${i}.pdf`, data: mz, method: 8 });
    else files.push({ name: `images/scan-${i}.jpg`, data: noise(5000, i) });
    if (!files.at(-1).deflate) total += files.at(-1).data.length;
  }
  files.push({ name: "nested/more.zip", data: buildZip(Array.from({ length: 200 }, (_, i) => ({ name: `more/part-${i}.txt`, data: text, method: 8 }))), method: 8 });
  return buildZip(files);
}

/** A PDF of 25 MB: 2,000 pages' objects in object streams, URI annotations, large image streams. */
function bigPdf() {
  const parts = [enc.encode("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>\nendobj\n")];
  let n = 10;
  let size = 0;
  for (let s = 0; size < SIZE; s++) {
    const objects = [];
    for (let k = 0; k < 200; k++) {
      objects.push(`<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im${k} ${n + k} 0 R >> >> /Annots [<< /Subtype /Link /A << /S /URI /URI (https://www.example.jp/page/${s}/${k}) >> >>] >>`);
    }
    const body = enc.encode(objects.map((o, k) => `${n + k} 0 `).join("") + objects.join("\n"));
    const packed = new Uint8Array(deflateSync(body));
    parts.push(enc.encode(`${n} 0 obj\n<< /Type /ObjStm /N 200 /First 10 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`), packed, enc.encode("\nendstream\nendobj\n"));
    const image = noise(120_000, s);
    parts.push(enc.encode(`${n + 1} 0 obj\n<< /Type /XObject /Subtype /Image /Width 400 /Height 300 /Filter /DCTDecode /Length ${image.length} >>\nstream\n`), image, enc.encode("\nendstream\nendobj\n"));
    n += 300;
    size += packed.length + image.length;
  }
  parts.push(enc.encode("trailer\n<< /Root 1 0 R >>\n%%EOF\n"));
  return concat(parts);
}

const FILES = { zip: bigZip(), pdf: bigPdf() };
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function inspect(bytes) {
  return inspectContent(bytes, DEFAULT_LIMITS, { inflate: DEFAULT_LIMITS.maxInflatedBytes });
}

/**
 * Peak memory of one inspection plus its SHA-256, measured in a fresh process: the maximum
 * resident set size afterwards minus the resident set size just before (file loaded, garbage
 * collected) — what the inspection needed on top of the attachment itself.
 */
function peakMemory(bytes) {
  const dir = mkdtempSync(join(tmpdir(), "ctm-bench-"));
  const file = join(dir, "attachment.bin");
  writeFileSync(file, bytes);
  const lib = new URL("../lib/", import.meta.url).href;
  const child = `
    import { readFileSync } from "node:fs";
    const { inspectContent } = await import(${JSON.stringify(`${lib}core/attachments/content/inspect.js`)});
    const { digestAttachments } = await import(${JSON.stringify(`${lib}core/attachments/digest.js`)});
    const { DEFAULT_LIMITS } = await import(${JSON.stringify(`${lib}core/options.js`)});
    const file = readFileSync(${JSON.stringify(file)});
    const bytes = new Uint8Array(file.buffer, file.byteOffset, file.length);
    globalThis.gc();
    const base = Math.round(process.memoryUsage.rss() / 1024);
    const digest = digestAttachments({ attachments: [{ bytes }] });
    inspectContent(bytes, DEFAULT_LIMITS, { inflate: DEFAULT_LIMITS.maxInflatedBytes });
    await digest;
    console.log(JSON.stringify({ base, peak: process.resourceUsage().maxRSS }));`;
  try {
    const run = spawnSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", child], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(run.stderr);
    const { base, peak } = JSON.parse(run.stdout.trim());
    return { base: base * 1024, extra: (peak - base) * 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What one inspection found and what it cost in memory, as a benchmark line. */
function memoryReport(bytes) {
  const result = inspect(bytes);
  const { base, extra } = peakMemory(bytes);
  return (
    `${result.entries.length} entries, ${result.uris.length} link targets, ${result.indicators.length} indicators, ${result.notes.length} notes; ` +
    `RSS ${mb(base)} with the file loaded, peak +${mb(extra)} (${(extra / bytes.length).toFixed(2)}× the file)`
  );
}

const snapshot = (bytes) => ({ attachments: [{ name: "x", declaredType: "", size: bytes.length, inline: false, bytes }] });

export const benchmarks = [
  { name: `attachments: memory, inspect + SHA-256 of ${mb(FILES.zip.length)} zip`, report: async () => memoryReport(FILES.zip) },
  { name: `attachments: memory, inspect + SHA-256 of ${mb(FILES.pdf.length)} PDF`, report: async () => memoryReport(FILES.pdf) },
  { name: `attachments: inspect ${mb(FILES.zip.length)} zip (${inspect(FILES.zip).entries.length} entries)`, once: () => inspect(FILES.zip) },
  { name: `attachments: inspect ${mb(FILES.pdf.length)} PDF (object streams, links)`, once: () => inspect(FILES.pdf) },
  { name: `attachments: SHA-256 of ${mb(FILES.zip.length)} (WebCrypto)`, once: () => digestAttachments(snapshot(FILES.zip)) },
  {
    name: `attachments: inspect + SHA-256, ${mb(FILES.zip.length)} zip`,
    once: async () => {
      const digest = digestAttachments(snapshot(FILES.zip));
      inspect(FILES.zip);
      await digest;
    },
  },
  {
    name: `attachments: inspect + SHA-256, ${mb(FILES.pdf.length)} PDF`,
    once: async () => {
      const digest = digestAttachments(snapshot(FILES.pdf));
      inspect(FILES.pdf);
      await digest;
    },
  },
];
