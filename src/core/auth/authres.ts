import type { AuthMethod } from "../analysis.js";

/**
 * Parser for Authentication-Results (RFC 8601 §2.2) and ARC-Authentication-Results (RFC 8617
 * §4.1.1, the same value after an "i=N;" instance tag):
 *
 *   authserv-id [version] ( "; none" / *( ";" method["/"version] "=" result
 *                                          [reason "=" value] *(ptype "." property "=" pvalue) ) )
 *
 * with CFWS anywhere. Tolerated deviations seen in the wild:
 * - Microsoft 365 omits the authserv-id ("spf=pass (sender IP is ...) smtp.mailfrom=x; ...") and
 *   older outlook.com wrote it as a bare segment after the first result ("...; outlook.com; ...").
 * - Microsoft's properties without a ptype ("action=none", "compauth=fail reason=001").
 * - Unquoted pvalues holding "=" (SRS/BATV addresses "SRS0=ab=cd=example.com=user@fwd.example").
 *
 * Single pass over the value; a segment or word it cannot read is skipped, never thrown on.
 */

export interface ParsedAuthResult {
  readonly method: AuthMethod;
  readonly methodName: string;
  readonly result: string;
  readonly reason?: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly comment?: string;
}

export interface ParsedAuthHeader {
  /** "" when the header names none (Microsoft 365). Lower-case. */
  readonly authservId: string;
  /** ARC instance (i=N) of an ARC-Authentication-Results header. */
  readonly instance?: number;
  readonly results: readonly ParsedAuthResult[];
}

interface Segment {
  text: string;
  comments: string[];
}

const MAX_VALUE_CHARS = 16384;
/**
 * Results read per field. A receiver writes one per method (a handful); 16 KB of "x=y;" is 3,000,
 * and a hundred such fields made the summary and the rules take seconds (found by the fuzzer).
 */
export const MAX_RESULTS_PER_FIELD = 50;

/** Splits at ";" outside quoted strings and comments, pulling comments out of the text. */
function segments(value: string): Segment[] {
  const out: Segment[] = [];
  let current: Segment = { text: "", comments: [] };
  let depth = 0;
  let comment = "";
  let quoted = false;
  // Text outside comments is copied a run at a time (from runStart), not character by character.
  let runStart = 0;
  const flushRun = (end: number): void => {
    if (end > runStart) current.text += value.slice(runStart, end);
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (depth > 0) {
      if (c === "\\" && i + 1 < value.length) comment += value[++i];
      else if (c === "(") {
        depth++;
        comment += c;
      } else if (c === ")") {
        depth--;
        if (depth === 0) {
          current.comments.push(comment.trim());
          comment = "";
          current.text += " ";
          runStart = i + 1;
        } else comment += c;
      } else comment += c;
      continue;
    }
    if (quoted) {
      // An escaped character stays in the text with its backslash.
      if (c === "\\" && i + 1 < value.length) i++;
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === "(") {
      flushRun(i);
      depth = 1;
    } else if (c === ";") {
      flushRun(i);
      out.push(current);
      current = { text: "", comments: [] };
      runStart = i + 1;
    }
  }
  if (depth === 0) flushRun(value.length);
  else if (comment.trim() !== "") current.comments.push(comment.trim());
  out.push(current);
  return out;
}

interface Item {
  readonly key: string;
  /** undefined: a bare word with no "=". */
  readonly value?: string;
}

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\r" || c === "\n";
}

/** Reads "key = value" pairs and bare words from comment-free segment text. */
function items(text: string): Item[] {
  const out: Item[] = [];
  let i = 0;
  const n = text.length;
  const skip = (): void => {
    while (i < n && isSpace(text[i])) i++;
  };
  const readValue = (): string => {
    if (text[i] === '"') {
      let v = "";
      for (i++; i < n && text[i] !== '"'; i++) {
        if (text[i] === "\\" && i + 1 < n) i++;
        v += text[i];
      }
      i++;
      return v;
    }
    const start = i;
    while (i < n && !isSpace(text[i])) i++;
    return text.slice(start, i);
  };
  while (true) {
    skip();
    if (i >= n) break;
    if (text[i] === "=") {
      // A stray "=" with no key: skip it and its value.
      i++;
      skip();
      readValue();
      continue;
    }
    const start = i;
    while (i < n && !isSpace(text[i]) && text[i] !== "=" && text[i] !== '"') i++;
    if (i === start) {
      readValue();
      continue;
    }
    const key = text.slice(start, i);
    skip();
    if (text[i] === "=") {
      i++;
      skip();
      out.push({ key, value: i < n ? readValue() : "" });
    } else out.push({ key });
  }
  return out;
}

const KNOWN_METHODS: Readonly<Record<string, AuthMethod>> = { spf: "spf", dkim: "dkim", dmarc: "dmarc", compauth: "compauth", arc: "arc" };

function resultOf(segment: Segment): ParsedAuthResult | "none" | string | undefined {
  const list = items(segment.text);
  const first = list[0];
  if (!first) return undefined;
  if (first.value === undefined) {
    // "; none" (RFC 8601 no-result) or a bare authserv-id (older outlook.com).
    return list.length === 1 ? (first.key.toLowerCase() === "none" ? "none" : first.key) : undefined;
  }
  const methodName = first.key.toLowerCase().split("/")[0]!;
  const result = first.value.toLowerCase();
  const properties: Record<string, string> = {};
  let reason: string | undefined;
  for (const item of list.slice(1)) {
    if (item.value === undefined) continue;
    const key = item.key.toLowerCase();
    if (key === "reason") reason ??= item.value;
    else if (!(key in properties)) properties[key] = item.value;
  }
  const parsed: { -readonly [K in keyof ParsedAuthResult]: ParsedAuthResult[K] } = {
    method: KNOWN_METHODS[methodName] ?? "other",
    methodName,
    result,
    properties,
  };
  if (reason !== undefined) parsed.reason = reason;
  if (segment.comments.length > 0) parsed.comment = segment.comments.join(" ");
  return parsed;
}

export function parseAuthenticationResults(input: string, arc = false): ParsedAuthHeader {
  const value = input.length > MAX_VALUE_CHARS ? input.slice(0, MAX_VALUE_CHARS) : input;
  const parts = segments(value);
  let instance: number | undefined;
  if (arc && parts.length > 0) {
    const tag = items(parts[0]!.text);
    if (tag.length === 1 && tag[0]!.key.toLowerCase() === "i" && /^\d{1,3}$/.test(tag[0]!.value ?? "")) {
      instance = Number(tag[0]!.value);
      parts.shift();
    }
  }
  let authservId = "";
  const results: ParsedAuthResult[] = [];
  parts.forEach((part, k) => {
    const list = items(part.text);
    if (k === 0 && list.length > 0 && list[0]!.value === undefined) {
      // authserv-id [CFWS authres-version]; a version other than 1 is unknown (RFC 8601 §2.2)
      // but the results are still read for display.
      authservId = list[0]!.key.toLowerCase();
      // "example.org 1 spf=pass" cannot occur (results follow ";"), so anything else is ignored.
      return;
    }
    if (results.length >= MAX_RESULTS_PER_FIELD) return;
    const r = resultOf(part);
    if (r === undefined || r === "none") return;
    if (typeof r === "string") {
      if (authservId === "") authservId = r.toLowerCase();
      return;
    }
    results.push(r);
  });
  return instance === undefined ? { authservId, results } : { authservId, instance, results };
}
