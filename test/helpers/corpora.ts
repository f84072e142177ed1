/**
 * The shared corpora of real mail (../shared/corpora beside the repository; CI has them there,
 * and they are never copied in). A test that reads them fails when they are missing instead of
 * skipping: a robustness test nobody runs would report green for nothing. Some attachments are
 * live malware: the files are only ever read as bytes.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { corpusFiles } from "../../scripts/lib/corpus-files.js";

export const CORPORA = fileURLToPath(new URL("../../../shared/corpora", import.meta.url));

export type CorpusName = "phish" | "ham" | "malformed" | "headers" | "xss";

/** The folder of one corpus; fails the test when it is missing. */
export function requireCorpusDir(name: CorpusName): string {
  const dir = join(CORPORA, name);
  expect(existsSync(dir), `The ${name} corpus is missing at ${dir}. It lives outside the repository (../shared/corpora); CI provides it. This test fails instead of skipping.`).toBe(true);
  return dir;
}

/** Every mail file of one corpus (SOURCES.tsv aside), sorted; fails the test when there is none. */
export function requireCorpus(name: CorpusName): string[] {
  const dir = requireCorpusDir(name);
  const files = corpusFiles(dir);
  expect(files.length, `no files under ${dir}`).toBeGreaterThan(0);
  return files;
}
