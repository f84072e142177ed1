/**
 * The XSS run's mail generator (test/browser/xss/mails.ts), checked in Node before any browser
 * is involved: every form it writes decodes back to the payload through the same parsers the
 * pane uses (postal-mime via the .eml host), so a payload the run says it placed in a field
 * really is in that field — the browser run's coverage figures then measure the pane, not the
 * generator.
 */
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { snapshotFromEml } from "../../src/hosts/eml/index.js";
import { canaryCopy, corpusPresent, familiesOf, FAMILIES, loadFiles, loadPayloads, PAYLOAD_FILE, representativeSubset, type Payload } from "./xss/corpus.js";
import { encodedWords, encodeIso2022jp } from "./xss/encode.js";
import { buildMails, FORMS, JP_AFTER, JP_BEFORE, phrase, unstructured } from "./xss/mails.js";
import { isReadingPaneRefusal } from "./demo-session.js";

const SAMPLES: readonly string[] = [
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "<svg\fonload=alert(1)>",
  "<IMG SRC=\"jav\tascript:alert('XSS');\">",
  "<style>*{x:ｅｘｐｒｅｓｓｉｏｎ(javascript:alert(1))}</style>",
  "“ onclick=alert(1)//<button ‘ onclick=alert(1)//> */ alert(1)//",
  "=?UTF-8?B?PHN2Zz4=?= \\ \" ( ) , ; : @ [ ]",
];

function payload(text: string, id = 1): Payload {
  return { id, original: text, text: canaryCopy(text, id), families: familiesOf(text), source: "corpus" };
}

describe("the XSS corpus", () => {
  it("is present beside the repository (../shared/corpora/xss), as in CI", () => {
    expect(corpusPresent(), `missing: ${PAYLOAD_FILE}`).toBe(true);
    const payloads = loadPayloads();
    expect(payloads.filter((p) => p.source === "corpus").length).toBeGreaterThan(8000);
    expect(loadFiles().some((f) => f.name.endsWith(".svg"))).toBe(true);
  });

  it("rewrites alert/prompt/confirm to the canary, naming the payload", () => {
    expect(canaryCopy("<svg onload=alert(1)>", 7)).toBe("<svg onload=__ctmCanary(7,1)>");
    expect(canaryCopy("<a href=javascript:confirm()>", 8)).toBe("<a href=javascript:__ctmCanary(8)>");
    expect(canaryCopy("<x onclick=prompt`1`>", 9)).toBe("<x onclick=__ctmCanary`1`>");
    expect(canaryCopy("<img src=x onerror=top['al'+'ert'](1)>", 9)).toBe("<img src=x onerror=top['al'+'ert'](1)>");
  });

  it("the quick subset is deterministic and takes from every family", () => {
    const payloads = loadPayloads();
    const a = representativeSubset(payloads);
    const b = representativeSubset(payloads);
    expect(a.map((p) => p.id)).toEqual(b.map((p) => p.id));
    expect(a.length).toBeGreaterThanOrEqual(100);
    expect(a.length).toBeLessThanOrEqual(200);
    for (const family of FAMILIES) expect(a.filter((p) => p.families.includes(family)).length, family).toBeGreaterThanOrEqual(5);
  });
});

describe("the encoders", () => {
  it("ISO-2022-JP round-trips through the platform's decoder, and refuses what it cannot carry", () => {
    const text = `${JP_BEFORE}<script>“x”ｅｘｐ</script>${JP_AFTER}`;
    expect(new TextDecoder("iso-2022-jp").decode(encodeIso2022jp(text))).toBe(text);
    expect(encodeIso2022jp("¼script¾")).toBeUndefined();
    expect(encodedWords("¼", "ISO-2022-JP", "B")).toBeUndefined();
  });

  for (const form of FORMS) {
    it(`${form}: subjects and display names decode to the payload`, async () => {
      for (const text of SAMPLES) {
        const subject = unstructured(text, form);
        const name = phrase(text, form);
        if (subject === undefined || name === undefined) {
          expect(form).toContain("ISO-2022-JP"); // only characters JIS X 0208 lacks
          continue;
        }
        const eml = `From: ${name} <a@xss.example>\r\nSubject: ${subject}\r\n\r\nx`;
        const parsed = await PostalMime.parse(eml);
        // A subject as written decodes the encoded words inside it, as every mail reader does.
        if (form === "quoted" && text.includes("=?")) continue;
        const want = form.endsWith("ISO-2022-JP") ? `${JP_BEFORE}${text}${JP_AFTER}` : text;
        expect(parsed.subject, `${form} subject of ${JSON.stringify(text)}`).toBe(want);
        // postal-mime's address parser drops a form feed from a quoted display name.
        expect(parsed.from?.name, `${form} name of ${JSON.stringify(text)}`).toBe(form === "quoted" ? want.replaceAll("\f", "") : want);
      }
    });
  }
});

describe("the mails", () => {
  it("record every placement, and the .eml host finds the payloads where they were put", async () => {
    const payloads = SAMPLES.map((text, i) => payload(text, i + 1));
    const mails = buildMails(payloads, []);
    expect(mails.map((m) => m.kind)).toEqual(["batch", "text", ...payloads.map(() => "single")]);
    const batch = mails[0]!;
    const snapshot = await snapshotFromEml(batch.bytes);
    for (const p of payloads) {
      const fields = batch.placements.filter((x) => x.payload === p.id).map((x) => x.field);
      expect(fields).toEqual(expect.arrayContaining(["link/text", "link/href", "received/value", "attachment-name/rfc2231", "attachment-content/zip-entry-name", "to-name/quoted", "to-name/B/UTF-8"]));
      expect(snapshot.attachments.map((a) => a.name)).toContain(p.text);
      expect(snapshot.received).toContain(p.text);
      expect(snapshot.to.map((a) => a.name)).toContain(p.text);
    }
    for (const single of mails.filter((m) => m.kind === "single")) {
      const s = await snapshotFromEml(single.bytes);
      const p = payloads.find((x) => single.placements[0]!.payload === x.id)!;
      const subjectForm = single.placements.find((x) => x.field.startsWith("subject/"))?.field.slice("subject/".length);
      if (subjectForm !== undefined) expect(s.subject).toContain(p.text);
      expect(s.html).toBe(p.text);
    }
  });

  it("the whole corpus makes mails that carry every payload in every field kind", () => {
    const payloads = loadPayloads();
    const mails = buildMails(payloads, loadFiles());
    const fields = new Map<string, Set<number>>();
    for (const m of mails) for (const x of m.placements) (fields.get(x.field.split("/")[0]!) ?? fields.set(x.field.split("/")[0]!, new Set()).get(x.field.split("/")[0]!)!).add(x.payload);
    for (const field of ["subject", "from-name", "reply-to-name", "to-name", "link", "attachment-name", "attachment-content", "received", "authentication-results", "body-html", "text-url", "body-text"]) {
      expect(fields.get(field)?.size ?? 0, field).toBe(payloads.length);
    }
    expect(mails.filter((m) => m.kind === "single")).toHaveLength(payloads.length);
  });
});

describe("what counts as the reading pane refusing (not as a problem)", () => {
  it("Chromium's refusals in the sandboxed frame and the frames inside it", () => {
    for (const [url, text] of [
      ["about:srcdoc", "Loading the image 'http://127.0.0.1:1/x' violates the following Content Security Policy directive: \"img-src data:\". The action has been blocked."],
      ["about:srcdoc", "Refused to load the image 'http://x.example/' because it violates the following Content Security Policy directive"],
      ["about:blank", "Blocked script execution in 'about:blank' because the document's frame is sandboxed and the 'allow-scripts' permission is not set."],
      ["", "Framing 'http://example.org/' violates the following Content Security Policy directive: \"frame-src 'self'\". The request has been blocked."],
      ["about:srcdoc", "Blocked setting the `a=<b>` cookie from a `<meta>` tag."],
      ["about:srcdoc", "'javascript' URLs may not be used as base URLs for a document."],
      ["about:srcdoc", "Not allowed to load local resource: view-source:http://www.example.org/"],
      // The demo host's parser frame, named by the script that called its DOMParser.
      ["http://127.0.0.1:1/demo.0123abcd.js", "Blocked script execution in 'about:blank' because the document's frame is sandboxed and the 'allow-scripts' permission is not set."],
      ["http://127.0.0.1:1/demo.0123abcd.js", "Setting the document's base URI to 'https://x.example/' violates the following Content Security Policy directive: \"base-uri 'none'\". The action has been blocked."],
    ]) expect(isReadingPaneRefusal({ url: url!, text: text! }), text).toBe(true);
  });

  it("anything else, and anything from the pane or the demo page, is a problem", () => {
    expect(isReadingPaneRefusal({ url: "about:srcdoc", text: "Uncaught TypeError: x is not a function" })).toBe(false);
    expect(isReadingPaneRefusal({ url: "http://127.0.0.1:1/taskpane.html", text: "Refused to load the script 'https://evil.example/x.js'" })).toBe(false);
    expect(isReadingPaneRefusal({ url: "http://127.0.0.1:1/demo.html", text: "Loading the image 'x' violates the following Content Security Policy directive" })).toBe(false);
    expect(isReadingPaneRefusal({ url: "", text: "page error: boom" })).toBe(false);
    expect(isReadingPaneRefusal({ url: "http://127.0.0.1:1/demo.0123abcd.js", text: "Blocked script execution in 'http://127.0.0.1:1/demo.html' because the document's frame is sandboxed and the 'allow-scripts' permission is not set." })).toBe(false);
  });
});
