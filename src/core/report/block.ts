/**
 * How the report mail's JSON cannot be forged by the mail it reports.
 *
 * The report mail holds text the attacker wrote (the header block, the body, names) and, last,
 * the report as JSON between two marker lines. Two rules keep a desk's parser on the real block:
 * - every line of mail-derived (or typed) multi-line text in the report is quoted with `QUOTE`,
 *   and every list entry starts with "- ", so no such line, even trimmed, is a marker line or
 *   starts a checklist item "(N)";
 * - the markers carry a per-report random id (`reportId`, 128 bits as 32 lower-case hex digits),
 *   which the JSON names too and the subject ends with (`subjectTag`, its first 8 digits): a
 *   mail written before the report cannot know it.
 * The desk's algorithm (README, "Finding the JSON in a report mail"; docs/report.schema.json):
 * the last BEGIN line in the body, the first END line after it with the same id, the JSON between
 * them, whose `reportId` is that id — and, when the subject is at hand, whose first 8 digits
 * the subject's final `[ctm:…]` names.
 */

/** Prefix of every line of quoted text (the mail's headers and body, the person's free text). */
export const QUOTE = "| ";

/** Hex digits of a report id (128 bits). */
export const REPORT_ID_LENGTH = 32;
/** Hex digits of the id in the report mail's subject. */
export const SUBJECT_ID_LENGTH = 8;

const REPORT_ID = /^[0-9a-f]{32}$/;

/** Fills `bytes` with random bytes (WebCrypto's getRandomValues has this shape). */
export type RandomSource = (bytes: Uint8Array<ArrayBuffer>) => unknown;

export function isReportId(text: string): boolean {
  return REPORT_ID.test(text);
}

/**
 * A new report id: 16 random bytes as lower-case hex. `random` defaults to WebCrypto's
 * getRandomValues (browsers and Node >= 19); tests pass a seeded source.
 */
export function newReportId(random?: RandomSource): string {
  const bytes = new Uint8Array(new ArrayBuffer(REPORT_ID_LENGTH / 2));
  if (random) random(bytes);
  else crypto.getRandomValues(bytes);
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}

export function jsonBeginLine(reportId: string): string {
  return `-----BEGIN CHECK-THIS-MAIL REPORT JSON ${reportId}-----`;
}

export function jsonEndLine(reportId: string): string {
  return `-----END CHECK-THIS-MAIL REPORT JSON ${reportId}-----`;
}

/** The end of the report mail's subject: " [ctm:<first 8 hex digits of the id>]". */
export function subjectTag(reportId: string): string {
  return ` [ctm:${reportId.slice(0, SUBJECT_ID_LENGTH)}]`;
}

/** `text` (LF line ends) with every line quoted, `indent` before the quote; trailing spaces dropped. */
export function quoteLines(text: string, indent = ""): string {
  return text
    .split("\n")
    .map((line) => `${indent}${QUOTE}${line}`.trimEnd())
    .join("\n");
}
