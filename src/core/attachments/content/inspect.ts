/**
 * Attachment content inspection: sniff the bytes, hand them to the reader for that format, and
 * turn what the readers listed into facts the rules use. Pure and bounded — see scope.ts for the
 * caps and the decompression budget.
 *
 * Synchronous by design. It runs inside `analyze()` (lazily, when the context's attachments are
 * first read), so every host that hands over bytes gets every content check with no extra step
 * to forget; decompression uses the small bounded inflater in inflate.ts rather than the
 * asynchronous DecompressionStream. The one asynchronous piece is the SHA-256 of each attachment
 * (WebCrypto has no synchronous API): `digestAttachments()` computes it before `analyze()` and
 * passes it in AnalyzeOptions.attachmentDigests — analyzeEml does this; no rule depends on it.
 */
import type { Limits } from "../../options.js";
import { fillLocalized } from "../../i18n.js";
import { disguisedName, EXECUTABLE_EXTENSIONS, hiddenCharacters, MACRO_EXTENSIONS, ARCHIVE_EXTENSIONS, visibleName } from "../names.js";
import { extensionOf } from "../extension.js";
import { inspectCab, inspectIso, inspectOneNote, inspectUuencoded, notListed } from "./containers.js";
import { inspectHtml } from "./html.js";
import { describeKind, familyOfKind, type ContentKind } from "./kinds.js";
import { inspectOle } from "./ole.js";
import { inspectOoxml } from "./ooxml.js";
import { inspectPdf } from "./pdf.js";
import { inspectRar } from "./rar.js";
import { inspectRtf } from "./rtf.js";
import { NOTE, Scope, type ArchiveEntry, type Budget, type ContentIndicator, type ContentNote } from "./scope.js";
import { inspect7z } from "./sevenzip.js";
import { sniff } from "./sniff.js";
import { inspectGzip, inspectTar } from "./tar.js";
import { findEntry, hasZipEnd, readZip, readZipEntry, type ZipArchive } from "./zip.js";

export interface ContentInspection {
  readonly kind: ContentKind;
  /** Everything listed inside (archives, disk images, embedded files), up to the entry limit. */
  readonly entries: readonly ArchiveEntry[];
  readonly indicators: readonly ContentIndicator[];
  /** What could not be read, or was cut short by a limit. */
  readonly notes: readonly ContentNote[];
  /** Link targets found in the content (PDF URI actions), for the link rules. */
  readonly uris: readonly string[];
}

/** Entries whose first bytes are read to see what they really are (at most 2 MB of decompression). */
const MAX_SNIFFED_ENTRIES = 2000;
/** Enough for every signature the sniffer reads except a disc image's (whose name gives it away). */
const SNIFF_BYTES = 1024;

export function inspectContent(bytes: Uint8Array, limits: Limits, budget: Budget): ContentInspection {
  const scope = new Scope(limits, budget);
  let kind: ContentKind;
  try {
    kind = inspectInto(bytes, scope);
  } catch (error) {
    // The readers are written not to throw; this is the last line of defence, and it is loud.
    scope.note("unreadable", NOTE.internal, error instanceof Error ? error.message : String(error));
    kind = safeSniff(bytes);
  }
  classifyEntries(scope);
  return { kind, entries: scope.entries, indicators: scope.indicators, notes: scope.notes, uris: scope.uris };
}

function safeSniff(bytes: Uint8Array): ContentKind {
  try {
    return sniff(bytes);
  } catch {
    return "unknown";
  }
}

/** Reads `bytes` into `scope` with the reader for its format; returns the refined kind. */
export function inspectInto(bytes: Uint8Array, scope: Scope): ContentKind {
  const kind = sniff(bytes);
  switch (kind) {
    case "zip":
      return inspectZip(bytes, scope);
    case "ole":
      return inspectOle(bytes, scope);
    case "rtf":
      return inspectRtf(bytes, scope);
    case "pdf":
      return inspectPdf(bytes, scope);
    case "html":
    case "svg":
    case "hta":
      return inspectHtml(bytes, scope, kind);
    case "rar":
      return inspectRar(bytes, scope);
    case "7z":
      return inspect7z(bytes, scope);
    case "gzip":
      return inspectGzip(bytes, scope);
    case "tar":
      return inspectTar(bytes, scope);
    case "cab":
      return inspectCab(bytes, scope);
    case "iso":
      return inspectIso(bytes, scope);
    case "onenote":
      return inspectOneNote(bytes, scope);
    case "uuencoded":
      return inspectUuencoded(bytes, scope, (inner, name) => openNested(inner, name, scope));
    case "unknown":
      // A zip with something in front of it (junk, a prefix added to dodge signature checks):
      // readers find it by the end record, as unzip tools do.
      return hasZipEnd(bytes) ? inspectZip(bytes, scope) : kind;
    default:
      return notListed(kind, scope);
  }
}

/** Opens an archive found inside the attachment, one level deep at most (Limits.maxNestingDepth). */
function openNested(bytes: Uint8Array, name: string, scope: Scope): ContentKind | undefined {
  if (scope.depth >= scope.limits.maxNestingDepth) {
    scope.note("limit", fillLocalized(NOTE.nested, { limit: scope.limits.maxNestingDepth }));
    return undefined;
  }
  return inspectInto(bytes, scope.nested(name));
}

/** Zip-based formats by their tell-tale entries; then a plain zip's entries are sniffed and nested archives opened. */
function inspectZip(bytes: Uint8Array, scope: Scope): ContentKind {
  const zip = readZip(bytes, scope);
  if (!zip) return "zip";
  let kind: ContentKind = "zip";
  if (findEntry(zip, "[Content_Types].xml")) kind = "ooxml";
  else if (findEntry(zip, "AndroidManifest.xml") && findEntry(zip, "classes.dex")) kind = "apk";
  else if (findEntry(zip, "AppxManifest.xml") || findEntry(zip, "AppxMetadata/AppxBundleManifest.xml")) kind = "app-package";
  else if (isOpenDocument(zip, scope)) kind = "odf";
  else if (findEntry(zip, "META-INF/MANIFEST.MF")) kind = "java-archive";

  if (kind === "ooxml" || kind === "apk" || kind === "app-package" || kind === "java-archive") {
    for (const e of zip.entries) if (!scope.entry({ name: e.name, size: e.size, encrypted: e.encrypted, directory: e.directory })) break;
    return kind === "ooxml" ? inspectOoxml(zip, scope) : kind;
  }
  if (kind === "odf" && zip.entries.some((e) => /^(?:basic|scripts)\//i.test(e.name) && !e.directory && !e.name.toLowerCase().endsWith("manifest.xml"))) {
    scope.indicate("odf-macros", zip.entries.find((e) => /^(?:basic|scripts)\//i.test(e.name))!.name);
  }

  let sniffed = 0;
  let encryptedNoted = false;
  for (const e of zip.entries) {
    let entryKind: ContentKind | undefined;
    if (e.encrypted && !encryptedNoted) {
      encryptedNoted = true;
      scope.note("unreadable", NOTE.encryptedEntries);
    }
    if (!e.directory && !e.encrypted && e.size > 0 && kind === "zip") {
      if (sniffed < MAX_SNIFFED_ENTRIES) {
        sniffed++;
        const head = readZipEntry(zip, e, SNIFF_BYTES, scope);
        if (head && head.bytes.length > 0) entryKind = sniff(head.bytes);
      } else if (sniffed++ === MAX_SNIFFED_ENTRIES) {
        scope.note("limit", fillLocalized(NOTE.sniffed, { limit: MAX_SNIFFED_ENTRIES }));
      }
    }
    if (!scope.entry({ name: e.name, size: e.size, encrypted: e.encrypted, directory: e.directory, ...(entryKind ? { kind: entryKind } : {}) })) break;
    if (kind === "zip" && !e.directory && !e.encrypted && isArchiveLike(e.name, entryKind)) nestedZipEntry(zip, e, scope);
  }
  return kind;
}

function isArchiveLike(name: string, kind: ContentKind | undefined): boolean {
  if (kind !== undefined) return familyOfKind(kind) === "archive" || kind === "iso" || kind === "onenote";
  return ARCHIVE_EXTENSIONS.has(extensionOf(name)) || extensionOf(name) === "iso";
}

function nestedZipEntry(zip: ZipArchive, entry: ZipArchive["entries"][number], scope: Scope): void {
  if (scope.depth >= scope.limits.maxNestingDepth) {
    scope.note("limit", fillLocalized(NOTE.nested, { limit: scope.limits.maxNestingDepth }));
    return;
  }
  const want = Math.min(Number.isFinite(entry.size) && entry.size > 0 ? entry.size : scope.budget.inflate, scope.limits.maxInflatedBytes);
  const data = readZipEntry(zip, entry, want, scope);
  if (data && data.bytes.length > 0) openNested(data.bytes, entry.name, scope);
}

/** OpenDocument (ODF 1.3 Part 2 §3.3): a first, stored "mimetype" entry naming an OpenDocument type. */
function isOpenDocument(zip: ZipArchive, scope: Scope): boolean {
  const entry = findEntry(zip, "mimetype");
  if (!entry) return false;
  const data = readZipEntry(zip, entry, 128, scope);
  return data !== undefined && String.fromCharCode(...data.bytes).startsWith("application/vnd.oasis.opendocument");
}

/**
 * Facts about the listed entries, by name and by content: encrypted entries, programs and
 * disguised names (the same tests the attachment name gets), macro documents, and entries
 * whose bytes are a program whatever they are called.
 */
function classifyEntries(scope: Scope): void {
  for (const e of scope.entries) {
    if (e.directory) continue;
    const base = e.name.slice(Math.max(e.name.lastIndexOf("/"), e.name.lastIndexOf("\\")) + 1);
    const shown = visibleName(e.name);
    if (e.encrypted) scope.indicate("encrypted-entry", shown);
    const ext = extensionOf(base);
    if (EXECUTABLE_EXTENSIONS.has(ext)) scope.indicate("executable-entry", shown);
    if ((disguisedName(base)?.shown !== undefined) || hiddenCharacters(base).reordering > 0) scope.indicate("disguised-entry", shown);
    if (MACRO_EXTENSIONS.has(ext)) scope.indicate("macro-entry", shown);
    if (e.kind !== undefined && familyOfKind(e.kind) === "executable" && !EXECUTABLE_EXTENSIONS.has(ext)) {
      scope.indicate("executable-content-entry", `${shown}: ${describeKind(e.kind)}`);
    }
  }
}
