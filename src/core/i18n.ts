/** Languages every user-visible text of the product is written in. */
export const LANGUAGES = ["ja", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every supported language. Rules and diagnostics carry both; hosts pick one. */
export type Localized = Readonly<Record<Language, string>>;

export function localized(ja: string, en: string): Localized {
  return { ja, en };
}

/** Replaces `{name}` placeholders; unknown names are left as they are so mistakes stay visible. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

export function fillLocalized(text: Localized, values: Readonly<Record<string, string | number>>): Localized {
  return { ja: fillTemplate(text.ja, values), en: fillTemplate(text.en, values) };
}
