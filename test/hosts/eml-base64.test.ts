/**
 * The .eml host's base64 content decoder (Base64Stream in src/hosts/eml/postal-mime-parts.ts)
 * against postal-mime's own: the same bytes for every input, clean or hostile, fed line by line
 * as postal-mime feeds a part's body.
 */
import { describe, expect, it } from "vitest";
import { analyzeEml } from "../../src/hosts/eml/index.js";
import { Base64Stream, base64Streamed, postalMimeDecoder } from "../../src/hosts/eml/postal-mime-parts.js";
import { requireCorpus } from "../helpers/corpora.js";
import { seededRandom } from "../helpers/random.js";

const encoder = new TextEncoder();

async function decodeWith(decoder: { update?(line: Uint8Array): void; finalize(): Promise<ArrayBuffer> }, lines: readonly Uint8Array[]): Promise<Buffer> {
  for (const line of lines) decoder.update!(line);
  return Buffer.from(await decoder.finalize());
}

/** What Base64Stream and postal-mime's own decoder make of the same lines. */
async function both(lines: readonly Uint8Array[]): Promise<[Buffer, Buffer]> {
  const theirs = postalMimeDecoder("base64");
  if (!theirs) throw new Error("postal-mime's decoder is not reachable");
  return [await decodeWith(new Base64Stream(), lines), await decodeWith(theirs, lines)];
}

const ascii = (...lines: string[]): Uint8Array[] => lines.map((l) => encoder.encode(l));

describe("Base64Stream", () => {
  it("is what the .eml host uses for base64 parts (fails when a postal-mime upgrade changes its decoder: see postal-mime-parts.ts)", () => {
    expect(base64Streamed).toBe(true);
  });

  it("decodes clean base64, wrapped at any length", async () => {
    const [ours, theirs] = await both(ascii("SGVsbG8s", "IHdvcmxk", "IQ=="));
    expect(ours.toString("utf8")).toBe("Hello, world!");
    expect(ours).toEqual(theirs);
  });

  it("ends a group at every '=' as postal-mime does, and the open group at the end", async () => {
    for (const lines of [ascii("QQ==", "QQ=="), ascii("QUI=QUJD"), ascii("QUJDRA"), ascii("Q", "=QUJD"), ascii("QUJD", "R")]) {
      const [ours, theirs] = await both(lines);
      expect(ours, lines.map((l) => new TextDecoder().decode(l)).join("|")).toEqual(theirs);
    }
  });

  it("matches postal-mime on seeded random lines of base64, padding, whitespace, URL-safe and non-ASCII bytes", async () => {
    const random = seededRandom(20261126);
    const pool = encoder.encode("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/====  \t\r-_.*");
    let withPadding = 0;
    let withForeign = 0;
    let withOpenEnd = 0;
    for (let run = 0; run < 400; run++) {
      const lines: Uint8Array[] = [];
      const count = 1 + Math.floor(random() * 6);
      let sextets = 0;
      for (let l = 0; l < count; l++) {
        const line = new Uint8Array(Math.floor(random() * 90));
        for (let i = 0; i < line.length; i++) {
          const r = random();
          line[i] = r < 0.03 ? 0x80 + Math.floor(random() * 0x80) : pool[Math.floor(random() * pool.length)]!;
          if (line[i] === 0x3d) withPadding++;
          if (line[i]! >= 0x80) withForeign++;
          if (/[a-z0-9+/]/i.test(String.fromCharCode(line[i]!))) sextets++;
        }
        lines.push(line);
      }
      if (sextets % 4 !== 0) withOpenEnd++;
      const [ours, theirs] = await both(lines);
      expect(ours, `run ${run}`).toEqual(theirs);
    }
    // Not vacuous: the inputs did carry what the rules are about.
    expect(withPadding).toBeGreaterThan(100);
    expect(withForeign).toBeGreaterThan(100);
    expect(withOpenEnd).toBeGreaterThan(100);
  });

  it("gives an attachment its exact bytes through the whole analysis", async () => {
    const content = Uint8Array.from({ length: 3000 }, (_, i) => (i * 37) & 0xff);
    const body = Buffer.from(content).toString("base64").replace(/.{76}/g, "$&\r\n");
    const mail = ["From: a@example.jp", 'Content-Type: multipart/mixed; boundary="b"', "", "--b", "Content-Type: text/plain", "", "see file", "--b", 'Content-Type: application/octet-stream; name="x.bin"', "Content-Transfer-Encoding: base64", "", body, "--b--", ""].join("\r\n");
    const analysis = await analyzeEml(mail);
    const expected = Buffer.from(await crypto.subtle.digest("SHA-256", content)).toString("hex");
    expect(analysis.attachments.map((a) => [a.size, a.sha256])).toEqual([[3000, expected]]);
  });
});

describe("Base64Stream on real mail", () => {
  // Every file of the phishing and malformed corpora (../shared/corpora, which CI has; without
  // it this fails rather than skips), fed line by line as if the whole file were one base64 body:
  // headers, HTML, base64 attachments, binary garbage, all the bytes real mail holds.
  it("gives postal-mime's bytes for every corpus file read as a base64 body", async () => {
    const { readFileSync } = await import("node:fs");
    const files = [...requireCorpus("phish"), ...requireCorpus("malformed")];
    expect(files.length).toBeGreaterThan(400);
    let bytes = 0;
    for (const file of files) {
      const data = new Uint8Array(readFileSync(file)).subarray(0, 1 << 20);
      const lines: Uint8Array[] = [];
      for (let start = 0; start < data.length; ) {
        const lf = data.indexOf(0x0a, start);
        const end = lf < 0 ? data.length : lf;
        lines.push(data.subarray(start, end > start && data[end - 1] === 0x0d ? end - 1 : end));
        start = end + 1;
      }
      const [ours, theirs] = await both(lines);
      expect(ours.length, file).toBe(theirs.length);
      expect(ours.equals(theirs), file).toBe(true);
      bytes += data.length;
    }
    expect(bytes).toBeGreaterThan(10_000_000);
  });
});
