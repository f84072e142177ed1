/** The task pane's view: pure DOM rendering of an analysis and of the report form (no Office.js, no network). */
export { renderAnalysis, renderStatus, mountView, type ViewHooks, type StatusView } from "./render.js";
export { renderReportForm, type ReportFormModel, type ReportFormHooks, type ReportFormStatus, type ReportFormView } from "./report-form.js";
export { isAllowedHref } from "./h.js";
