/**
 * The desk's way of finding the report JSON in a report mail, exactly as the README ("Finding the
 * JSON in a report mail") and docs/report.schema.json describe it. Every test that reads the
 * JSON out of a report mail reads it through this, so the documented algorithm is the tested one.
 */

const BEGIN = /^-----BEGIN CHECK-THIS-MAIL REPORT JSON ([0-9a-f]{32})-----$/;
const SUBJECT_TAG = /\[ctm:([0-9a-f]{8})\]$/;

/** `line` without trailing CR, space and tab (a loop: an end-anchored regex is quadratic on long runs of them). */
function trimTrailing(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === "\r" || line[end - 1] === " " || line[end - 1] === "\t")) end--;
  return line.slice(0, end);
}

export interface FoundReport {
  readonly reportId: string;
  /** The JSON text between the marker lines. */
  readonly raw: string;
  readonly json: Record<string, unknown>;
}

/**
 * The report JSON of a report mail's body (its text: the plain-text body, or the text of the
 * HTML body), checked against the subject when it is given. Throws, saying why, when there is none.
 */
export function findReportJson(body: string, subject?: string): FoundReport {
  // 1. Lines, split at LF, trailing white space (CR, space, tab) removed. Nothing else is trimmed.
  const lines = body.split("\n").map(trimTrailing);
  // 2. The last BEGIN line: the real block is written after everything taken from the mail.
  let begin = -1;
  let id = "";
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = BEGIN.exec(lines[i]!);
    if (match) {
      begin = i;
      id = match[1]!;
      break;
    }
  }
  if (begin < 0) throw new Error("no BEGIN line");
  // 3. With the subject: its final [ctm:…] names the id's first 8 digits.
  if (subject !== undefined) {
    const tag = SUBJECT_TAG.exec(trimTrailing(subject));
    if (!tag) throw new Error("the subject does not end with [ctm:…]");
    if (tag[1] !== id.slice(0, 8)) throw new Error(`the subject names ${tag[1]}, the last BEGIN line ${id}`);
  }
  // 4. The first END line after it with the same id.
  const endLine = `-----END CHECK-THIS-MAIL REPORT JSON ${id}-----`;
  const end = lines.indexOf(endLine, begin + 1);
  if (end < 0) throw new Error("no END line for the last BEGIN line");
  // 5. The lines between are the JSON, and it names the same id.
  const raw = lines.slice(begin + 1, end).join("\n");
  const json = JSON.parse(raw) as unknown;
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw new Error("the block is not a JSON object");
  const document = json as Record<string, unknown>;
  if (document.reportId !== id) throw new Error(`the JSON's reportId is ${String(document.reportId)}, the markers' ${id}`);
  if (typeof document.schemaVersion !== "string" || !document.schemaVersion.startsWith("1.")) throw new Error("not a version 1 report");
  return { reportId: id, raw, json: document };
}

/** Lines that, trimmed as a lenient parser would, pass for a marker line or a checklist item "(N)". */
export function structuralLines(text: string): { readonly markers: string[]; readonly items: string[] } {
  const markers: string[] = [];
  const items: string[] = [];
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (/^-----(?:BEGIN|END) CHECK-THIS-MAIL/i.test(trimmed)) markers.push(trimmed);
    if (/^\(\d+\)/.test(trimmed)) items.push(trimmed);
  }
  return { markers, items };
}
