import type { Rule } from "../../rule.js";
import { LINK_TEXT_MISMATCH } from "./text-mismatch.js";
import { LINK_HIDDEN_TARGET } from "./hidden-target.js";
import { LINK_OFF_SENDER_DOMAIN } from "./off-sender-domain.js";
import { LINK_IP_LITERAL } from "./ip-literal.js";
import { LINK_USERINFO } from "./userinfo.js";
import { LINK_PUNYCODE } from "./punycode.js";
import { LINK_LOOKALIKE } from "./lookalike.js";
import { LINK_SHORTENER } from "./shortener.js";
import { LINK_FREE_HOSTING } from "./free-hosting.js";
import { LINK_DANGEROUS_SCHEME } from "./dangerous-scheme.js";
import { LINK_TO_FILE } from "./to-file.js";
import { HTML_FORM } from "./form.js";
import { HTML_META_REFRESH } from "./meta-refresh.js";
import { HTML_BASE_TAG } from "./base-tag.js";

/** The links rules, in catalogue order. */
export const LINKS_RULES: readonly Rule[] = [
  LINK_TEXT_MISMATCH,
  LINK_HIDDEN_TARGET,
  LINK_OFF_SENDER_DOMAIN,
  LINK_IP_LITERAL,
  LINK_USERINFO,
  LINK_PUNYCODE,
  LINK_LOOKALIKE,
  LINK_SHORTENER,
  LINK_FREE_HOSTING,
  LINK_DANGEROUS_SCHEME,
  LINK_TO_FILE,
  HTML_FORM,
  HTML_META_REFRESH,
  HTML_BASE_TAG,
];
