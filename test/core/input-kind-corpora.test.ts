/**
 * The input recogniser over every corpus of real mail (../shared/corpora, never copied here):
 * every mail stays a mail. The few files it turns away are listed by name with what they are, so
 * a new rejection, or a listed one accepted, fails. Fails when the corpora are missing.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusFiles } from "../../scripts/lib/corpus-files.js";
import { notMail } from "../../src/core/input-kind.js";
import { CORPORA, requireCorpusDir, type CorpusName } from "../helpers/corpora.js";

/** Files of the mail corpora that are not mail, and what they are. */
const NOT_MAIL: Readonly<Record<string, string>> = {
  // An XML (EWS) response kept beside the header blocks: no header field.
  "headers/mha/ut-XML__single_received_headers.txt": "no-headers",
  // The body of a digest, without the digest's headers.
  "malformed/cpython_test_email/msg_19.txt": "no-headers",
  "malformed/ruby_mail_gem/.gitattributes": "no-headers",
  "malformed/ruby_mail_gem/sample_output_multipart": "empty",
  "malformed/sisimai_set-of-emails/size-0": "empty",
  "malformed/sisimai_set-of-emails/size-1": "empty",
  // "22\n"
  "malformed/sisimai_set-of-emails/size-2": "no-headers",
  // An Outlook .msg in a parser's test suite: the case this check is for.
  "malformed/spamscope_mail-parser/mail_outlook_1": "outlook-msg",
  "modern-ham/README.md": "no-headers",
};

const MAIL_CORPORA: readonly CorpusName[] = ["phish", "ham", "malformed", "headers"];

describe("notMail over the corpora", () => {
  it("accepts every mail of every mail corpus, and names the files that are not mail", () => {
    for (const name of [...MAIL_CORPORA, "xss"] as const) requireCorpusDir(name);
    // Every folder there, those the helper does not name yet too (modern-ham).
    const corpora = readdirSync(CORPORA).filter((n) => n !== "xss" && statSync(join(CORPORA, n)).isDirectory());
    const rejected: Record<string, string> = {};
    const figures: string[] = [];
    for (const corpus of corpora) {
      const files = corpusFiles(join(CORPORA, corpus)) as string[];
      expect(files.length, corpus).toBeGreaterThan(0);
      let accepted = 0;
      for (const file of files) {
        const result = notMail(readFileSync(file));
        if (result) rejected[relative(CORPORA, file)] = result.kind;
        else accepted++;
      }
      figures.push(`${corpus} ${accepted}/${files.length}`);
    }
    console.info(`accepted as mail: ${figures.join(", ")}`);
    expect(rejected).toEqual(NOT_MAIL);
  });

  it("names the images of the XSS corpus (payload lists and pages are text without a header block)", () => {
    const dir = requireCorpusDir("xss");
    const files = corpusFiles(dir) as string[];
    const kinds = new Map<string, number>();
    for (const file of files) {
      const result = notMail(readFileSync(file));
      const kind = result?.kind ?? "mail";
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (/\.(?:png|jpe?g)$/i.test(file)) expect(result?.kind, relative(dir, file)).toBe("image");
    }
    console.info(`xss corpus: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")} of ${files.length}`);
    expect(kinds.get("image")).toBeGreaterThan(0);
  });
});
