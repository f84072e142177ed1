import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { languageFromEnvironment, parseArgs, UsageError } from "../../src/cli/args.js";
import { EXIT, main, type Io } from "../../src/cli/main.js";
import { eml } from "../helpers/build.js";

function fakeIo(env: Record<string, string> = {}): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, stdoutIsTty: false, stderrIsTty: false };
}

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), "ctm-cli-"));
}

const PLAIN = eml(["From: Taro <taro@example.co.jp>", "To: hanako@example.co.jp", "Subject: =?UTF-8?B?5Lya6K2w?=", "Date: Thu, 26 Nov 2026 09:00:00 +0900", "Message-ID: <1@example.co.jp>"], "hello\r\n");

describe("parseArgs", () => {
  it("reads options in both spellings and keeps files in order", () => {
    const args = parseArgs(["--format=json", "-l", "ja", "a.eml", "--fail-on", "medium", "b.eml"], {}, false);
    expect(args).toMatchObject({ files: ["a.eml", "b.eml"], format: "json", lang: "ja", failOn: "medium", color: false });
  });

  it("treats everything after -- as files and - as standard input", () => {
    expect(parseArgs(["--", "--weird.eml", "-"], {}, false).files).toEqual(["--weird.eml", "-"]);
  });

  it("names the option and the allowed values on a bad value", () => {
    expect(() => parseArgs(["--format", "xml", "a.eml"], {}, false)).toThrow(/--format must be one of text, json \(got "xml"\)/);
    expect(() => parseArgs(["--bogus", "a.eml"], {}, false)).toThrow(UsageError);
    expect(() => parseArgs([], {}, false)).toThrow(/no input/);
    expect(() => parseArgs(["-", "a.eml", "-"], {}, false)).toThrow(/standard input\) can be given only once/);
  });

  it("takes the language from the locale, Japanese for ja_*", () => {
    expect(languageFromEnvironment({ LANG: "ja_JP.UTF-8" })).toBe("ja");
    expect(languageFromEnvironment({ LANG: "ja_JP.UTF-8", LC_ALL: "C" })).toBe("en");
    expect(languageFromEnvironment({})).toBe("en");
  });

  it("colours only a terminal, and never with NO_COLOR", () => {
    expect(parseArgs(["a.eml"], {}, true).color).toBe(true);
    expect(parseArgs(["a.eml"], { NO_COLOR: "1" }, true).color).toBe(false);
  });
});

describe("main", () => {
  it("prints one JSON object per input with the path as given, and exits 0", async () => {
    const dir = await tempDir();
    const a = join(dir, "a.eml");
    const b = join(dir, "b.eml");
    await writeFile(a, PLAIN);
    await writeFile(b, PLAIN.replace(/\r\n/g, "\n"));
    const io = fakeIo();
    expect(await main(["--format", "json", a, b], io)).toBe(EXIT.ok);
    const lines = io.out.join("").trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({ file: a, schemaVersion: 2, verdict: expect.stringMatching(/^(danger|caution|incomplete|clean)$/) });
    expect(first).toHaveProperty("findings");
    expect(first).toHaveProperty("route");
    expect((first.message as { subject: string }).subject).toBe("会議");
  });

  it("analyses every file in a folder, sorted, skipping licence lists", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "2.eml"), PLAIN);
    await writeFile(join(dir, "1.eml"), PLAIN);
    await writeFile(join(dir, "SOURCES.tsv"), "file\trepo\n");
    const io = fakeIo();
    expect(await main(["-f", "json", dir], io)).toBe(EXIT.ok);
    const files = io.out.join("").trimEnd().split("\n").map((l) => (JSON.parse(l) as { file: string }).file);
    expect(files).toEqual([join(dir, "1.eml"), join(dir, "2.eml")]);
  });

  it("exits 1 when an input cannot be read but still reports the others", async () => {
    const dir = await tempDir();
    const good = join(dir, "good.eml");
    await writeFile(good, PLAIN);
    const io = fakeIo();
    expect(await main(["-f", "json", join(dir, "missing.eml"), good], io)).toBe(EXIT.unreadable);
    expect(io.err.join("")).toContain("cannot read");
    expect(io.err.join("")).toContain("missing.eml");
    expect(io.out.join("").trimEnd().split("\n")).toHaveLength(1);
  });

  it("exits 2 on a bad config and names the key that is wrong", async () => {
    const dir = await tempDir();
    const config = join(dir, "config.json");
    await writeFile(config, JSON.stringify({ organization: { domains: ["example.co.jp", "not a domain"] }, securityDesk: { adress: "x" } }));
    const io = fakeIo();
    expect(await main(["--config", config, join(dir, "x.eml")], io)).toBe(EXIT.usage);
    const err = io.err.join("");
    expect(err).toContain("organization.domains[1]");
    expect(err).toContain("securityDesk.adress");
    expect(err).toContain("is not a known setting");
  });

  it("exits 3 when --fail-on is reached, 0 below it", async () => {
    const sample = (name: string) => fileURLToPath(new URL(`../../samples/${name}`, import.meta.url));
    const danger = sample("case1-government-sender-from-abroad.eml");
    const caution = sample("case2-plain-text-link-to-other-domain.eml");
    expect(await main(["--fail-on", "high", danger], fakeIo())).toBe(EXIT.findings);
    expect(await main(["--fail-on", "high", caution], fakeIo())).toBe(EXIT.ok);
    expect(await main(["--fail-on", "medium", caution], fakeIo())).toBe(EXIT.findings);
    expect(await main([caution], fakeIo())).toBe(EXIT.ok);
  });

  it("exits 2 on usage errors", async () => {
    const io = fakeIo();
    expect(await main(["--lang", "fr", "a.eml"], io)).toBe(EXIT.usage);
    expect(io.err.join("")).toContain("--lang");
  });

  it("prints help in the chosen language", async () => {
    const io = fakeIo({ LANG: "ja_JP.UTF-8" });
    expect(await main(["--help"], io)).toBe(EXIT.ok);
    expect(io.out.join("")).toContain("使い方");
  });

  it("writes a text report in Japanese or English with control characters made visible", async () => {
    const dir = await tempDir();
    const file = join(dir, "esc.eml");
    // An attacker-controlled subject carrying a terminal escape sequence and a bidi override.
    await writeFile(file, eml(["From: a@example.com", "Subject: =?UTF-8?B?" + Buffer.from("\u001b[2Jhi\u202Eexe.pdf").toString("base64") + "?="], "x"));
    for (const lang of ["ja", "en"] as const) {
      const io = fakeIo();
      expect(await main(["--lang", lang, file], io)).toBe(EXIT.ok);
      const out = io.out.join("");
      expect(out).not.toContain("\u001b");
      expect(out).not.toContain("\u202E");
      expect(out).toContain("[U+001B][2Jhi[U+202E]exe.pdf");
      expect(out).toContain(lang === "ja" ? "件名" : "Subject");
    }
  });
});
