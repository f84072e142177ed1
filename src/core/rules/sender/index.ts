import type { Rule } from "../../rule.js";
import { AUTH_FAIL } from "./auth-fail.js";
import { DATE_ZONE_MISMATCH } from "./date-zone-mismatch.js";
import { DISPLAY_NAME_SPOOF } from "./display-name-spoof.js";
import { FREEMAIL_ORG_CLAIM } from "./freemail-org-claim.js";
import { FROM_ADDRESS_INVALID } from "./from-address-invalid.js";
import { FREEMAIL_ATTACHMENT } from "./freemail-attachment.js";
import { OBFUSCATED_TEXT } from "./obfuscated-text.js";
import { LOOKALIKE_SENDER_DOMAIN } from "./lookalike-sender-domain.js";
import { INTERNAL_SENDER_EXTERNAL_ORIGIN } from "./internal-sender-external-origin.js";
import { MASS_INTERNAL_RECIPIENTS } from "./mass-internal-recipients.js";
import { MESSAGE_ID_DOMAIN_MISMATCH } from "./message-id-domain-mismatch.js";
import { ORIGIN_COUNTRY_MISMATCH } from "./origin-country-mismatch.js";
import { REPLY_TO_DIVERGES } from "./reply-to-diverges.js";
import { TEXT_FREEMAIL_CONTACT } from "./text-freemail-contact.js";
import { REPLY_WITHOUT_THREAD } from "./reply-without-thread.js";
import { RETURN_PATH_DIVERGES } from "./return-path-diverges.js";

/** The sender rules, in catalogue order (DESIGN.md "Sender and origin"). */
export const SENDER_RULES: readonly Rule[] = [
  ORIGIN_COUNTRY_MISMATCH,
  INTERNAL_SENDER_EXTERNAL_ORIGIN,
  AUTH_FAIL,
  REPLY_TO_DIVERGES,
  TEXT_FREEMAIL_CONTACT,
  RETURN_PATH_DIVERGES,
  DISPLAY_NAME_SPOOF,
  FREEMAIL_ORG_CLAIM,
  LOOKALIKE_SENDER_DOMAIN,
  DATE_ZONE_MISMATCH,
  MESSAGE_ID_DOMAIN_MISMATCH,
  MASS_INTERNAL_RECIPIENTS,
  REPLY_WITHOUT_THREAD,
  // Beyond the DESIGN.md catalogue, each justified in its module by what it means and measured on the corpora.
  FROM_ADDRESS_INVALID,
  OBFUSCATED_TEXT,
  FREEMAIL_ATTACHMENT,
];
