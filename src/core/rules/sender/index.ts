import type { Rule } from "../../rule.js";

/** The sender rules, in catalogue order. */
export const SENDER_RULES: readonly Rule[] = [];
