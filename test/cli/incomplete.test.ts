/** The command line on a mail that could not be fully checked: its own verdict line, what was not checked, and --fail-on medium counts it. */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT, main, type Io } from "../../src/cli/main.js";

function io(): Io & { out: string[] } {
  const out: string[] = [];
  return { stdout: (t) => out.push(t), stderr: () => {}, env: {}, stdoutIsTty: false, stderrIsTty: false, out };
}

const PADDED = `From: a@example.jp\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${"--b\r\n\r\n".repeat(2001)}--b\r\nContent-Type: application/octet-stream; name=a.exe\r\n\r\nMZ\r\n--b--\r\n`;

describe("an incomplete check on the command line", () => {
  it("prints its own verdict and what was not checked, and --fail-on medium stops it", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "ctm-incomplete-")), "padded.eml");
    await writeFile(file, PADDED);
    const text = io();
    expect(await main(["--lang", "en", file], text)).toBe(EXIT.ok);
    const lines = text.out.join("").split("\n");
    expect(lines[1]).toBe("NOT FULLY CHECKED: part of this mail could not be checked");
    expect(lines[2]).toBe("Not checked:");
    expect(lines[3]).toContain("MIME parts");
    const json = io();
    await main(["--format", "json", file], json);
    expect(JSON.parse(json.out.join(""))).toMatchObject({ schemaVersion: 2, verdict: "incomplete", incomplete: true });
    expect(await main(["--fail-on", "medium", file], io())).toBe(EXIT.findings);
    expect(await main(["--fail-on", "high", file], io())).toBe(EXIT.ok);
  });
});
