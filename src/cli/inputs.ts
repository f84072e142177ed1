import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";

/** Files that are never mail in a corpus folder (licence lists, notes). */
const NOT_MAIL = /\.(?:tsv|md|txt\.sig|json)$/i;

export interface Input {
  /** The path as the user gave it (or as found under a folder they gave); "-" for standard input. */
  readonly name: string;
  read(): Promise<Uint8Array>;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile() && !NOT_MAIL.test(entry.name) && !entry.name.startsWith(".")) out.push(path);
  }
  return out;
}

/**
 * Expands the command line's inputs: files as given, folders into their files (recursively,
 * sorted, so runs are reproducible), "-" as standard input. A path that does not exist is still
 * returned, and fails when read, so it is reported with the others.
 */
export async function expandInputs(paths: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const path of paths) {
    if (path === "-") {
      inputs.push({ name: "-", read: readStdin });
      continue;
    }
    const info = await stat(path).catch(() => undefined);
    const files = info?.isDirectory() ? await filesUnder(path) : [path];
    for (const file of files) inputs.push({ name: file, read: () => readFile(file) });
  }
  return inputs;
}
