/**
 * Corpus check over real mail (../shared/corpora, not in the repository; some attachments are
 * live malware: the .eml files are only read as bytes, and attachments only ever exist in
 * memory). Every attachment with bytes gets a content kind; the malspam zips and the disc image
 * with programs inside are found; ordinary mail gains no content-based finding.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeEml } from "../../../src/hosts/eml/index.js";
import { FIXED_NOW } from "../../helpers/build.js";
import { CORPORA, requireCorpus } from "../../helpers/corpora.js";
/** Rules whose findings come only from content (plus the two content-aware ones that can fire by content alone). */
const CONTENT_RULES = ["ATT_ENCRYPTED_ARCHIVE", "ATT_ARCHIVE_WITH_EXECUTABLE", "ATT_REMOTE_TEMPLATE", "ATT_EQUATION_EDITOR", "ATT_PDF_ACTIVE"];

describe("attachment inspection over the corpora", () => {
  it("gives every phish attachment a content kind and finds the programs in archives", async () => {
    const found = new Map<string, string[]>();
    let attachments = 0;
    for (const file of requireCorpus("phish")) {
      const analysis = await analyzeEml(readFileSync(file), { now: FIXED_NOW });
      for (const a of analysis.attachments) {
        if (!a.contentAvailable) continue;
        attachments++;
        expect(a.content?.kind, `${file} ${a.name}`).toBeDefined();
        expect(a.sha256, `${file} ${a.name}`).toMatch(/^[\da-f]{64}$/);
      }
      const ids = analysis.findings.filter((f) => CONTENT_RULES.includes(f.id)).map((f) => f.id);
      if (ids.length > 0) found.set(file.slice(CORPORA.length + 1), ids);
    }
    expect(attachments).toBeGreaterThan(200);
    for (const name of ["phish/nazario_phishing_corpus/phishing0.mbox__msg0332.eml", "phish/phishing_pot/sample-1266.eml", "phish/spamscope_mail-parser/mail_test_15"]) {
      expect(found.get(name), name).toContain("ATT_ARCHIVE_WITH_EXECUTABLE");
    }
  });

  it("adds no content-based finding to ordinary mail", async () => {
    const flagged: string[] = [];
    for (const file of requireCorpus("ham")) {
      const analysis = await analyzeEml(readFileSync(file), { now: FIXED_NOW });
      for (const f of analysis.findings) if (CONTENT_RULES.includes(f.id)) flagged.push(`${file}: ${f.id}`);
    }
    expect(flagged).toEqual([]);
  });
});
