import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/core/rules/index.js";

/** The rule catalogue of the product design, by group. IDs are a public contract. */
const CATALOGUE = {
  links: [
    "LINK_TEXT_MISMATCH", "LINK_HIDDEN_TARGET", "LINK_OFF_SENDER_DOMAIN", "LINK_IP_LITERAL", "LINK_USERINFO",
    "LINK_PUNYCODE", "LINK_LOOKALIKE", "LINK_SHORTENER", "LINK_DANGEROUS_SCHEME", "LINK_TO_FILE",
    "HTML_FORM", "HTML_META_REFRESH",
  ],
  sender: [
    "ORIGIN_COUNTRY_MISMATCH", "INTERNAL_SENDER_EXTERNAL_ORIGIN", "AUTH_FAIL", "REPLY_TO_DIVERGES",
    "RETURN_PATH_DIVERGES", "DISPLAY_NAME_SPOOF", "FREEMAIL_ORG_CLAIM", "LOOKALIKE_SENDER_DOMAIN",
    "DATE_ZONE_MISMATCH", "MESSAGE_ID_DOMAIN_MISMATCH", "MASS_INTERNAL_RECIPIENTS", "REPLY_WITHOUT_THREAD",
  ],
  attachments: [
    "ATT_EXECUTABLE", "ATT_DOUBLE_EXTENSION", "ATT_BIDI_TRICK", "ATT_MACRO_DOCUMENT", "ATT_ENCRYPTED_ARCHIVE",
    "ATT_ARCHIVE_WITH_EXECUTABLE", "ATT_TYPE_MISMATCH", "ATT_PDF_ACTIVE", "ATT_HTML", "ATT_EXPLOITED_FORMAT",
  ],
} as const;

const testRoot = fileURLToPath(new URL("..", import.meta.url));
function testSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testSources(path);
    return name.endsWith(".test.ts") && !path.endsWith("catalogue.test.ts") ? [readFileSync(path, "utf8")] : [];
  });
}

describe("rule catalogue", () => {
  it("has every catalogue rule, in its group", () => {
    for (const [group, ids] of Object.entries(CATALOGUE)) {
      for (const id of ids) expect(RULES.find((r) => r.id === id)?.group, id).toBe(group);
    }
  });

  it("has unique, stable-looking IDs", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/);
  });

  it("explains every rule in Japanese and English", () => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    for (const r of RULES) {
      expect(r.title.en.trim(), r.id).not.toBe("");
      expect(r.explanation.en.trim(), r.id).not.toBe("");
      expect(r.title.ja, r.id).toMatch(japanese);
      expect(r.explanation.ja, r.id).toMatch(japanese);
      expect(r.explanation.en, r.id).not.toMatch(japanese);
    }
  });

  it("has tests that name every rule", () => {
    const sources = testSources(testRoot).join("\n");
    for (const r of RULES) expect(sources.includes(`"${r.id}"`), r.id).toBe(true);
  });
});
