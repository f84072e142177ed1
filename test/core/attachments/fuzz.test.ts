/**
 * Hostile bytes: every reader gets seeded truncations, bit flips and boundary values of a
 * valid sample of its format and must neither throw nor run long. The readers are called
 * directly (inspectInto), without the last-resort catch of inspectContent, so an exception is
 * a failure here rather than a diagnostic.
 */
import { describe, expect, it } from "vitest";
import { inspectInto } from "../../../src/core/attachments/content/inspect.js";
import { Scope } from "../../../src/core/attachments/content/scope.js";
import { sniff } from "../../../src/core/attachments/content/sniff.js";
import { resolveLimits } from "../../../src/core/options.js";
import { mutations } from "../../helpers/fuzz.js";
import { buildOle, ole10Native } from "../../helpers/ole.js";
import { buildZip } from "../../helpers/zip.js";
import * as f from "../../helpers/formats.js";

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const limits = resolveLimits({ maxInflatedBytes: 4 * 1024 * 1024 });
const equation = buildOle({ streams: { "Equation Native": "x", "\u0001CompObj": "Equation.3", WordDocument: new Uint8Array(5000) }, clsids: { "": "{0002CE02-0000-0000-C000-000000000046}" } });

const SAMPLES: readonly (readonly [string, Uint8Array])[] = [
  ["zip", buildZip([{ name: "a.pdf", data: f.pe(), method: 8 }, { name: "b.zip", data: buildZip([{ name: "c.exe", data: "MZ" }]), method: 8 }, { name: "d.txt", data: "x", encrypted: true }])],
  ["zip64", buildZip([{ name: "a.txt", data: "hello world" }], { zip64: true })],
  ["docx", f.docx({ macros: true, template: "https://evil.example/t.dotm", externalObject: "http://x.example/", embedding: equation })],
  ["ole", buildOle({ streams: { WordDocument: new Uint8Array(5000), "Macros/VBA/dir": "x", "ObjectPool/_1/\u0001Ole10Native": ole10Native("a.exe", f.pe()) } })],
  ["rtf", text(f.rtfObject("Equation.3", equation, { objupdate: true, junk: true }))],
  ["pdf", f.pdf({ objects: ["<< /OpenAction 2 0 R /AcroForm 3 0 R >>", "<< /S /J#61vaScript /JS (x) >>", "<< /URI (https://x.example/) >>"], compressed: ["<< /S /Launch /F (a.exe) >>", "<< /EmbeddedFiles 1 0 R /UF (b.scr) >>"] })],
  ["html", text('<html><form action="https://x.example/"><input type="password"></form><script>var b=new Blob([atob("TVo=")]);a.download="x";</script></html>')],
  ["rar4", f.rar4([{ name: "a.exe" }, { name: "b.pdf", encrypted: true }])],
  ["rar5", f.rar5([{ name: "a.exe" }, { name: "b.pdf", encrypted: true }])],
  ["7z encoded", f.sevenZip(["030101", "06f10701"])],
  ["7z plain", f.sevenZipPlain(["a.exe", "b.txt"])],
  ["gzip+tar", f.gzip(f.tar([{ name: "a.js", data: "x" }, { name: "b.exe", data: f.pe() }]), "a.tar")],
  ["cab", f.cab(["a.exe", "b.txt"])],
  ["iso", f.iso([{ name: "a.lnk", data: f.lnk() }, { name: "b.dll", data: f.pe(true) }])],
  ["onenote", f.oneNote(text("<hta:application>"))],
  ["uuencode", text(f.uuencode("a.zip", buildZip([{ name: "a.exe", data: f.pe() }])))],
  ["pe", f.pe()],
  ["vhd", f.vhdFooter()],
];

describe("readers on hostile bytes", () => {
  it.each(SAMPLES)("%s: 300 mutations, no exception, bounded time", (_name, sample) => {
    let slowest = 0;
    for (const mutated of mutations(sample, 300, sample.length)) {
      const started = performance.now();
      const scope = new Scope(limits, { inflate: limits.maxInflatedBytes });
      expect(() => inspectInto(mutated, scope)).not.toThrow();
      expect(() => sniff(mutated)).not.toThrow();
      expect(scope.entries.length).toBeLessThanOrEqual(limits.maxArchiveEntries);
      slowest = Math.max(slowest, performance.now() - started);
    }
    expect(slowest).toBeLessThan(500);
  });

  it("reads format headers planted in random bytes without trouble", () => {
    const noise = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (Math.imul(i + seed, 2654435761) >>> 13) & 0xff);
    const heads = ["PK\u0003\u0004", "Rar!\u001a\u0007\u0000", "Rar!\u001a\u0007\u0001\u0000", "7z\u00bc\u00af\u0027\u001c", "MSCF\u0000\u0000\u0000\u0000", "%PDF-1.7", "{\\rtf1", "\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1"];
    for (const [k, head] of heads.entries()) {
      for (let seed = 0; seed < 20; seed++) {
        const b = noise(8192, seed * 31 + k);
        for (let i = 0; i < head.length; i++) b[i] = head.charCodeAt(i);
        const scope = new Scope(limits, { inflate: limits.maxInflatedBytes });
        expect(() => inspectInto(b, scope)).not.toThrow();
      }
    }
  });
});
