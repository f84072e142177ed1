import { describe, expect, it } from "vitest";
import { LINKS_RULES } from "../../../src/core/rules/links/index.js";
import { LOOKALIKE_SENDER_DOMAIN } from "../../../src/core/rules/sender/lookalike-sender-domain.js";

describe("links rule registry", () => {
  it("registers every link rule once, in catalogue order, with ja and en texts", () => {
    expect(LINKS_RULES.map((r) => [r.id, r.severity])).toEqual([
      ["LINK_TEXT_MISMATCH", "high"],
      ["LINK_HIDDEN_TARGET", "medium"],
      ["LINK_OFF_SENDER_DOMAIN", "low"],
      ["LINK_IP_LITERAL", "high"],
      ["LINK_USERINFO", "high"],
      ["LINK_PUNYCODE", "low"],
      ["LINK_LOOKALIKE", "high"],
      ["LINK_SHORTENER", "medium"],
      ["LINK_FREE_HOSTING", "medium"],
      ["LINK_DANGEROUS_SCHEME", "high"],
      ["LINK_TO_FILE", "medium"],
      ["HTML_FORM", "medium"],
      ["HTML_META_REFRESH", "medium"],
      ["HTML_BASE_TAG", "medium"],
    ]);
    for (const rule of [...LINKS_RULES, LOOKALIKE_SENDER_DOMAIN]) {
      expect(rule.group).toBe(rule === LOOKALIKE_SENDER_DOMAIN ? "sender" : "links");
      for (const text of [rule.title, rule.explanation]) {
        expect(text.ja, rule.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(text.en, rule.id).toMatch(/^[A-Z]/);
      }
    }
  });
});
