import type { AttachmentInfo } from "../../analysis.js";
import {
  ARCHIVE_EXTENSIONS,
  ARCHIVE_TYPES,
  extensionFamily,
  PDF_EXTENSIONS,
  PDF_TYPES,
  typeFamily,
  ZIP_BASED_EXECUTABLES,
} from "../../attachments/names.js";

/** Rules that must look inside an archive; listed together in one "not inspected" diagnostic. */
export const ARCHIVE_CONTENT_RULES = ["ATT_ENCRYPTED_ARCHIVE", "ATT_ARCHIVE_WITH_EXECUTABLE"] as const;
export const PDF_CONTENT_RULES = ["ATT_PDF_ACTIVE"] as const;
/** Rules that must look inside an Office, Ichitaro or RTF document. */
export const DOCUMENT_CONTENT_RULES = ["ATT_MACRO_DOCUMENT", "ATT_REMOTE_TEMPLATE", "ATT_EQUATION_EDITOR"] as const;

/**
 * An archive by its name, or by its declared type when the name says nothing (a ".docx" or
 * ".jar" declared as application/zip is a zip inside, but not an archive to the person).
 */
export function isArchive(a: AttachmentInfo): boolean {
  if (ARCHIVE_EXTENSIONS.has(a.extension)) return true;
  const family = extensionFamily(a.extension);
  return ARCHIVE_TYPES.has(a.declaredType) && family === undefined && !ZIP_BASED_EXECUTABLES.has(a.extension);
}

export function isPdf(a: AttachmentInfo): boolean {
  return PDF_EXTENSIONS.has(a.extension) || (PDF_TYPES.has(a.declaredType) && extensionFamily(a.extension) === undefined);
}

/** An Office, Ichitaro, Hangul or RTF document by its name, or by its declared type when the name says nothing. */
export function isDocument(a: AttachmentInfo): boolean {
  const byName = extensionFamily(a.extension);
  return byName === "office" || (byName === undefined && typeFamily(a.declaredType) === "office");
}
