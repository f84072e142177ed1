/**
 * Putting the pane's states on the page — shared by the Outlook pane (./taskpane.ts) and the
 * Thunderbird popup (src/hosts/thunderbird/popup.ts): the status screens, the check's states
 * (./checker.ts) with the data attributes people and tests read, and copying the report text.
 * Mail content reaches the page only through ./view (DOM built with textContent).
 */
import type { Language, Localized } from "../core/i18n.js";
import type { PaneState } from "./checker.js";
import type { ConfigLoad } from "./config.js";
import { PANE_TEXT } from "./messages.js";
import { mountView, renderAnalysis, renderStatus, type StatusView } from "./view/index.js";

export type AnalysisState = Extract<PaneState, { kind: "analysis" }>;

export function mount(root: HTMLElement, element: HTMLElement, state: string, check?: number): void {
  // mountView keeps the screen-reader live region in place from one result to the next.
  mountView(root, element);
  root.dataset.state = state;
  if (check !== undefined) root.dataset.check = String(check);
  delete root.dataset.source;
  delete root.dataset.diagnostics;
}

export function status(root: HTMLElement, lang: Language, value: StatusView, state: string = value.kind): void {
  mount(root, renderStatus(root.ownerDocument, value, lang), state);
}

export function error(message: Localized, detail?: string): StatusView {
  return detail === undefined ? { kind: "error", message } : { kind: "error", message, detail };
}

/**
 * One state of the check. `noItem` is what the host says when no mail is there to check;
 * `onReport` gives the Report button's action for an analysis (none: no button).
 */
export function renderPaneState(
  root: HTMLElement,
  lang: Language,
  state: PaneState,
  check: number,
  options: { readonly noItem: StatusView; readonly onReport: (state: AnalysisState) => (() => void) | undefined },
): void {
  const doc = root.ownerDocument;
  switch (state.kind) {
    case "loading":
      mount(root, renderStatus(doc, { kind: "loading" }, lang), "loading", check);
      return;
    case "no-item":
      mount(root, renderStatus(doc, options.noItem, lang), "no-item", check);
      return;
    case "error":
      mount(root, renderStatus(doc, error(PANE_TEXT.failed, state.detail), lang), "error", check);
      return;
    case "analysis": {
      const { analysis } = state;
      const report = options.onReport(state);
      mount(root, renderAnalysis(doc, analysis, lang, report ? { onReport: report } : undefined), "ready", check);
      // For people and tests alike: where the snapshot came from and what could not be read.
      root.dataset.source = state.read.source;
      root.dataset.diagnostics = [...new Set(analysis.diagnostics.map((d) => d.code))].join(" ");
      return;
    }
  }
}

/** Copies the report text: the Clipboard API, else the selected text and the copy command (a frame may not be allowed either). */
export async function copyText(text: string, select: () => void): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // not allowed in this frame: try the selection
  }
  try {
    select();
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

/**
 * The organisation's settings as loaded, or the screen that says what is wrong with them (every
 * error with its path, or why they could not be read) and undefined: never a blank pane.
 */
export function usableConfig(root: HTMLElement, lang: Language, config: ConfigLoad): Extract<ConfigLoad, { kind: "ok" }> | undefined {
  switch (config.kind) {
    case "ok":
      return config;
    case "invalid":
      status(root, lang, { kind: "config-error", errors: config.errors });
      return undefined;
    case "unreadable":
      status(root, lang, error(PANE_TEXT.configUnreadable, config.detail), "config-error");
      return undefined;
  }
}
