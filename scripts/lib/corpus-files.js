// The mail files of a corpus folder (../shared/corpora/*): every file below it, in sorted order,
// its SOURCES.tsv (origin and licence) aside. Only paths: the files are read as bytes by the
// caller and never opened or run (some attachments are live malware).
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function corpusFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? corpusFiles(path) : name === "SOURCES.tsv" ? [] : [path];
    });
}
