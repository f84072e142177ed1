/** The pure analysis core: no Office.js, no DOM, no Node. Hosts translate into a MessageSnapshot. */
export { analyze } from "./analyze.js";
export { digestAttachments } from "./attachments/digest.js";
export * from "./analysis.js";
export type { MessageSnapshot, MailAddress, HeaderField, AttachmentSnapshot, SnapshotAvailability } from "./snapshot.js";
export { type Config, type ConfigError, type ConfigResult, validateConfig, parseConfig } from "./config.js";
export { type AnalyzeOptions, type Limits, DEFAULT_LIMITS } from "./options.js";
export type { Stage, StageTimings } from "./timing.js";
export { type Diagnostic, type DiagnosticCode, type DiagnosticLevel, DIAGNOSTIC_TEXT } from "./diagnostics.js";
export { type NotMail, type NotMailKind, notMail, notMailDiagnostic } from "./input-kind.js";
export { type Language, type Localized, LANGUAGES } from "./i18n.js";
export { RULES } from "./rules/index.js";
export type { Rule, RuleHit } from "./rule.js";
export * from "./report/index.js";
