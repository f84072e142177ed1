/**
 * Follows Outlook's theme: the Office theme's colours (Mailbox 1.14) become the pane's CSS custom
 * properties, and `data-theme="dark" | "light"` on the root picks the palette in taskpane.css.
 * Without an Office theme, the system's prefers-color-scheme decides. Only "#rrggbb" values are
 * applied (through the CSSOM, which the pane's CSP allows), so nothing else can reach a style.
 */

/** The Office theme's colours as src/hosts/outlook/office-theme.ts reads them. */
export interface ThemeColors {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
  readonly isDarkTheme?: boolean;
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** Custom property ← Office theme colour. */
const MAPPING: readonly (readonly [string, keyof ThemeColors])[] = [
  ["--ctm-bg", "bodyBackgroundColor"],
  ["--ctm-fg", "bodyForegroundColor"],
  ["--ctm-bg-muted", "controlBackgroundColor"],
  ["--ctm-fg-muted", "controlForegroundColor"],
];

/** Perceived lightness (ITU-R BT.601 luma) of "#rrggbb", 0–255. */
function luma(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return 0.299 * ((n >> 16) & 0xff) + 0.587 * ((n >> 8) & 0xff) + 0.114 * (n & 0xff);
}

export function applyTheme(root: HTMLElement, theme: ThemeColors | undefined, systemPrefersDark: boolean): void {
  for (const [property] of MAPPING) root.style.removeProperty(property);
  let dark = systemPrefersDark;
  if (theme) {
    for (const [property, key] of MAPPING) {
      const value = theme[key];
      if (typeof value === "string" && HEX_COLOR.test(value)) root.style.setProperty(property, value);
    }
    const background = theme.bodyBackgroundColor;
    if (theme.isDarkTheme !== undefined) dark = theme.isDarkTheme;
    else if (background !== undefined && HEX_COLOR.test(background)) dark = luma(background) < 128;
  }
  root.dataset.theme = dark ? "dark" : "light";
}
