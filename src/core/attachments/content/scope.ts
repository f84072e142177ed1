/**
 * What every reader works with: the limits, the decompression budget shared by the whole
 * message, and the lists a reader fills (entries, indicators, notes). Caps are enforced here,
 * once, and every cap that is hit leaves a note — the analysis says what it did not look at.
 */
import { fillLocalized, localized, type Localized } from "../../i18n.js";
import type { Limits } from "../../options.js";
import { visibleName } from "../names.js";
import { inflateRaw, inflateZlib, type InflateResult } from "./inflate.js";
import type { ContentKind } from "./kinds.js";

/** Facts the readers establish; the rules turn them into findings. Details are plain text, clipped. */
export type IndicatorCode =
  // Archives and containers
  | "encrypted-entry"
  | "encrypted-headers"
  | "encrypted-document"
  | "executable-entry"
  | "disguised-entry"
  | "executable-content-entry"
  | "macro-entry"
  | "embedded-file"
  // Office
  | "vba-macros"
  | "xlm-macros"
  | "macro-enabled-format"
  | "odf-macros"
  | "activex"
  | "ole-object"
  | "remote-template"
  | "external-object"
  | "equation-editor"
  // RTF
  | "rtf-object"
  | "rtf-objupdate"
  // PDF
  | "pdf-javascript"
  | "pdf-auto-action"
  | "pdf-launch"
  | "pdf-embedded-file"
  | "pdf-xfa"
  | "pdf-acroform"
  | "pdf-submit-form"
  | "pdf-richmedia"
  | "pdf-obfuscated-name"
  | "pdf-encrypted"
  | "pdf-uri"
  | "pdf-header-offset"
  // HTML and SVG
  | "html-script"
  | "html-form"
  | "html-password-field"
  | "html-data-uri"
  | "html-smuggling"
  | "html-redirect"
  | "html-iframe";

export interface ContentIndicator {
  readonly code: IndicatorCode;
  /** What exactly: an entry name, a URL, a part path ("word/vbaProject.bin"), a PDF name. */
  readonly detail?: string;
}

export interface ArchiveEntry {
  /** Path inside the archive; entries of a nested archive are "inner.zip/name". */
  readonly name: string;
  /** Uncompressed size when the archive records it. */
  readonly size?: number;
  readonly encrypted?: boolean;
  readonly directory?: boolean;
  /** 0: in the attachment itself; 1: inside an archive inside it. */
  readonly depth: number;
  /** What the entry's first bytes are, when they were read. */
  readonly kind?: ContentKind;
}

export type NoteLevel = "limit" | "unreadable";

export interface ContentNote {
  readonly level: NoteLevel;
  /** Filled, in both languages: "only the first 10000 entries were listed". */
  readonly text: Localized;
  readonly detail?: string;
}

export const NOTE = {
  entries: localized("中のファイルは最初の {limit} 件だけを確認しました", "only the first {limit} entries were listed"),
  inflate: localized("展開して調べる量の上限({limit} バイト)に達しました", "the decompression budget ({limit} bytes) ran out"),
  scan: localized("先頭 {limit} バイトだけを調べました", "only the first {limit} bytes were scanned"),
  nested: localized(
    "圧縮ファイルの中の圧縮ファイルは {limit} 段目までしか開いていません",
    "archives nested more than {limit} level(s) deep were not opened",
  ),
  sniffed: localized(
    "中のファイルの中身(先頭部分)は最初の {limit} 件だけを確認しました",
    "only the first {limit} entries' contents were looked at (their names were all checked)",
  ),
  indicators: localized("見つかった項目が多すぎるため、最初の {limit} 件だけを記録しました", "only the first {limit} findings inside were recorded"),
  malformed: localized("{format} の構造が壊れているか、途中で切れています({detail})", "its {format} structure is damaged or cut short ({detail})"),
  method: localized(
    "{format} の圧縮方式 {detail} には対応していないため、その中身は調べていません",
    "{format} compression method {detail} is not supported, so that content was not examined",
  ),
  encryptedNames: localized("暗号化されているため、中のファイル名を読めません", "it is encrypted, so the names of the files inside cannot be read"),
  encryptedEntries: localized("暗号化されているため、中のファイルの中身は調べていません", "its entries are encrypted, so their contents were not examined"),
  unlisted: localized("{format} の中のファイル一覧は読んでいません({detail})", "the files inside this {format} were not listed ({detail})"),
  pdfEncrypted: localized(
    "PDF が暗号化されているため、文字列(リンク先など)と圧縮されたオブジェクトは読んでいません",
    "the PDF is encrypted, so its strings (such as link targets) and compressed objects were not read",
  ),
  pdfStream: localized("PDF の圧縮されたオブジェクトの一部を読めませんでした({detail})", "some compressed PDF objects could not be read ({detail})"),
  htmlParse: localized("HTML が大きいため、フォームの送信先は調べていません({limit} 文字超)", "the HTML is large, so form targets were not extracted (over {limit} characters)"),
  htmlNodes: localized(
    "HTML の要素が多いため、フォームの送信先は調べていません(メール全体で {limit} 個超)",
    "the HTML has many elements, so form targets were not extracted (over {limit} for the whole mail)",
  ),
  internal: localized("検査中に内部エラーが起きました", "an internal error occurred during the inspection"),
} as const satisfies Record<string, Localized>;

/** Longest detail kept on an indicator (URLs are kept whole up to this). */
export const MAX_DETAIL = 2048;
/** Indicators kept per attachment (each code at most a quarter of them). */
export const MAX_INDICATORS = 200;

/** Decompression allowance of one analysis, shared by every attachment of the message. */
export interface Budget {
  inflate: number;
  /** Nodes the HTML attachments of the message may still hand to parse5 (Limits.maxHtmlNodes when absent). */
  htmlNodes?: number;
}

export class Scope {
  readonly entries: ArchiveEntry[] = [];
  readonly indicators: ContentIndicator[] = [];
  readonly notes: ContentNote[] = [];
  readonly uris: string[] = [];
  private readonly perCode = new Map<IndicatorCode, number>();
  private readonly seenNotes = new Set<string>();
  private readonly seenIndicators = new Set<string>();
  private entriesFull = false;

  constructor(
    readonly limits: Limits,
    readonly budget: Budget,
    /** Nesting level of the bytes being read (0 = the attachment itself). */
    readonly depth = 0,
    /** Prefix of entry names at this level ("inner.zip/"). */
    readonly prefix = "",
    private readonly parent?: Scope,
  ) {}

  /** The top-level scope whose lists are reported. */
  private get root(): Scope {
    return this.parent ? this.parent.root : this;
  }

  /** A scope for an archive inside this one: its entries and facts go into the same lists. */
  nested(prefix: string): Scope {
    return new Scope(this.limits, this.budget, this.depth + 1, `${this.prefix}${prefix}/`, this);
  }

  /** A scope for something embedded in this file (an OLE object in a document): same nesting level, names prefixed. */
  inside(prefix: string): Scope {
    return new Scope(this.limits, this.budget, this.depth, `${this.prefix}${prefix}/`, this);
  }

  /** Adds an entry; false once the entry cap is reached (the reader should stop listing). */
  entry(entry: Omit<ArchiveEntry, "depth" | "name"> & { readonly name: string }): boolean {
    const root = this.root;
    if (root.entries.length >= this.limits.maxArchiveEntries) {
      if (!root.entriesFull) {
        root.entriesFull = true;
        this.note("limit", fillLocalized(NOTE.entries, { limit: this.limits.maxArchiveEntries }));
      }
      return false;
    }
    root.entries.push({ ...entry, name: this.prefix + entry.name, depth: this.depth });
    return true;
  }

  get entryRoomLeft(): boolean {
    return this.root.entries.length < this.limits.maxArchiveEntries;
  }

  indicate(code: IndicatorCode, detail?: string): void {
    const root = this.root;
    const key = `${code}\u0000${detail ?? ""}`;
    if (root.seenIndicators.has(key)) return;
    const count = root.perCode.get(code) ?? 0;
    if (root.indicators.length >= MAX_INDICATORS || count >= MAX_INDICATORS / 4) {
      this.note("limit", fillLocalized(NOTE.indicators, { limit: MAX_INDICATORS }));
      return;
    }
    root.seenIndicators.add(key);
    root.perCode.set(code, count + 1);
    // Details are attacker-written text shown as evidence: bidi and invisible characters are written out ([U+202E]).
    const shown = detail === undefined ? undefined : visibleName(detail.length > MAX_DETAIL ? detail.slice(0, MAX_DETAIL) : detail);
    const clipped = shown === undefined || detail === undefined ? undefined : detail.length > MAX_DETAIL ? `${shown}…` : shown;
    root.indicators.push(clipped === undefined ? { code } : { code, detail: clipped });
  }

  has(code: IndicatorCode): boolean {
    return (this.root.perCode.get(code) ?? 0) > 0;
  }

  note(level: NoteLevel, text: Localized, detail?: string): void {
    const root = this.root;
    const key = `${level}\u0000${text.en}\u0000${detail ?? ""}`;
    if (root.seenNotes.has(key)) return;
    root.seenNotes.add(key);
    root.notes.push(detail === undefined ? { level, text } : { level, text, detail });
  }

  malformed(format: string, detail: string): void {
    this.note("unreadable", fillLocalized(NOTE.malformed, { format, detail }));
  }

  /** Fewer than `max` link targets kept so far. */
  uriRoom(max: number): boolean {
    return this.root.uris.length < max;
  }

  uri(uri: string, max: number): boolean {
    const root = this.root;
    if (root.uris.length >= max) return false;
    if (!root.uris.includes(uri)) root.uris.push(uri);
    return true;
  }

  /**
   * Decompresses at most `want` bytes, charged to the message's budget. When the budget, not
   * `want`, is what stops the output, a note says so.
   */
  inflate(data: Uint8Array, want: number, format: "raw" | "zlib" = "raw"): InflateResult {
    const allowed = Math.max(0, Math.min(want, this.budget.inflate));
    const result = format === "zlib" ? inflateZlib(data, allowed) : inflateRaw(data, allowed);
    this.budget.inflate -= result.bytes.length;
    if (result.truncated && allowed < want) this.note("limit", fillLocalized(NOTE.inflate, { limit: this.limits.maxInflatedBytes }));
    return result;
  }

  /** Charges bytes decoded some other way (uudecode, hex) to the budget; false when it ran out. */
  charge(bytes: number): boolean {
    if (bytes > this.budget.inflate) {
      this.note("limit", fillLocalized(NOTE.inflate, { limit: this.limits.maxInflatedBytes }));
      this.budget.inflate = 0;
      return false;
    }
    this.budget.inflate -= bytes;
    return true;
  }

  /** The part of `bytes` a linear scanner may read, with a note when the cap cuts it. */
  scanWindow(bytes: Uint8Array): Uint8Array {
    if (bytes.length <= this.limits.maxScanBytes) return bytes;
    this.note("limit", fillLocalized(NOTE.scan, { limit: this.limits.maxScanBytes }));
    return bytes.subarray(0, this.limits.maxScanBytes);
  }
}
