import type { AttachmentInfo } from "../../analysis.js";
import type { ContentInspection } from "../../attachments/content/inspect.js";
import type { RuleContext } from "../../context.js";
import { checkedAttachments, contentOf, reportContentNotInspected } from "./shared.js";
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

/** Which attachments a group of content rules must look inside, and the rules said not to have run when it could not. */
const FAMILIES = {
  archive: { needsContent: isArchive, rules: ARCHIVE_CONTENT_RULES },
  pdf: { needsContent: isPdf, rules: PDF_CONTENT_RULES },
  document: { needsContent: isDocument, rules: DOCUMENT_CONTENT_RULES },
} as const;

/**
 * The checked attachments whose content was inspected, each with its inspection. One of the
 * family that came without bytes is reported instead (one diagnostic per attachment for the
 * whole group of rules, see reportContentNotInspected).
 */
export function inspectedAttachments(
  context: RuleContext,
  family: keyof typeof FAMILIES,
): { readonly attachment: AttachmentInfo; readonly inspection: ContentInspection }[] {
  const { needsContent, rules } = FAMILIES[family];
  const out: { attachment: AttachmentInfo; inspection: ContentInspection }[] = [];
  for (const attachment of checkedAttachments(context)) {
    const inspection = contentOf(context, attachment);
    if (inspection) out.push({ attachment, inspection });
    else if (needsContent(attachment)) reportContentNotInspected(context, attachment, rules);
  }
  return out;
}
