import { describe, expect, it } from "vitest";
import { buildZip, concat } from "../../helpers/zip.js";
import { facts, inspect, names, notes } from "../../helpers/inspect.js";
import * as f from "../../helpers/formats.js";

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
// 請求書.exe and 資料.pdf in Shift_JIS (CP932), as Explorer on Japanese Windows writes them.
const SJIS_INVOICE_EXE = Uint8Array.from([0x90, 0xbf, 0x8b, 0x81, 0x8f, 0x91, 0x2e, 0x65, 0x78, 0x65]);
const SJIS_MATERIAL_PDF = Uint8Array.from([0x8e, 0x91, 0x97, 0xbf, 0x2e, 0x70, 0x64, 0x66]);

describe("ZIP (central directory)", () => {
  it("lists entries with sizes, without decompressing them", () => {
    const r = inspect(buildZip([{ name: "a.txt", data: "hello" }, { name: "dir/", data: "" }, { name: "dir/b.csv", data: "1,2", method: 8 }]));
    expect(r.kind).toBe("zip");
    expect(r.entries.map((e) => [e.name, e.size, e.directory])).toEqual([
      ["a.txt", 5, false],
      ["dir/", 0, true],
      ["dir/b.csv", 3, false],
    ]);
    expect(r.indicators).toEqual([]);
    expect(r.notes).toEqual([]);
  });

  it("reads names in UTF-8 (flag set) and in Shift_JIS (no flag: Japanese Windows)", () => {
    const r = inspect(buildZip([{ name: "見積書.docx", data: "x" }, { name: SJIS_INVOICE_EXE, data: "x" }, { name: SJIS_MATERIAL_PDF, data: "x" }]));
    expect(names(r)).toEqual(["見積書.docx", "請求書.exe", "資料.pdf"]);
    expect(facts(r)).toContain("executable-entry=請求書.exe");
  });

  it("sees the encryption flag and WinZip AES (the entry names stay readable)", () => {
    const r = inspect(buildZip([{ name: "請求書.pdf.exe", data: "x", encrypted: true }, { name: "b.docx", data: "x", aes: true }]));
    expect(r.entries.map((e) => e.encrypted)).toEqual([true, true]);
    expect(facts(r)).toEqual(expect.arrayContaining(["encrypted-entry=請求書.pdf.exe", "encrypted-entry=b.docx", "executable-entry=請求書.pdf.exe", "disguised-entry=請求書.pdf.exe"]));
    expect(notes(r)).toContain("its entries are encrypted, so their contents were not examined");
  });

  it("reads ZIP64 records, and an archive with data in front of it", () => {
    const r = inspect(buildZip([{ name: "big.iso", data: "x" }], { zip64: true }));
    expect(names(r)).toEqual(["big.iso"]);
    const prefixed = inspect(buildZip([{ name: "x.js", data: "x" }], { prefix: text("junk in front ".repeat(20)) }));
    expect(prefixed.kind).toBe("zip");
    expect(names(prefixed)).toEqual(["x.js"]);
  });

  it("sniffs entries: a program named like a document is found by its bytes", () => {
    const r = inspect(buildZip([{ name: "請求書.pdf", data: f.pe(), method: 8 }, { name: "real.pdf", data: f.pdf({ objects: ["<< >>"] }) }]));
    expect(r.entries.map((e) => e.kind)).toEqual(["pe-executable", "pdf"]);
    expect(facts(r)).toEqual(["executable-content-entry=請求書.pdf: Windows program (PE)"]);
  });

  it("opens an archive inside the archive, one level deep", () => {
    const innermost = buildZip([{ name: "deep.exe", data: f.pe() }]);
    const inner = buildZip([{ name: "payload.scr", data: f.pe(), method: 8 }, { name: "more.zip", data: innermost }]);
    const r = inspect(buildZip([{ name: "docs/inner.zip", data: inner, method: 8 }]));
    expect(names(r)).toEqual(["docs/inner.zip", "docs/inner.zip/payload.scr", "docs/inner.zip/more.zip"]);
    expect(r.entries.map((e) => e.depth)).toEqual([0, 1, 1]);
    expect(facts(r)).toContain("executable-entry=docs/inner.zip/payload.scr");
    expect(notes(r)).toContain("archives nested more than 1 level(s) deep were not opened");
    expect(names(inspect(buildZip([{ name: "inner.zip", data: inner }]), { maxNestingDepth: 0 }))).toEqual(["inner.zip"]);
  });

  it("lists a cut-off archive from its local headers and says so", () => {
    const whole = buildZip([{ name: "a.pdf", data: "x".repeat(100) }, { name: "b.exe", data: f.pe() }]);
    const r = inspect(whole.subarray(0, whole.length - 40));
    expect(names(r)).toEqual(["a.pdf", "b.exe"]);
    expect(notes(r).join(" ")).toMatch(/ZIP structure is damaged or cut short/);
  });

  it("stops at the entry limit and says so", () => {
    const many = buildZip(Array.from({ length: 50 }, (_, i) => ({ name: `f${i}.txt`, data: "x" })));
    const r = inspect(many, { maxArchiveEntries: 10 });
    expect(r.entries).toHaveLength(10);
    expect(notes(r)).toContain("only the first 10 entries were listed");
  });

  it("reads only the first bytes of an entry: a zip bomb costs a few kilobytes", () => {
    const bomb = buildZip([{ name: "zeros.pdf", data: new Uint8Array(50_000_000), method: 8 }]);
    const started = performance.now();
    const r = inspect(bomb);
    expect(performance.now() - started).toBeLessThan(500);
    expect(r.entries[0]).toMatchObject({ name: "zeros.pdf", size: 50_000_000, kind: "unknown" });
  });

  it("charges decompression to the message's budget and says when it ran out", () => {
    const inner = buildZip(Array.from({ length: 300 }, (_, i) => ({ name: `part${i}.txt`, data: `${i}`.repeat(1000) })));
    const r = inspect(buildZip([{ name: "inner.zip", data: inner, method: 8 }]), { maxInflatedBytes: 100_000 });
    expect(notes(r)).toContain("the decompression budget (100000 bytes) ran out");
    // What was decompressed is still listed (from the local headers of the cut-off inner archive).
    expect(r.entries.length).toBeGreaterThan(10);
  });

  it("reports methods it cannot decompress instead of guessing", () => {
    const zip = buildZip([{ name: "inner.zip", data: "x" }]);
    // Patch the method of the entry to bzip2 (12) in both headers.
    const patched = Uint8Array.from(zip);
    patched[8] = 12;
    const cd = patched.length - 22 - (46 + "inner.zip".length);
    patched[cd + 10] = 12;
    expect(notes(inspect(patched))).toContain("ZIP compression method bzip2 is not supported, so that content was not examined");
  });
});

describe("RAR", () => {
  it("lists RAR 4 and RAR 5 entries with their encryption flags", () => {
    for (const archive of [f.rar4([{ name: "a.exe" }, { name: "b.pdf", encrypted: true }]), f.rar5([{ name: "a.exe" }, { name: "b.pdf", encrypted: true }])]) {
      const r = inspect(archive);
      expect(r.kind).toBe("rar");
      expect(r.entries.map((e) => [e.name, e.encrypted])).toEqual([
        ["a.exe", false],
        ["b.pdf", true],
      ]);
      expect(facts(r)).toEqual(["executable-entry=a.exe", "encrypted-entry=b.pdf"]);
    }
  });

  it("recognises encrypted headers (names hidden) in both versions", () => {
    for (const archive of [f.rar4([], true), f.rar5([], true)]) {
      const r = inspect(archive);
      expect(r.indicators.map((i) => i.code)).toEqual(["encrypted-headers"]);
      expect(notes(r)).toContain("it is encrypted, so the names of the files inside cannot be read");
    }
  });
});

describe("7z", () => {
  it("sees AES on the compressed header (file names encrypted)", () => {
    expect(inspect(f.sevenZip(["030101", "06f10701"])).indicators.map((i) => i.code)).toEqual(["encrypted-headers"]);
  });

  it("says when the names are in an LZMA-compressed header, rather than calling the archive clean", () => {
    const r = inspect(f.sevenZip(["030101"]));
    expect(r.indicators).toEqual([]);
    expect(notes(r)).toEqual(["the files inside this 7z were not listed (the list of names is stored compressed)"]);
  });

  it("lists the names of a plain header", () => {
    expect(names(inspect(f.sevenZipPlain(["書類.exe", "a.txt"])))).toEqual(["書類.exe", "a.txt"]);
  });
});

describe("gzip, tar, cab, uuencode", () => {
  it("names a gzip's file and sniffs it", () => {
    const r = inspect(f.gzip(f.pe(), "invoice.pdf"));
    expect(r.entries.map((e) => [e.name, e.kind])).toEqual([["invoice.pdf", "pe-executable"]]);
    expect(facts(r)).toEqual(["executable-content-entry=invoice.pdf: Windows program (PE)"]);
  });

  it("lists a .tar.gz and a .tar", () => {
    expect(names(inspect(f.gzip(f.tar([{ name: "a/run.js", data: "x" }, { name: "b.txt", data: "y" }]))))).toEqual(["a/run.js", "b.txt"]);
    expect(names(inspect(f.tar([{ name: "c.lnk", data: f.lnk() }])))).toEqual(["c.lnk"]);
  });

  it("lists a cabinet", () => {
    expect(names(inspect(f.cab(["setup.exe", "readme.txt"])))).toEqual(["setup.exe", "readme.txt"]);
  });

  it("decodes a uuencoded archive (sent as .zip) and lists it", () => {
    const r = inspect(f.uuencode("REQUEST FOR QUOTE.zip", buildZip([{ name: "REQUEST FOR QUOTE.exe", data: f.pe(), method: 8 }])));
    expect(r.kind).toBe("uuencoded");
    expect(names(r)).toEqual(["REQUEST FOR QUOTE.zip/REQUEST FOR QUOTE.exe"]);
    expect(facts(r)).toContain("executable-entry=REQUEST FOR QUOTE.zip/REQUEST FOR QUOTE.exe");
  });
});

describe("disk images and OneNote", () => {
  it("lists an ISO 9660 image and sniffs its files in place", () => {
    const r = inspect(f.iso([{ name: "document.lnk", data: f.lnk() }, { name: "helper.dat", data: f.pe(true) }]));
    expect(r.kind).toBe("iso");
    expect(r.entries.map((e) => [e.name, e.kind])).toEqual([
      ["DOCUMENT.LNK", "lnk"],
      ["HELPER.DAT", "pe-library"],
    ]);
    expect(facts(r)).toEqual(["executable-entry=DOCUMENT.LNK", "executable-content-entry=HELPER.DAT: Windows library (PE DLL)"]);
  });

  it("recognises VHD and VHDX and says their files were not listed", () => {
    expect(notes(inspect(f.vhdFooter()))).toEqual(["the files inside this VHD were not listed (virtual disk file system not read)"]);
    expect(inspect(f.vhdx()).kind).toBe("vhdx");
  });

  it("finds files embedded in a OneNote section and what they are", () => {
    const r = inspect(f.oneNote(text('<html><head><hta:application id="x"/></head></html>')));
    expect(r.kind).toBe("onenote");
    expect(facts(r)).toContain("executable-content-entry=embedded file 1: HTML Application (HTA)");
  });

  it("leaves an ordinary OneNote file without embedded files without findings", () => {
    expect(inspect(concat([f.oneNote(new Uint8Array(0)).subarray(0, 116), new Uint8Array(200)])).indicators).toEqual([]);
  });
});
