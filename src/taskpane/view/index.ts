/** The task pane's view: pure DOM rendering of an analysis (no Office.js, no network). */
export { renderAnalysis, renderStatus, mountView, type ViewHooks, type StatusView } from "./render.js";
export { isAllowedHref } from "./h.js";
