/**
 * The real command in a child process, for what only a process shows: a reader that goes away
 * (EPIPE), a device or FIFO named as input, endless standard input. Like package.test.ts they run
 * the compiled lib/ (npm test builds it first). Each is bounded by bytes, not by time.
 */
import { spawn } from "node:child_process";
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/core/options.js";
import { eml } from "../helpers/build.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(root, "bin/check-this-mail.js");
const MAIL = eml(["From: Taro <taro@example.co.jp>", "To: hanako@example.co.jp", "Subject: hello"], "hello\r\n");

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

function ended(child: ReturnType<typeof spawn>): Promise<Ended> {
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stderr })));
}

describe("check-this-mail as a process", () => {
  it("ends quietly when the reader of its output goes away (| head -1)", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ctm-bin-"));
    for (let i = 0; i < 5; i++) await writeFile(join(dir, `${i}.eml`), MAIL);
    const child = spawn(process.execPath, [BIN, dir], { stdio: ["ignore", "pipe", "pipe"] });
    // Closed before the first line is written: every write meets a pipe with no reader.
    child.stdout!.destroy();
    const { code, signal, stderr } = await ended(child);
    expect(stderr).toBe("");
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });

  it("refuses /dev/zero by name instead of reading it", async () => {
    const child = spawn(process.execPath, [BIN, "/dev/zero"], { stdio: ["ignore", "ignore", "pipe"] });
    const { code, stderr } = await ended(child);
    expect(code).toBe(1);
    expect(stderr).toBe("check-this-mail: cannot read /dev/zero: not a regular file (a device, FIFO or socket); to read standard input, give -\n");
  });

  it("refuses a FIFO by name instead of waiting for a writer", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ctm-bin-"));
    const fifo = join(dir, "mail.eml");
    await promisify(execFile)("mkfifo", [fifo]);
    const child = spawn(process.execPath, [BIN, fifo], { stdio: ["ignore", "ignore", "pipe"] });
    const { code, stderr } = await ended(child);
    expect(code).toBe(1);
    expect(stderr).toContain(`cannot read ${fifo}: not a regular file`);
  });

  it("reads endless standard input only up to the input limit", async () => {
    const child = spawn(process.execPath, [BIN, "-f", "json", "-"], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    const result = ended(child);
    // Zeros for as long as the command takes them; what it took is what it read (plus what the
    // pipe held when it stopped).
    const chunk = new Uint8Array(1 << 20);
    let written = 0;
    let open = true;
    child.stdin!.on("error", () => (open = false));
    child.on("close", () => (open = false));
    while (open && written < 4 * DEFAULT_LIMITS.maxInputBytes) {
      const flushed = await new Promise<boolean>((resolve) => child.stdin!.write(chunk, (error) => resolve(!error)));
      if (!flushed) break;
      written += chunk.length;
    }
    child.stdin!.destroy();
    const { code, stderr } = await result;
    expect(code).toBe(1);
    expect(stderr).toContain("-: Not checked: this is binary data");
    expect(JSON.parse(stdout)).toMatchObject({ file: "-", error: { code: "NOT_A_MAIL", kind: "binary" } });
    expect(written).toBeGreaterThanOrEqual(DEFAULT_LIMITS.maxInputBytes);
    expect(written).toBeLessThanOrEqual(DEFAULT_LIMITS.maxInputBytes + 4 * chunk.length);
  }, 30_000);
});
