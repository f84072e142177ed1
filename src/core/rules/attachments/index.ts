import type { Rule } from "../../rule.js";

/** The attachments rules, in catalogue order. */
export const ATTACHMENTS_RULES: readonly Rule[] = [];
