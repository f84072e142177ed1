/**
 * The XSS corpus (../shared/corpora/xss, beside the repository as in CI; never copied into it):
 * the deduplicated payload list, one per line, and the attachment-style files (SVG, HTML, XML...).
 * Each payload is used in a copy where alert( / prompt( / confirm( call the canary instead
 * (`__ctmCanary(<payload number>, ...)`), so a payload that runs says which one it was; payloads
 * that reach a dialog some other way ("top['al'+'ert'](1)", "alert`1`") are caught as dialogs.
 *
 * Families sort the payloads for the quick subset that `npm test` runs: a deterministic choice
 * from every family (script tags, event handlers, javascript: URLs, SVG, data: URLs,
 * encoded/obfuscated, CSS, template injection, non-ASCII, the rest). The corpus has almost no
 * template-injection payloads, so a few of our own are added, with payloads aimed at this
 * product's own sinks (the report preview's <textarea>, the draft's <pre>, encoded words
 * decoded twice, the "[U+XXXX]" markers the view writes).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT } from "../../../scripts/browser.js";

export const XSS_DIR = join(ROOT, "../shared/corpora/xss");
export const PAYLOAD_FILE = join(XSS_DIR, "ALL_PAYLOADS_dedup.txt");

export const CANARY = "__ctmCanary";

export type Family =
  | "script-tag"
  | "event-handler"
  | "javascript-url"
  | "svg"
  | "data-url"
  | "encoded"
  | "css"
  | "template"
  | "non-ascii"
  | "other";

export const FAMILIES: readonly Family[] = ["script-tag", "event-handler", "javascript-url", "svg", "data-url", "encoded", "css", "template", "non-ascii", "other"];

export interface Payload {
  /** 1-based: the line of ALL_PAYLOADS_dedup.txt, or 100001+ for our own additions. */
  readonly id: number;
  /** As in the corpus. */
  readonly original: string;
  /** What the mails carry: the canary copy. */
  readonly text: string;
  readonly families: readonly Family[];
  readonly source: "corpus" | "extra";
}

export interface CorpusFile {
  /** Path below XSS_DIR ("PayloadsAllTheThings/SVG_XSS1.svg"). */
  readonly path: string;
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Text files also travel as a canary copy. */
  readonly canary?: Uint8Array;
}

/** First id of our own additions. */
export const EXTRA_BASE = 100_001;

/**
 * Our own additions: template injection (absent from the corpus) and this product's own sinks.
 * Written with the canary directly.
 */
const EXTRAS: readonly string[] = [
  "{{constructor.constructor('__ctmCanary(100001)')()}}",
  "${__ctmCanary(100002)}",
  "#{__ctmCanary(100003)}",
  "<%= __ctmCanary(100004) %>",
  "[[${__ctmCanary(100005)}]]",
  "`${__ctmCanary(100006)}`",
  "{{$on.constructor('__ctmCanary(100007)')()}}",
  "{{7*7}}${7*7}<%= 7*7 %>#{7*7}*{7*7}",
  "<div v-html=\"'<img src=x onerror=__ctmCanary(100009)>'\"></div>{{_c.constructor('__ctmCanary(100009)')()}}",
  "{{'a'.constructor.prototype.charAt=[].join;$eval('x=1} } };__ctmCanary(100010)//');}}",
  "</textarea><script>__ctmCanary(100011)</script><textarea>",
  "</pre><img src=x onerror=__ctmCanary(100012)><pre>",
  "</title><svg onload=__ctmCanary(100013)>",
  "=?UTF-8?B?PHN2ZyBvbmxvYWQ9X19jdG1DYW5hcnkoMTAwMDE0KT4=?=",
  "=?ISO-2022-JP?Q?<img_src=3Dx_onerror=3D__ctmCanary(100015)>?=",
  "[U+003C]img src=x onerror=__ctmCanary(100016)[U+003E]\u202Egpj.exe",
  "-----END CHECK-THIS-MAIL REPORT JSON----- <script>__ctmCanary(100017)</script>",
  "<!--<img src=x onerror=__ctmCanary(100018)>-->]]><script>__ctmCanary(100018)</script>",
  "\u0000<script>__ctmCanary(100019)</script>\u001b(B",
  "<a href=\"javascript:__ctmCanary(100020)\" id=\"ctm1-finding-X\">x</a>",
];

const CALLS = ["alert", "prompt", "confirm"] as const;

/** The canary copy: alert( prompt( confirm( call __ctmCanary(id, ...). */
export function canaryCopy(payload: string, id: number): string {
  let out = payload;
  for (const name of CALLS) {
    out = out.replaceAll(`${name}()`, `${CANARY}(${id})`).replaceAll(`${name}(`, `${CANARY}(${id},`).replaceAll(`${name}\``, `${CANARY}\``);
  }
  return out;
}

/** An on...= attribute: "on", three or more letters, optional blanks, "=". One pass, no backtracking across classes. */
const EVENT_HANDLER = /\bon[a-z]{3,}\s*=/i;

export function familiesOf(payload: string): Family[] {
  const lower = payload.toLowerCase();
  const has = (...needles: string[]): boolean => needles.some((n) => lower.includes(n));
  const families: Family[] = [];
  if (has("<script", "%3cscript", "&lt;script")) families.push("script-tag");
  if (EVENT_HANDLER.test(payload)) families.push("event-handler");
  if (has("javascript:", "vbscript:", "livescript:")) families.push("javascript-url");
  if (has("<svg", "svg+xml")) families.push("svg");
  if (has("data:")) families.push("data-url");
  if (has("&#", "%3c", "%253c", "\\u00", "\\x3c", "\\74", "fromcharcode", "base64", "&lt;", "atob(", "\\u{")) families.push("encoded");
  if (has("expression(", "style=", "<style", "behavior:", "-moz-binding", "url(", "@import")) families.push("css");
  if (has("{{", "${", "#{", "<%")) families.push("template");
  for (let i = 0; i < payload.length; i++) {
    if (payload.charCodeAt(i) > 0x7e) {
      families.push("non-ascii");
      break;
    }
  }
  return families.length > 0 ? families : ["other"];
}

export function corpusPresent(): boolean {
  return existsSync(PAYLOAD_FILE);
}

/** Every payload of the corpus, then our additions. */
export function loadPayloads(): Payload[] {
  const lines = readFileSync(PAYLOAD_FILE, "utf8").split("\n");
  if (lines.at(-1) === "") lines.pop();
  const payloads: Payload[] = [];
  lines.forEach((line, i) => {
    if (line === "") return;
    payloads.push({ id: i + 1, original: line, text: canaryCopy(line, i + 1), families: familiesOf(line), source: "corpus" });
  });
  EXTRAS.forEach((text, i) => payloads.push({ id: EXTRA_BASE + i, original: text, text, families: familiesOf(text), source: "extra" }));
  return payloads;
}

/** Text-like corpus files: also sent as a canary copy. */
const TEXT_EXTENSIONS = new Set(["svg", "htm", "html", "xml", "xhtml", "xht", "xsd", "xsl", "xslt", "dtd", "rdf", "vml", "wsdl", "xsf", "mno", "cer", "hxt", "url", "demo", "svgz", "ipynb"]);

/** The attachment-style files of the corpus (every file that is not a payload list). */
export function loadFiles(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const dir of readdirSync(XSS_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const entry of readdirSync(join(XSS_DIR, dir.name), { withFileTypes: true })) {
      if (!entry.isFile() || entry.name.endsWith(".txt")) continue;
      const full = join(XSS_DIR, dir.name, entry.name);
      const bytes = new Uint8Array(readFileSync(full));
      const extension = entry.name.slice(entry.name.lastIndexOf(".") + 1).toLowerCase();
      const base = { path: relative(XSS_DIR, full), name: entry.name, bytes };
      files.push(TEXT_EXTENSIONS.has(extension) ? { ...base, canary: new TextEncoder().encode(canaryCopy(new TextDecoder().decode(bytes), 0)) } : base);
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The quick subset: from each family, the `perFamily` payloads that come first by a hash of
 * their text (deterministic, spread over the whole list, not the first lines), every one of our
 * additions, and no payload twice. Sorted by id.
 */
export function representativeSubset(payloads: readonly Payload[], perFamily = 14): Payload[] {
  const rank = (p: Payload): string => createHash("sha256").update(p.original).digest("hex");
  const chosen = new Map<number, Payload>();
  for (const p of payloads) if (p.source === "extra") chosen.set(p.id, p);
  for (const family of FAMILIES) {
    const members = payloads.filter((p) => p.source === "corpus" && p.families.includes(family));
    const ordered = members.map((p) => ({ p, key: rank(p) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    let taken = 0;
    for (const { p } of ordered) {
      if (taken >= perFamily) break;
      if (!chosen.has(p.id)) {
        chosen.set(p.id, p);
        taken++;
      }
    }
  }
  return [...chosen.values()].sort((a, b) => a.id - b.id);
}
