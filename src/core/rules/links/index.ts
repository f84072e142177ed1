import type { Rule } from "../../rule.js";

/** The links rules, in catalogue order. */
export const LINKS_RULES: readonly Rule[] = [];
