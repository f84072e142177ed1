/**
 * Office Open XML packages (ECMA-376 Part 2, Open Packaging Conventions; [MS-OI29500] for
 * Office's reading of it): what [Content_Types].xml declares, what the relationship parts
 * point at, and what is embedded — read from the zip without opening the document itself.
 *
 * - Macros: a vbaProject.bin part ([MS-OFFMACRO2]), a macro-enabled main content type, Excel
 *   4.0 macro sheets (xl/macrosheets/), ActiveX controls.
 * - Remote templates and external objects: a relationship with TargetMode="External" of type
 *   attachedTemplate (settings.xml.rels: Word fetches the template when the document opens —
 *   "template injection"), oleObject (CVE-2017-0199; Follina CVE-2022-30190 uses an "mhtml:"
 *   target), frame or subDocument. A template on the local disk (file:///C:/...) is ordinary;
 *   only targets on another machine (http, https, ftp, a UNC share \\host\...) count.
 * - Embedded OLE objects (embeddings/*.bin) are opened as OLE files: Equation Editor objects,
 *   packaged files ("invoice.exe" shown as an icon), VBA in an embedded workbook.
 */
import { findEntry, readZipEntry, type ZipArchive } from "./zip.js";
import type { ContentKind } from "./kinds.js";
import { inspectOle } from "./ole.js";
import type { Scope } from "./scope.js";
import { xmlElements, xmlText } from "./xml.js";
import { hasBytes } from "./bytes.js";

/** Package parts are small; a part larger than this is read only this far. */
const MAX_PART = 1024 * 1024;
const MAX_RELS_PARTS = 64;
const MAX_EMBEDDINGS = 16;
const MAX_EMBEDDING = 4 * 1024 * 1024;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Relationship types (ECMA-376 Part 1 §15, Office's ms-* types) whose external targets are loaded when the document opens. */
const LOADED_ON_OPEN: readonly [suffix: string, label: string][] = [
  ["/attachedtemplate", "attachedTemplate"],
  ["/oleobject", "oleObject"],
  ["/frame", "frame"],
  ["/subdocument", "subDocument"],
];

/**
 * Where an external target lives: "remote" when opening it reaches another machine, "local"
 * for paths on this computer. `mhtml:` and Office URI schemes wrap a remote URL.
 */
export function targetLocation(target: string): "remote" | "local" {
  const t = target.trim().toLowerCase().replaceAll("\\", "/");
  if (t.startsWith("//")) return "remote";
  if (t.startsWith("file:")) {
    // file:///C:/... (three slashes, RFC 8089) is local; file://host/... and file:////host/... are network shares.
    const rest = t.slice(5);
    let slashes = 0;
    while (rest[slashes] === "/") slashes++;
    if (slashes === 2) return rest.startsWith("//localhost/") ? "local" : "remote";
    return slashes >= 4 ? "remote" : "local";
  }
  const colon = t.indexOf(":");
  // No scheme (a relative path) or a drive letter ("c:/..."): on this computer.
  return colon <= 1 ? "local" : "remote";
}

function part(zip: ZipArchive, name: string, scope: Scope): string | undefined {
  const entry = findEntry(zip, name);
  if (!entry) return undefined;
  const data = readZipEntry(zip, entry, MAX_PART, scope);
  return data ? xmlText(data.bytes) : undefined;
}

export function inspectOoxml(zip: ZipArchive, scope: Scope): ContentKind {
  const names = zip.entries.map((e) => e.name);
  const lowerNames = names.map((n) => n.toLowerCase());
  let kind: ContentKind = "ooxml";
  if (lowerNames.includes("word/document.xml")) kind = "ooxml-word";
  else if (lowerNames.includes("xl/workbook.xml") || lowerNames.includes("xl/workbook.bin")) kind = "ooxml-excel";
  else if (lowerNames.includes("ppt/presentation.xml")) kind = "ooxml-powerpoint";

  const types = part(zip, "[Content_Types].xml", scope);
  if (types !== undefined) {
    for (const el of [...xmlElements(types, "Override"), ...xmlElements(types, "Default")]) {
      const type = (el.ContentType ?? "").toLowerCase();
      // Part names are absolute ("/word/vbaProject.bin"); the zip entry has no leading slash.
      const where = el.PartName !== undefined ? el.PartName.replace(/^\//, "") : el.Extension === undefined ? "" : `*.${el.Extension}`;
      if (type.includes("macroenabled")) scope.indicate("macro-enabled-format", `${where} ${el.ContentType}`.trim());
      if (type === "application/vnd.ms-office.vbaproject" && el.PartName !== undefined) scope.indicate("vba-macros", where);
      if (type.includes("macrosheet")) scope.indicate("xlm-macros", where);
      if (type.includes("activex")) scope.indicate("activex", where);
      if (kind === "ooxml") {
        if (type.includes("wordprocessingml") || type.includes("ms-word")) kind = "ooxml-word";
        else if (type.includes("spreadsheetml") || type.includes("ms-excel")) kind = "ooxml-excel";
        else if (type.includes("presentationml") || type.includes("ms-powerpoint")) kind = "ooxml-powerpoint";
      }
    }
  }

  names.forEach((name, i) => {
    const lower = lowerNames[i]!;
    if (lower.endsWith("vbaproject.bin") || lower.endsWith("/vbadata.xml")) scope.indicate("vba-macros", name);
    if (lower.includes("/macrosheets/") && !lower.endsWith("/")) scope.indicate("xlm-macros", name);
    if (lower.includes("/activex/") && lower.endsWith(".xml")) scope.indicate("activex", name);
  });

  // Relationship parts: external targets loaded on open.
  let relsRead = 0;
  for (const entry of zip.entries) {
    if (!entry.name.toLowerCase().endsWith(".rels")) continue;
    if (relsRead++ >= MAX_RELS_PARTS) break;
    const data = readZipEntry(zip, entry, MAX_PART, scope);
    if (!data) continue;
    for (const rel of xmlElements(xmlText(data.bytes), "Relationship")) {
      if ((rel.TargetMode ?? "").toLowerCase() !== "external") continue;
      const type = (rel.Type ?? "").toLowerCase();
      const target = rel.Target ?? "";
      if (type.endsWith("/hyperlink")) continue;
      const loaded = LOADED_ON_OPEN.find(([suffix]) => type.endsWith(suffix));
      if (loaded && targetLocation(target) === "remote") {
        scope.indicate(loaded[0] === "/attachedtemplate" ? "remote-template" : "external-object", `${loaded[1]}: ${target}`);
      } else if (type.endsWith("/image") && targetLocation(target) === "remote" && !/^https?:/i.test(target.trim())) {
        // A linked picture on a network share makes Windows authenticate to that host (NTLM hash leak).
        scope.indicate("external-object", `image: ${target}`);
      }
    }
  }

  // Embedded objects: an OLE object part is opened as an OLE file.
  let embeddings = 0;
  for (const entry of zip.entries) {
    const lower = entry.name.toLowerCase();
    if (!lower.includes("/embeddings/") || entry.directory) continue;
    if (lower.endsWith(".bin")) scope.indicate("ole-object", entry.name);
    if (embeddings >= MAX_EMBEDDINGS) continue;
    const head = readZipEntry(zip, entry, 8, scope);
    if (!head || !hasBytes(head.bytes, 0, OLE_MAGIC)) continue;
    embeddings++;
    const data = readZipEntry(zip, entry, MAX_EMBEDDING, scope);
    if (data) inspectOle(data.bytes, scope.inside(entry.name), entry.name);
  }
  return kind;
}
