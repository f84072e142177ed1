import type { Rule } from "../../rule.js";
import { ATT_ARCHIVE_WITH_EXECUTABLE } from "./archive-with-executable.js";
import { ATT_BIDI_TRICK } from "./bidi-trick.js";
import { ATT_DOUBLE_EXTENSION } from "./double-extension.js";
import { ATT_ENCRYPTED_ARCHIVE } from "./encrypted-archive.js";
import { ATT_EXECUTABLE } from "./executable.js";
import { ATT_EQUATION_EDITOR } from "./equation-editor.js";
import { ATT_EXPLOITED_FORMAT } from "./exploited-format.js";
import { ATT_HTML } from "./html.js";
import { ATT_MACRO_DOCUMENT } from "./macro-document.js";
import { ATT_PDF_ACTIVE } from "./pdf-active.js";
import { ATT_REMOTE_TEMPLATE } from "./remote-template.js";
import { ATT_TYPE_MISMATCH } from "./type-mismatch.js";

export {
  ATT_ARCHIVE_WITH_EXECUTABLE,
  ATT_BIDI_TRICK,
  ATT_DOUBLE_EXTENSION,
  ATT_ENCRYPTED_ARCHIVE,
  ATT_EQUATION_EDITOR,
  ATT_EXECUTABLE,
  ATT_EXPLOITED_FORMAT,
  ATT_HTML,
  ATT_MACRO_DOCUMENT,
  ATT_PDF_ACTIVE,
  ATT_REMOTE_TEMPLATE,
  ATT_TYPE_MISMATCH,
};

/** The attachments rules, in catalogue order. */
export const ATTACHMENTS_RULES: readonly Rule[] = [
  ATT_EXECUTABLE,
  ATT_DOUBLE_EXTENSION,
  ATT_BIDI_TRICK,
  ATT_MACRO_DOCUMENT,
  ATT_REMOTE_TEMPLATE,
  ATT_EQUATION_EDITOR,
  ATT_ENCRYPTED_ARCHIVE,
  ATT_ARCHIVE_WITH_EXECUTABLE,
  ATT_TYPE_MISMATCH,
  ATT_PDF_ACTIVE,
  ATT_HTML,
  ATT_EXPLOITED_FORMAT,
];
