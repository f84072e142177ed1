/**
 * The command line under hostile files: folders it cannot list, symbolic links, devices and
 * FIFOs, inputs larger than the limit, names that carry terminal escapes, and files that are not
 * mail. In process, with the file system or standard input injected where a failure has to be
 * made (these tests run as root, where chmod 000 stops nothing); test/cli/bin.test.ts runs the
 * real command for what only a process shows.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs/promises";
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { CliFs } from "../../src/cli/inputs.js";
import { EXIT, main, type Io } from "../../src/cli/main.js";
import { eml } from "../helpers/build.js";
import { buildOle } from "../helpers/ole.js";

const run = promisify(execFile);

type TestIo = Io & { out: string[]; err: string[] };

function fakeIo(extra: Partial<Io> = {}, env: Record<string, string> = {}): TestIo {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, stdoutIsTty: false, stderrIsTty: false, ...extra };
}

const MAIL = eml(["From: Taro <taro@example.co.jp>", "To: hanako@example.co.jp", "Subject: hello", "Date: Thu, 26 Nov 2026 09:00:00 +0900"], "hello\r\n");

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), "ctm-inputs-"));
const files = (io: TestIo): string[] => io.out.join("").trimEnd().split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { file: string }).file);
const records = (io: TestIo): Record<string, unknown>[] => io.out.join("").trimEnd().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const errnoError = (code: string, syscall: string, path: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

/** node:fs with readdir failing for one folder, as it does for a user without the right to list it. */
function failingReaddir(bad: string, code = "EACCES"): CliFs {
  const readdir = ((path: string, options: unknown) => {
    if (path === bad) return Promise.reject(errnoError(code, "scandir", path));
    return (fs.readdir as (p: string, o: unknown) => Promise<unknown>)(path, options);
  }) as CliFs["readdir"];
  return { ...fs, readdir };
}

/** A folder a.eml, b/ (one mail), c.eml. */
async function threeMails(): Promise<{ dir: string; sub: string }> {
  const dir = await tempDir();
  const sub = join(dir, "b");
  await mkdir(sub);
  await writeFile(join(dir, "a.eml"), MAIL);
  await writeFile(join(sub, "1.eml"), MAIL);
  await writeFile(join(dir, "c.eml"), MAIL);
  return { dir, sub };
}

describe("a folder that cannot be listed", () => {
  it("is reported, the rest analysed, and the run exits 1", async () => {
    const { dir, sub } = await threeMails();
    const io = fakeIo({ fs: failingReaddir(sub) });
    expect(await main(["-f", "json", dir], io)).toBe(EXIT.unreadable);
    expect(files(io)).toEqual([join(dir, "a.eml"), join(dir, "c.eml")]);
    expect(io.err.join("")).toBe(`check-this-mail: cannot read folder ${sub}: permission denied\n`);
  });

  it("says so in Japanese too", async () => {
    const { dir, sub } = await threeMails();
    const io = fakeIo({ fs: failingReaddir(sub) }, { LANG: "ja_JP.UTF-8" });
    expect(await main(["-f", "json", dir], io)).toBe(EXIT.unreadable);
    expect(io.err.join("")).toBe(`check-this-mail: フォルダー ${sub} を読めません: アクセスが許可されていません\n`);
  });

  it("is reported when the folder given itself cannot be listed", async () => {
    const { dir } = await threeMails();
    const io = fakeIo({ fs: failingReaddir(dir) });
    expect(await main([dir], io)).toBe(EXIT.unreadable);
    expect(io.err.join("")).toBe(`check-this-mail: cannot read folder ${dir}: permission denied\n`);
  });

  // The same through the real file system: chmod 000 for a user, and for root (who may read
  // anything) a folder whose path is longer than the system takes (ENAMETOOLONG from scandir).
  it(`is reported from the real file system (${process.getuid?.() === 0 ? "root: a path beyond PATH_MAX" : "chmod 000"})`, async () => {
    const { dir, sub } = await threeMails();
    const root = process.getuid?.() === 0;
    if (root) {
      // 20 folders of 250 characters, made one level at a time with relative paths (a child
      // process: a test worker cannot change its directory).
      const script = `const fs = require("node:fs"); process.chdir(process.argv[1]);
        for (let i = 0; i < 20; i++) { fs.mkdirSync("${"d".repeat(250)}"); process.chdir("${"d".repeat(250)}"); }
        fs.writeFileSync("deep.eml", "From: a@example.jp\\n\\nx");`;
      await run(process.execPath, ["-e", script, sub]);
    } else {
      await fs.chmod(sub, 0);
    }
    const io = fakeIo();
    try {
      expect(await main(["-f", "json", dir], io)).toBe(EXIT.unreadable);
    } finally {
      if (root) await run("rm", ["-rf", "--", sub]);
      else await fs.chmod(sub, 0o755);
    }
    // As root the mail in b/ is read; the folder deep below it is not.
    expect(files(io)).toEqual([join(dir, "a.eml"), ...(root ? [join(sub, "1.eml")] : []), join(dir, "c.eml")]);
    const err = io.err.join("");
    expect(err.startsWith(`check-this-mail: cannot read folder ${root ? join(sub, "ddd") : `${sub}:`}`), err.slice(0, 300)).toBe(true);
    expect(err).toMatch(root ? /: the path is too long\n$/ : /: permission denied\n$/);
    expect(err.split("\n")).toHaveLength(2);
  });
});

describe("symbolic links in folders", () => {
  it("are followed: a folder holding only a linked mail analyses it", async () => {
    const dir = await tempDir();
    const elsewhere = await tempDir();
    await writeFile(join(elsewhere, "real.eml"), MAIL);
    await mkdir(join(dir, "mail"));
    await symlink(join(elsewhere, "real.eml"), join(dir, "mail", "linked.eml"));
    await symlink(elsewhere, join(dir, "mail", "folder-link"));
    const io = fakeIo();
    expect(await main(["-f", "json", join(dir, "mail")], io)).toBe(EXIT.ok);
    expect(files(io)).toEqual([join(dir, "mail", "folder-link", "real.eml"), join(dir, "mail", "linked.eml")]);
    expect(io.err).toEqual([]);
  });

  it("reports a broken link and exits 1, still analysing the rest", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "a.eml"), MAIL);
    await symlink(join(dir, "gone.eml"), join(dir, "b.eml"));
    const io = fakeIo();
    expect(await main(["-f", "json", dir], io)).toBe(EXIT.unreadable);
    expect(files(io)).toEqual([join(dir, "a.eml")]);
    expect(io.err.join("")).toBe(`check-this-mail: cannot follow ${join(dir, "b.eml")}: a symbolic link to nothing (broken link)\n`);
  });

  it("reports a link that resolves to itself (ELOOP)", async () => {
    const dir = await tempDir();
    await symlink(join(dir, "self.eml"), join(dir, "self.eml"));
    await writeFile(join(dir, "z.eml"), MAIL);
    const io = fakeIo();
    expect(await main(["-f", "json", dir], io)).toBe(EXIT.unreadable);
    expect(files(io)).toEqual([join(dir, "z.eml")]);
    expect(io.err.join("")).toContain("a symbolic link loop");
  });

  it("does not follow a link back to a folder being read, and says so; each mail once", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "sub"));
    await writeFile(join(dir, "sub", "m.eml"), MAIL);
    await symlink("..", join(dir, "sub", "up"));
    await symlink(join(dir, "sub"), join(dir, "again"));
    const io = fakeIo();
    expect(await main(["-f", "json", dir], io)).toBe(EXIT.ok);
    expect(files(io)).toEqual([join(dir, "again", "m.eml")]);
    const err = io.err.join("");
    expect(err).toContain(`skipped ${join(dir, "again", "up")}: a symbolic link back to a folder being read (a loop)`);
    expect(err).toContain(`skipped ${join(dir, "sub")}: a folder already read (by another path or symbolic link)`);
  });
});

describe("devices, FIFOs and sockets", () => {
  it("refuses a device by name, pointing to -", async () => {
    const io = fakeIo();
    expect(await main(["/dev/null"], io)).toBe(EXIT.unreadable);
    expect(io.err.join("")).toBe("check-this-mail: cannot read /dev/null: not a regular file (a device, FIFO or socket); to read standard input, give -\n");
  });

  it("refuses a FIFO without opening it (opening one waits for a writer forever)", async () => {
    const dir = await tempDir();
    const fifo = join(dir, "pipe.eml");
    await run("mkfifo", [fifo]);
    await writeFile(join(dir, "z.eml"), MAIL);
    const named = fakeIo();
    expect(await main([fifo], named)).toBe(EXIT.unreadable);
    expect(named.err.join("")).toContain(`cannot read ${fifo}: not a regular file`);
    const inFolder = fakeIo();
    expect(await main(["-f", "json", dir], inFolder)).toBe(EXIT.unreadable);
    expect(files(inFolder)).toEqual([join(dir, "z.eml")]);
    expect(inFolder.err.join("")).toContain(`cannot read ${fifo}: not a regular file`);
  });
});

/** Standard input that never ends, counting the bytes taken from it. */
function endless(first: string, fill: number): { stdin: AsyncIterable<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const chunk = new Uint8Array(64 * 1024).fill(fill);
  async function* generate(): AsyncGenerator<Uint8Array> {
    const head = new TextEncoder().encode(first);
    pulled += head.length;
    yield head;
    for (;;) {
      pulled += chunk.length;
      yield chunk;
    }
  }
  return { stdin: generate(), pulled: () => pulled };
}

describe("the input limit", () => {
  const LIMIT = 256 * 1024;

  it("reads endless standard input only up to the limit, and the analysis says it was cut", async () => {
    const source = endless("From: a@example.co.jp\r\nSubject: endless\r\n\r\n", 0x61);
    const io = fakeIo({ stdin: source.stdin, maxInputBytes: LIMIT });
    expect(await main(["-f", "json", "-"], io)).toBe(EXIT.ok);
    const [record] = records(io) as [{ file: string; diagnostics: { code: string }[] }];
    expect(record.file).toBe("-");
    expect(record.diagnostics.map((d) => d.code)).toContain("INPUT_TOO_LARGE");
    expect(source.pulled()).toBeLessThanOrEqual(LIMIT + 64 * 1024 + 100);
  });

  it("stops endless zeros on standard input at the limit too, and calls them no mail", async () => {
    const source = endless("", 0);
    const io = fakeIo({ stdin: source.stdin, maxInputBytes: LIMIT });
    expect(await main(["-f", "json", "-"], io)).toBe(EXIT.unreadable);
    expect(records(io)).toMatchObject([{ file: "-", error: { code: "NOT_A_MAIL", kind: "binary" } }]);
    expect(source.pulled()).toBeLessThanOrEqual(LIMIT + 64 * 1024);
  });

  it("reads at most limit + 1 bytes of a larger file", async () => {
    const dir = await tempDir();
    const big = join(dir, "big.eml");
    await writeFile(big, `From: a@example.co.jp\r\nSubject: big\r\n\r\n${"x".repeat(3 * LIMIT)}`);
    let read = 0;
    const open = (async (path: string, flags: number) => {
      const handle = await fs.open(path, flags);
      const original = handle.read.bind(handle) as (...args: unknown[]) => Promise<{ bytesRead: number }>;
      return Object.assign(handle, {
        read: async (...args: unknown[]) => {
          const result = await original(...args);
          read += result.bytesRead;
          return result;
        },
      });
    }) as CliFs["open"];
    const io = fakeIo({ fs: { ...fs, open }, maxInputBytes: LIMIT });
    expect(await main(["-f", "json", big], io)).toBe(EXIT.ok);
    const [record] = records(io) as [{ diagnostics: { code: string }[] }];
    expect(record.diagnostics.map((d) => d.code)).toContain("INPUT_TOO_LARGE");
    expect(read).toBe(LIMIT + 1);
  });
});

describe("file names with terminal escapes", () => {
  const EVIL = "evil\u001b]0;PWNED\u0007\u001b[2J\u202e.eml";
  const SHOWN = "evil[U+001B]]0;PWNED[U+0007][U+001B][2J[U+202E].eml";

  it("are shown with their control characters made visible in every message", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, EVIL), new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]));
    await symlink(join(dir, "gone"), join(dir, `link-${EVIL}`));
    await mkdir(join(dir, `sub-${EVIL}`));
    const cases: readonly (readonly [string[], Partial<Io>])[] = [
      [[join(dir, `missing-${EVIL}`)], {}],
      [[join(dir, EVIL)], {}],
      [["-f", "json", dir], {}],
      [[dir], { fs: failingReaddir(join(dir, `sub-${EVIL}`)) }],
    ];
    for (const [argv, extra] of cases) {
      for (const env of [{}, { LANG: "ja_JP.UTF-8" }] as Record<string, string>[]) {
        const io = fakeIo(extra, env);
        expect(await main(argv, io)).toBe(EXIT.unreadable);
        const err = io.err.join("");
        expect(err).toContain(SHOWN);
        const raw = [...err].filter((c) => c !== "\n" && (c < " " || c === "\u007f" || c === "\u202e"));
        expect(raw).toEqual([]);
      }
    }
  });

  it("are made visible in configuration and usage errors too", async () => {
    const dir = await tempDir();
    const config = join(dir, `config-${EVIL}.json`);
    await writeFile(config, JSON.stringify({ [`key${EVIL}`]: 1 }));
    const cases: readonly string[][] = [
      ["--config", join(dir, `missing-${EVIL}`), "x.eml"],
      ["--config", config, "x.eml"],
      [`--opt${EVIL}`, "x.eml"],
      ["--format", EVIL, "x.eml"],
    ];
    for (const argv of cases) {
      const io = fakeIo();
      expect(await main(argv, io)).toBe(EXIT.usage);
      const err = io.err.join("");
      expect(err).toContain(SHOWN);
      expect([...err].filter((c) => c !== "\n" && (c < " " || c === "\u007f" || c === "\u202e"))).toEqual([]);
    }
  });

  it("keep the exact name in the JSON record (escaped by JSON)", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, EVIL), MAIL);
    const io = fakeIo();
    expect(await main(["-f", "json", join(dir, EVIL)], io)).toBe(EXIT.ok);
    expect(io.out.join("")).not.toContain("\u001b");
    expect(files(io)).toEqual([join(dir, EVIL)]);
  });
});

describe("input that is not a mail", () => {
  const NOT_MAIL: readonly (readonly [string, Uint8Array | string, string, RegExp, RegExp])[] = [
    ["mail.msg", buildOle({ streams: { __substg1_0x0037001F: "hello" } }), "outlook-msg", /Outlook \.msg file.*Save the mail as \.eml.*forward it as an attachment/, /Outlook の \.msg ファイル.*添付ファイルとして転送/],
    ["empty.eml", "", "empty", /an empty file/, /空のファイル/],
    ["random.eml", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + (i >> 3)) & 0xff), "binary", /binary data/, /バイナリ/],
    ["setup.eml", new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]), "executable", /executable program \(Windows\).*Do not open it/, /実行ファイル.*開かないでください/],
    ["body.eml", "Dear customer,\r\nplease pay.\r\n", "no-headers", /no “Name: value” line/, /ヘッダー/],
  ];

  it.each(NOT_MAIL)("%s: says what it is on stderr, writes an error record, exits 1", async (name, content, kind, en, ja) => {
    const dir = await tempDir();
    await writeFile(join(dir, name), content);
    await writeFile(join(dir, "z.eml"), MAIL);
    const io = fakeIo();
    expect(await main(["-f", "json", join(dir, name), join(dir, "z.eml")], io)).toBe(EXIT.unreadable);
    const [record, mail] = records(io) as [{ file: string; error: { code: string; kind: string; message: { ja: string; en: string } } }, { verdict: string }];
    expect(record).toMatchObject({ file: join(dir, name), error: { code: "NOT_A_MAIL", kind } });
    expect(record).not.toHaveProperty("verdict");
    expect(record.error.message.en).toMatch(en);
    expect(record.error.message.ja).toMatch(ja);
    expect(mail.verdict).toBeDefined();
    expect(io.err.join("")).toBe(`check-this-mail: ${join(dir, name)}: ${record.error.message.en}\n`);

    const text = fakeIo({}, { LANG: "ja_JP.UTF-8" });
    expect(await main([join(dir, name)], text)).toBe(EXIT.unreadable);
    expect(text.out.join("")).toBe("");
    expect(text.err.join("")).toMatch(ja);
  });

  it("is refused by report too, without a report", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "mail.msg"), buildOle({ streams: { x: "y" } }));
    const io = fakeIo();
    expect(await main(["report", "-f", "json", join(dir, "mail.msg")], io)).toBe(EXIT.unreadable);
    expect(io.out.join("")).toBe("");
    expect(io.err.join("")).toContain("Outlook .msg file");
  });

  it("is what exit status 1 means, in the help of both languages", async () => {
    for (const [env, words] of [[{}, "is not a mail"], [{ LANG: "ja_JP.UTF-8" }, "メールでない入力"]] as const) {
      const io = fakeIo({}, env);
      expect(await main(["--help"], io)).toBe(EXIT.ok);
      expect(io.out.join("")).toContain(words);
    }
  });
});
