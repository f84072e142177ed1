import type { Language, Localized } from "../../core/i18n.js";
import { fillTemplate } from "../../core/i18n.js";
import { elementBuilder, type ElementBuilder } from "./h.js";

/** What every part of the view needs: the document, the element builder, the language, unique ids. */
export interface ViewContext {
  readonly doc: Document;
  readonly h: ElementBuilder;
  readonly lang: Language;
  /** The text in the view's language, placeholders filled. */
  t(text: Localized, values?: Readonly<Record<string, string | number>>): string;
  /** An id unique to this rendering (several views may live in one page: the demo, tests). */
  id(suffix: string): string;
}

let renderings = 0;

/** Characters allowed in the suffix of a generated id (rule IDs, indexes). */
const ID_UNSAFE = /[^\w-]/g;

export function createContext(doc: Document, lang: Language): ViewContext {
  const prefix = `ctm${++renderings}`;
  return {
    doc,
    h: elementBuilder(doc),
    lang,
    t: (text, values) => (values ? fillTemplate(text[lang], values) : text[lang]),
    id: (suffix) => `${prefix}-${suffix.replace(ID_UNSAFE, "_")}`,
  };
}
