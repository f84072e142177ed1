/**
 * Office.js property: `Office.context.officeTheme` — the colours of the Office theme the person
 * chose (File > Office Account > Office Theme). Requirement set: Mailbox 1.14 (Outlook on the
 * web and Windows; undefined in older clients and on Mac before 1.14).
 */

export interface OfficeThemeColors {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
  /** Documented both as a property and, in older typings, as a method: read either. */
  readonly isDarkTheme?: boolean;
}

export function officeTheme(): OfficeThemeColors | undefined {
  try {
    const theme = Office.context.officeTheme as unknown as Record<string, unknown> | undefined;
    if (!theme) return undefined;
    const dark = theme.isDarkTheme;
    const color = (key: string): string | undefined => (typeof theme[key] === "string" ? (theme[key] as string) : undefined);
    return {
      bodyBackgroundColor: color("bodyBackgroundColor"),
      bodyForegroundColor: color("bodyForegroundColor"),
      controlBackgroundColor: color("controlBackgroundColor"),
      controlForegroundColor: color("controlForegroundColor"),
      isDarkTheme: typeof dark === "function" ? Boolean((dark as () => unknown).call(theme)) : typeof dark === "boolean" ? dark : undefined,
    };
  } catch {
    return undefined;
  }
}
