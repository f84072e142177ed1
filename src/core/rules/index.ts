import type { Rule } from "../rule.js";
import { ATTACHMENTS_RULES } from "./attachments/index.js";
import { LINKS_RULES } from "./links/index.js";
import { SENDER_RULES } from "./sender/index.js";

/** Every rule of the catalogue. IDs are stable: reports and CSIRT tooling key on them. */
export const RULES: readonly Rule[] = [...LINKS_RULES, ...SENDER_RULES, ...ATTACHMENTS_RULES];
