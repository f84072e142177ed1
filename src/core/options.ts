import { quotedText, settingPath, type Config } from "./config.js";
import type { StageTimings } from "./timing.js";

/**
 * Explicit limits on hostile input, in the manner of postal-mime's parseLimitOption: each is
 * validated, has a documented default, and hitting one produces a diagnostic and marks the
 * analysis incomplete — never a silent "clean".
 */
export interface Limits {
  /** Bytes of raw mail read by the .eml host (Exchange's usual maximum message size is ~30 MB; 64 MiB leaves room for encoding). */
  readonly maxInputBytes: number;
  /**
   * What the .eml host hands to the MIME parser (postal-mime), whose cost follows the number of
   * lines, header lines and parts whatever their size (about 0.7 µs, 2 µs and 75 µs each): a
   * 4 MB mail of empty lines or of empty parts would take seconds. Beyond any of these, the rest
   * of the mail is not read (MIME_TOO_COMPLEX).
   * - lines: 500,000 hold a 35 MB message of base64 (76-character lines), above Exchange's maximum;
   * - parts (lines that can delimit one): real mail has tens;
   * - header lines (the mail's, its parts', and those of mails attached to it): real mail has
   *   hundreds.
   */
  readonly maxInputLines: number;
  readonly maxMimeParts: number;
  readonly maxHeaderLines: number;
  /** Characters of HTML body handed to the HTML parser. */
  readonly maxHtmlChars: number;
  /**
   * Nodes of HTML handed to the HTML parser: the HTML body's, and (a separate allowance shared
   * by all of them) the HTML attachments'. A start tag, comment or attribute is one node, a word
   * of text an eighth (see body/html.ts htmlExtent): parse5 pays 1–5 µs per element or attribute,
   * and its worst case is far from its character count. Real mail has a few thousand.
   */
  readonly maxHtmlNodes: number;
  /** Links examined per message. */
  readonly maxLinks: number;
  /** Received headers examined (real chains are < 30 hops; RFC 5321 §6.3 loop detection uses ~100). */
  readonly maxReceivedHops: number;
  /**
   * Authentication-Results fields read, and ARC-Authentication-Results fields read, each from the
   * top (where the receiving side adds its own; real mail has a handful).
   */
  readonly maxAuthResults: number;
  /** Attachments examined per message. */
  readonly maxAttachments: number;
  /** Entries listed per attachment (archive entries, nested entries and embedded files together). */
  readonly maxArchiveEntries: number;
  /**
   * Bytes the attachment inspection may decompress for the whole message (OOXML parts, PDF
   * object streams, the first bytes of archive entries, nested archives): what a zip bomb can cost.
   */
  readonly maxInflatedBytes: number;
  /** Bytes of one attachment that a linear scan (PDF, RTF, HTML, OneNote) reads. */
  readonly maxScanBytes: number;
  /** Archives inside archives opened (1: an archive in the attachment is listed, an archive in that one is not). */
  readonly maxNestingDepth: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxInputBytes: 64 * 1024 * 1024,
  maxInputLines: 500_000,
  maxMimeParts: 2_000,
  maxHeaderLines: 50_000,
  maxHtmlChars: 4 * 1024 * 1024,
  maxHtmlNodes: 40_000,
  maxLinks: 2000,
  maxReceivedHops: 100,
  maxAuthResults: 100,
  maxAttachments: 500,
  maxArchiveEntries: 10_000,
  maxInflatedBytes: 16 * 1024 * 1024,
  maxScanBytes: 32 * 1024 * 1024,
  maxNestingDepth: 1,
};

export interface AnalyzeOptions {
  readonly config?: Config;
  /** Clock, injected so results are reproducible in tests. Default: the system clock. */
  readonly now?: () => Date;
  /**
   * Offline IP → ISO country lookup (e.g. the bundled geo table). Returns undefined when
   * unknown. Default: none — the Microsoft 365 verdict header is the only source.
   */
  readonly lookupCountry?: (ip: string) => string | undefined;
  readonly limits?: Partial<Limits>;
  /**
   * SHA-256 (lower-case hex) of each snapshot attachment, by index, from `digestAttachments`
   * (WebCrypto is asynchronous; the analysis is not). analyzeEml fills it in.
   */
  readonly attachmentDigests?: readonly (string | undefined)[];
  /**
   * Per-stage timing (bench/, the fuzzer): called with each stage's own time. Absent by default,
   * and then nothing is measured.
   */
  readonly timings?: StageTimings;
}

const KNOWN_LIMITS = Object.keys(DEFAULT_LIMITS).join(", ");

/**
 * Resolves limits, rejecting values that are not whole non-negative numbers (a programming error,
 * not bad mail). Only own keys of DEFAULT_LIMITS are limits: "toString" or an own "__proto__"
 * (JSON.parse makes one) is unknown like any misspelling, never a member of Object.prototype.
 */
export function resolveLimits(overrides: Partial<Limits> | undefined): Limits {
  const limits: Record<string, number> = { ...DEFAULT_LIMITS };
  if (overrides === undefined || overrides === null) return limits as unknown as Limits;
  if (typeof overrides !== "object" || Array.isArray(overrides)) {
    throw new TypeError(`limits must be an object ({ maxLinks: 2000 }), got ${describe(overrides)}`);
  }
  for (const key of Object.keys(overrides)) {
    const path = settingPath("limits", key);
    if (!Object.hasOwn(DEFAULT_LIMITS, key)) throw new TypeError(`Unknown limit ${quotedText(key)}: ${path} is not a known setting. Known limits: ${KNOWN_LIMITS}`);
    const value: unknown = (overrides as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`Limit ${quotedText(key)} (${path}) must be a whole number of at least 0, got ${describe(value)}`);
    }
    limits[key] = value;
  }
  return limits as unknown as Limits;
}

function describe(value: unknown): string {
  if (typeof value === "string") return quotedText(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" || value === null || value === undefined) return String(value);
  return Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;
}
