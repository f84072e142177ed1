import { constants, type Dirent } from "node:fs";
import * as nodeFs from "node:fs/promises";
import { join } from "node:path";
import { localized, type Localized } from "../core/i18n.js";

/** Files that are never mail in a corpus folder (licence lists, notes). */
const NOT_MAIL = /\.(?:tsv|md|txt\.sig|json)$/i;

/**
 * The file system calls the command line makes, so a test can make one of them fail the way it
 * fails for a user (tests run as root here, where chmod 000 stops nothing).
 */
export type CliFs = Pick<typeof nodeFs, "stat" | "readdir" | "realpath" | "open">;

/** Why an input could not be read, in both languages; never the system's message (it repeats the raw path). */
export type Reason = Localized;

export class InputError extends Error {
  constructor(readonly reason: Reason) {
    super(reason.en);
  }
}

export interface Input {
  readonly kind: "input";
  /** The path as the user gave it (or as found under a folder they gave); "-" for standard input. */
  readonly name: string;
  /** At most `maxBytes + 1` bytes: one more than the analysis reads, so it knows the input was cut. Throws InputError. */
  read(): Promise<Uint8Array>;
}

/**
 * Something found while expanding folders: "error" when an input was not read (exit 1),
 * "warning" when nothing was lost (a link back to a folder already read).
 */
export interface Problem {
  readonly kind: "problem";
  readonly level: "error" | "warning";
  readonly name: string;
  /** "file": the path itself could not be read; "folder": its entries could not be listed; "link": a symbolic link was not followed. */
  readonly what: "file" | "folder" | "link";
  readonly reason: Reason;
}

export type Entry = Input | Problem;

export interface InputOptions {
  /** Bytes the analysis reads (Limits.maxInputBytes); one more is read to tell it the input was longer. */
  readonly maxBytes: number;
  readonly fs?: CliFs;
  /** Standard input (process.stdin when absent). */
  readonly stdin?: AsyncIterable<Uint8Array>;
}

export const REASONS = {
  missing: localized("ファイルまたはフォルダーがありません", "no such file or folder"),
  denied: localized("アクセスが許可されていません", "permission denied"),
  notFolder: localized("パスの途中がフォルダーではありません", "a part of the path is not a folder"),
  tooLong: localized("パスが長すぎます", "the path is too long"),
  notRegular: localized(
    "通常のファイルではありません(デバイス、FIFO、ソケット)。標準入力から読むには - を指定してください",
    "not a regular file (a device, FIFO or socket); to read standard input, give -",
  ),
  replaced: localized("読み始める前にファイルが置き換えられました", "the file was replaced as it was opened"),
  brokenLink: localized("リンク先が存在しないシンボリックリンクです", "a symbolic link to nothing (broken link)"),
  linkLoop: localized("シンボリックリンクが循環していて、たどれません", "a symbolic link loop: the link cannot be resolved"),
  folderLoop: localized("既に読んでいるフォルダーに戻るシンボリックリンク(ループ)のため、たどりません", "a symbolic link back to a folder being read (a loop); not followed"),
  folderAgain: localized("既に(別のパスかシンボリックリンクから)読んだフォルダーのため、もう一度は読みません", "a folder already read (by another path or symbolic link); not read again"),
} as const satisfies Record<string, Reason>;

/** The reason of a failed call, by its error code. */
export function reasonOf(error: unknown): Reason {
  if (error instanceof InputError) return error.reason;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return REASONS.missing;
    case "EACCES":
    case "EPERM":
      return REASONS.denied;
    case "ENOTDIR":
      return REASONS.notFolder;
    case "ENAMETOOLONG":
      return REASONS.tooLong;
    case "ELOOP":
      return REASONS.linkLoop;
    default:
      return code ? localized(`読み取りエラー(${code})`, `read error (${code})`) : localized("読み取りエラー", "read error");
  }
}

/** Reads at most `max` bytes of a stream, then stops it (breaking out of for-await destroys it): /dev/zero on stdin costs `max`, not all memory. */
export async function readCapped(chunks: AsyncIterable<Uint8Array>, max: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  if (max === 0) return new Uint8Array(0);
  for await (const chunk of chunks) {
    const take = Math.min(chunk.length, max - total);
    parts.push(take === chunk.length ? chunk : chunk.subarray(0, take));
    total += take;
    if (total >= max) break;
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts, total);
}

const CHUNK = 1 << 20;
// Opening a FIFO blocks until a writer comes; O_NONBLOCK opens it at once (then refused below).
// O_NOCTTY: a terminal device never becomes the controlling one. Neither exists on Windows.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * A regular file, at most `max` bytes of it. Refused unless stat says regular (a device or FIFO
 * is never opened: opening some devices does something), and refused again if what was opened is
 * not the file stat saw.
 */
async function readFileCapped(fs: CliFs, path: string, max: number): Promise<Uint8Array> {
  const before = await fs.stat(path);
  if (!before.isFile()) throw new InputError(REASONS.notRegular);
  const handle = await fs.open(path, OPEN_FLAGS);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new InputError(REASONS.notRegular);
    if (info.ino !== before.ino || info.dev !== before.dev) throw new InputError(REASONS.replaced);
    // The size as a first guess (one read, no copy, for most files); the file may still grow.
    let want = Math.min(max, info.size + 1);
    const parts: Uint8Array[] = [];
    let total = 0;
    while (total < max && want > 0) {
      const buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buffer, 0, want, null);
      if (bytesRead === 0) break;
      parts.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      want = Math.min(CHUNK, max - total);
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts, total);
  } finally {
    await handle.close();
  }
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

const skipped = (name: string): boolean => NOT_MAIL.test(name) || name.startsWith(".");

interface Walk {
  readonly fs: CliFs;
  readonly out: Entry[];
  readonly file: (path: string) => Input;
  /** Real paths of the folders being read (a link to one is a loop). */
  readonly ancestors: Set<string>;
  /** Real paths of every folder read. */
  readonly visited: Set<string>;
}

async function walkFolder(walk: Walk, dir: string, real: string): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await walk.fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    walk.out.push({ kind: "problem", level: "error", name: dir, what: "folder", reason: reasonOf(error) });
    return;
  }
  walk.visited.add(real);
  walk.ancestors.add(real);
  entries.sort(byName);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      await enterFolder(walk, path);
    } else if (entry.isSymbolicLink()) {
      await followLink(walk, path, entry.name);
    } else if (!skipped(entry.name)) {
      // A FIFO, socket or device among the mail: said, not silently passed over.
      walk.out.push(entry.isFile() ? walk.file(path) : { kind: "problem", level: "error", name: path, what: "file", reason: REASONS.notRegular });
    }
  }
  walk.ancestors.delete(real);
}

async function enterFolder(walk: Walk, path: string, viaLink = false): Promise<void> {
  let real: string;
  try {
    real = await walk.fs.realpath(path);
  } catch (error) {
    walk.out.push({ kind: "problem", level: "error", name: path, what: "folder", reason: reasonOf(error) });
    return;
  }
  if (walk.ancestors.has(real)) {
    walk.out.push({ kind: "problem", level: "warning", name: path, what: "link", reason: REASONS.folderLoop });
  } else if (walk.visited.has(real)) {
    // Links to one folder from many places would otherwise multiply the work (and the output).
    walk.out.push({ kind: "problem", level: "warning", name: path, what: viaLink ? "link" : "folder", reason: REASONS.folderAgain });
  } else {
    await walkFolder(walk, path, real);
  }
}

async function followLink(walk: Walk, path: string, name: string): Promise<void> {
  let info: Awaited<ReturnType<CliFs["stat"]>>;
  try {
    info = await walk.fs.stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? REASONS.brokenLink : reasonOf(error);
    walk.out.push({ kind: "problem", level: "error", name: path, what: "link", reason });
    return;
  }
  if (info.isDirectory()) await enterFolder(walk, path, true);
  else if (!skipped(name)) walk.out.push(info.isFile() ? walk.file(path) : { kind: "problem", level: "error", name: path, what: "file", reason: REASONS.notRegular });
}

/**
 * Expands the command line's inputs, in order: files as given, folders into their files
 * (recursively, sorted, so runs are reproducible; symbolic links followed, loops and broken links
 * reported), "-" as standard input. A path that cannot be read is a Problem in its place, so it
 * is reported with the others and the rest still analysed. Nothing is read here.
 */
export async function expandInputs(paths: readonly string[], options: InputOptions): Promise<Entry[]> {
  const fs = options.fs ?? nodeFs;
  const max = options.maxBytes + 1;
  const file = (path: string): Input => ({ kind: "input", name: path, read: () => readFileCapped(fs, path, max) });
  const out: Entry[] = [];
  const walk: Walk = { fs, out, file, ancestors: new Set(), visited: new Set() };
  for (const path of paths) {
    if (path === "-") {
      out.push({ kind: "input", name: "-", read: () => readCapped(options.stdin ?? process.stdin, max) });
      continue;
    }
    let info: Awaited<ReturnType<CliFs["stat"]>>;
    try {
      info = await fs.stat(path);
    } catch (error) {
      out.push({ kind: "problem", level: "error", name: path, what: "file", reason: reasonOf(error) });
      continue;
    }
    if (info.isDirectory()) await enterFolder(walk, path);
    // Named devices and FIFOs too are refused when read (the read checks again, after opening).
    else out.push(file(path));
  }
  return out;
}
