/**
 * HTML and SVG attachments: what a page does when the person opens it in a browser.
 * - Credential harvesting: a <form> with a password field (the form's target comes from the
 *   same parse5 pass the body uses, so it is resolved the way a browser would).
 * - HTML smuggling: script that builds a file in the browser (Blob, atob, data: URLs with an
 *   application payload) and saves it with a download link or msSaveOrOpenBlob — the file
 *   never crosses the mail gateway as an attachment.
 * - Redirects and frames to another site, and scripts in general.
 * Keywords are found in a lower-cased copy by indexOf: linear, no regex on the content.
 */
import { fillLocalized } from "../../i18n.js";
import { htmlExtent, scanHtml } from "../../body/html.js";
import { decodeText, isValidUtf8 } from "./bytes.js";
import type { ContentKind } from "./kinds.js";
import { NOTE, type Scope } from "./scope.js";

/** Pages up to this many characters also go through parse5 for form targets. */
export const MAX_PARSED_HTML = 2 * 1024 * 1024;

/** data: URL media types that carry a file rather than a picture. */
const PAYLOAD_TYPES = ["application/", "text/html", "image/svg+xml", "text/javascript", "text/vbscript"];

function textOf(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return decodeText(b.subarray(2), "utf-16le");
  if (b[0] === 0xfe && b[1] === 0xff) return decodeText(b.subarray(2), "utf-16be");
  // Pages in legacy encodings decode as windows-1252 here: markup and keywords are ASCII either way.
  return isValidUtf8(b.subarray(0, 65536)) ? decodeText(b, "utf-8") : decodeText(b, "windows-1252");
}

function countOf(text: string, word: string, max = 1000): number {
  let count = 0;
  for (let i = text.indexOf(word); i >= 0 && count < max; i = text.indexOf(word, i + word.length)) count++;
  return count;
}

export function inspectHtml(full: Uint8Array, scope: Scope, kind: ContentKind): ContentKind {
  const text = textOf(scope.scanWindow(full));
  const lower = text.toLowerCase();

  const scripts = countOf(lower, "<script");
  if (scripts > 0) scope.indicate("html-script", `${scripts} <script>`);
  const handlers = [" onload=", " onerror=", " onmouseover=", " onclick="].filter((h) => lower.includes(h));
  if (handlers.length > 0) scope.indicate("html-script", handlers.map((h) => h.trim()).join(" "));

  // data: URLs with a file payload (pictures are ordinary).
  for (let i = lower.indexOf("data:"); i >= 0; i = lower.indexOf("data:", i + 5)) {
    const type = PAYLOAD_TYPES.find((t) => lower.startsWith(t, i + 5));
    if (type !== undefined) {
      const semicolon = lower.indexOf(";", i);
      const comma = lower.indexOf(",", i);
      const end = [semicolon, comma].filter((p) => p > i).reduce((a, p) => Math.min(a, p), i + 80);
      scope.indicate("html-data-uri", text.slice(i, Math.min(end, i + 80)));
    }
  }

  const builds = ["new blob(", "createobjecturl(", "mssaveoropenblob(", "mssaveblob(", "new uint8array(", "atob(", "fromcharcode("].filter((w) => lower.includes(w));
  const saves = [".download", " download=", " download ", "mssaveoropenblob(", "mssaveblob(", ".click()"].filter((w) => lower.includes(w));
  const buildsFile = builds.some((w) => w === "new blob(" || w === "createobjecturl(" || w.startsWith("mssave")) || lower.includes("data:application/");
  if (buildsFile && saves.length > 0) scope.indicate("html-smuggling", [...builds, ...saves].join(" ").slice(0, 200));

  for (const r of ["window.location", "document.location", "location.href", "location.replace(", "location.assign(", 'http-equiv="refresh"', "http-equiv='refresh'", "http-equiv=refresh"]) {
    if (lower.includes(r)) {
      scope.indicate("html-redirect", r);
      break;
    }
  }
  if (lower.includes("<iframe")) scope.indicate("html-iframe", `${countOf(lower, "<iframe")} <iframe>`);

  if (lower.includes("<form")) {
    let parsed = false;
    const allowance = scope.budget.htmlNodes ?? scope.limits.maxHtmlNodes;
    const { end, nodes } = text.length <= MAX_PARSED_HTML ? htmlExtent(text, allowance) : { end: 0, nodes: 0 };
    if (text.length <= MAX_PARSED_HTML && end === text.length) {
      // One allowance for all the message's HTML attachments: a hundred pages must not cost a hundred parses.
      scope.budget.htmlNodes = allowance - nodes;
      try {
        const scan = scanHtml(text, 100);
        parsed = true;
        for (const form of scan.forms) {
          scope.indicate("html-form", form.action.trim() === "" ? "(no action)" : form.action.trim());
          if (form.hasPasswordField) scope.indicate("html-password-field", form.action.trim() === "" ? "(no action)" : form.action.trim());
        }
      } catch {
        parsed = false;
      }
    } else if (text.length > MAX_PARSED_HTML) {
      scope.note("limit", fillLocalized(NOTE.htmlParse, { limit: MAX_PARSED_HTML }));
    } else {
      scope.note("limit", fillLocalized(NOTE.htmlNodes, { limit: scope.limits.maxHtmlNodes }));
    }
    if (!parsed) scope.indicate("html-form");
  }
  // A password input anywhere (script-built forms have no <form> element in the markup).
  if (!scope.has("html-password-field") && (lower.includes('type="password"') || lower.includes("type='password'") || lower.includes("type=password"))) {
    scope.indicate("html-password-field");
  }
  return kind;
}
