/**
 * A tolerant, linear-time parser for the dates found in mail: the RFC 5322 §3.3 date-time of the
 * Date header and of the part after the last ";" of a Received field (RFC 5321 §4.4), plus the
 * forms real MTAs write instead (ISO 8601 from SendGrid, "4/20/2018 11:01:32 PM" from some
 * gateways, obsolete zone names from RFC 5322 §4.3). Words are classified one by one — no
 * backtracking regular expression ever sees the whole value.
 */

export interface MailDate {
  /** Milliseconds since the epoch (UTC). When the zone is unknown the wall time is read as UTC. */
  readonly time: number;
  /** Offset from UTC in minutes as written (+0900 → 540); undefined when the text names no zone. */
  readonly offsetMinutes?: number;
  /** "-0000": RFC 5322 §3.3 says the local zone is unknown although the time is UTC. */
  readonly unknownLocalZone?: boolean;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS = new Set(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);

/** Zone names: RFC 5322 §4.3 obs-zone, plus the few others real servers write after the time. */
const ZONE_NAMES: Readonly<Record<string, number>> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  jst: 540, kst: 540, hkt: 480, sgt: 480, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180, wet: 0, west: 60, bst: 60,
  aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?$/;
const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC_DAY = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/** Removes parenthesised comments (nesting allowed, RFC 5322 §3.2.2) in one pass. */
export function stripComments(text: string): string {
  if (!text.includes("(")) return text;
  let depth = 0;
  let out = "";
  // Text outside comments is copied a run at a time, from `start`.
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH && depth > 0) {
      i++;
      continue;
    }
    if (c === OPEN) {
      if (depth === 0) out += text.slice(start, i);
      depth++;
    } else if (c === CLOSE && depth > 0) {
      depth--;
      if (depth === 0) {
        out += " ";
        start = i + 1;
      }
    }
  }
  return depth === 0 ? out + text.slice(start) : out;
}

const BACKSLASH = 0x5c;
const OPEN = 0x28;
const CLOSE = 0x29;

function isWordSeparator(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x2c || c === 0x0d || c === 0x0a;
}

function splitWords(text: string): string[] {
  const words: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isWordSeparator(text.charCodeAt(i))) continue;
    if (i > start) words.push(text.slice(start, i));
    start = i + 1;
  }
  return words;
}

function fullYear(year: number, digits: number): number {
  // RFC 5322 §4.3: two-digit years 00-49 are 20xx, 50-99 are 19xx; three digits add 1900.
  if (digits === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (digits === 3) return 1900 + year;
  return year;
}

/**
 * Parses a mail date. Returns undefined unless a day, month, year and time were all found and
 * form a real calendar time. Input longer than 200 characters is cut (no real date is longer).
 */
export function parseMailDate(input: string): MailDate | undefined {
  const words = splitWords(stripComments(input.slice(0, 200)));
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let hour: number | undefined;
  let minute = 0;
  let second = 0;
  let offset: number | undefined;
  let unknownLocalZone = false;
  let pm: boolean | undefined;
  const pendingNumbers: string[] = [];

  for (const raw of words) {
    let word = raw;
    // "2018-04-22T02:54:17Z": split the ISO 8601 date from its time.
    const t = word.indexOf("T");
    if (t === 10 && ISO_DAY.test(word.slice(0, 10))) {
      words.push(word.slice(t + 1));
      word = word.slice(0, 10);
    }
    const lower = word.toLowerCase();
    let m: RegExpExecArray | null;
    if (/^[a-z]+\.?$/.test(lower)) {
      const stem = lower.replace(/\.$/, "");
      if (WEEKDAYS.has(stem.slice(0, 3)) && (stem.length === 3 || stem.endsWith("day"))) continue;
      const monthIndex = MONTHS.indexOf(stem.slice(0, 3));
      if (monthIndex >= 0 && month === undefined && stem.length >= 3) {
        month = monthIndex + 1;
        continue;
      }
      if (stem === "am" || stem === "pm") {
        pm = stem === "pm";
        continue;
      }
      if (offset === undefined && Object.prototype.hasOwnProperty.call(ZONE_NAMES, stem)) offset = ZONE_NAMES[stem];
      continue;
    }
    if ((m = TIME.exec(word)) && hour === undefined) {
      hour = Number(m[1]);
      minute = Number(m[2]);
      second = m[3] === undefined ? 0 : Number(m[3]);
      continue;
    }
    if ((m = OFFSET.exec(word)) && hour !== undefined && offset === undefined) {
      const minutes = Number(m[2]) * 60 + Number(m[3]);
      if (m[1] === "-" && minutes === 0) unknownLocalZone = true;
      offset = m[1] === "-" ? -minutes : minutes;
      continue;
    }
    if ((m = ISO_DAY.exec(word)) && year === undefined) {
      year = Number(m[1]);
      month = Number(m[2]);
      day = Number(m[3]);
      continue;
    }
    if ((m = NUMERIC_DAY.exec(word)) && year === undefined) {
      // Month first (US order) unless the first number cannot be a month ("21/08/2002").
      const a = Number(m[1]);
      const b = Number(m[2]);
      [month, day] = a > 12 ? [b, a] : [a, b];
      year = fullYear(Number(m[3]), m[3]!.length);
      continue;
    }
    if (/^\d{1,4}$/.test(word)) {
      pendingNumbers.push(word);
      continue;
    }
  }
  // Loose numbers: a day (1-2 digits) and a year (2-4 digits), in the order written.
  for (const n of pendingNumbers) {
    if (day === undefined && n.length <= 2) day = Number(n);
    else if (year === undefined) year = fullYear(Number(n), n.length);
  }
  if (year === undefined || month === undefined || day === undefined || hour === undefined) return undefined;
  if (pm !== undefined && hour <= 12) hour = (hour % 12) + (pm ? 12 : 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  const check = new Date(local);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  const time = local - (offset ?? 0) * 60_000;
  if (!Number.isFinite(time)) return undefined;
  const result: { time: number; offsetMinutes?: number; unknownLocalZone?: boolean } = { time };
  if (offset !== undefined) result.offsetMinutes = offset;
  if (unknownLocalZone) result.unknownLocalZone = true;
  return result;
}
