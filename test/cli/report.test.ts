/**
 * `check-this-mail report`: the desk's checklist from the command line, in text (ja/en) and as
 * the report JSON (docs/report.schema.json), with the plain command's exit codes.
 */
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args.js";
import { EXIT, main, type Io } from "../../src/cli/main.js";
import { buildReport, defaultAnswers, ITEM_HEADINGS, type Report } from "../../src/core/index.js";
import type { MessageSnapshot } from "../../src/core/snapshot.js";
import { analyzeEml } from "../../src/hosts/eml/index.js";
import { nodeCountryLookup } from "../../src/hosts/node/geo.js";
import { nodeSha256 } from "../../src/hosts/node/sha256.js";
import { reportSchemaErrors } from "../helpers/report-schema.js";

const NOW = new Date("2026-11-26T03:00:00Z");

function fakeIo(env: Record<string, string> = {}): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, stdoutIsTty: false, stderrIsTty: false, now: () => NOW };
}

const sample = (name: string): string => fileURLToPath(new URL(`../../samples/${name}`, import.meta.url));
const CASE1 = sample("case1-government-sender-from-abroad.eml");
const CASE2 = sample("case2-plain-text-link-to-other-domain.eml");
const CONFIG = sample("config.example.json");

describe("parseArgs with report", () => {
  it("takes report as the subcommand only in first place", () => {
    expect(parseArgs(["report", "--lang", "en", "a.eml"], {}, false)).toMatchObject({ command: "report", files: ["a.eml"], lang: "en" });
    expect(parseArgs(["a.eml", "report"], {}, false)).toMatchObject({ command: "check", files: ["a.eml", "report"] });
    // A mail file called "report" is still reachable.
    expect(parseArgs(["--", "report"], {}, false)).toMatchObject({ command: "check", files: ["report"] });
    expect(parseArgs(["report", "--", "report"], {}, false)).toMatchObject({ command: "report", files: ["report"] });
  });

  it("refuses --fail-on, which gates the plain command", () => {
    expect(() => parseArgs(["report", "--fail-on", "high", "a.eml"], {}, false)).toThrow(/--fail-on is not an option of report/);
  });
});

describe("check-this-mail report", () => {
  it("prints the nine items in Japanese, with the desk's subject prefix from the config and links defanged", async () => {
    const io = fakeIo({ LANG: "ja_JP.UTF-8" });
    expect(await main(["report", "--config", CONFIG, CASE2], io)).toBe(EXIT.ok);
    const out = io.out.join("");
    expect(out.startsWith(`== ${CASE2}\n件名: [不審メール報告] お見積書送付の件 [ctm:`)).toBe(true);
    for (const [i, heading] of ITEM_HEADINGS.entries()) expect(out).toContain(`(${i + 1}) ${heading.ja}`);
    expect(out).toContain("hxxp://mitsumori-share[.]top/share/mitsumori2026.zip");
    // Only the raw headers (none of which holds a URL here) are left as received.
    expect(out).not.toContain("http://mitsumori-share.top");
    // What only the recipient knows is blank; sharing with vendors is "no".
    expect(out).toContain("(未回答)");
    expect(out).toContain("提供しないでください");
    expect(out).toContain("元のメールは、この報告の作成に使った .eml ファイルです。");
    expect(io.err).toEqual([]);
  });

  it("prints English with --lang en, the default prefix without a config", async () => {
    const io = fakeIo();
    expect(await main(["report", "--lang", "en", CASE1], io)).toBe(EXIT.ok);
    const out = io.out.join("");
    expect(out).toContain("Subject: [Suspicious mail report] 【重要】調達要領の改訂について");
    for (const [i, heading] of ITEM_HEADINGS.entries()) expect(out).toContain(`(${i + 1}) ${heading.en}`);
    expect(out).toContain("Sharing with security vendors: not allowed");
    expect(out).toContain("hxxp://203[.]0[.]113[.]7/download/youryou.php");
  });

  it("prints one report document per line with --format json, valid against the schema, the original included", async () => {
    const io = fakeIo();
    expect(await main(["report", "--format", "json", "--config", CONFIG, CASE1, CASE2], io)).toBe(EXIT.ok);
    const lines = io.out.join("").trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    for (const [i, line] of lines.entries()) {
      const report = JSON.parse(line) as Report;
      expect(reportSchemaErrors(report)).toEqual([]);
      expect(report).toMatchObject({ source: "cli", reportedAt: NOW.toISOString(), reporter: null, securityDesk: { address: "csirt@example.co.jp" } });
      expect(report.checklist.item9_shareWithVendors.shareWithVendors).toBe(false);
      expect(report.checklist.item8_environment).toEqual({ operatingSystem: "", clientVersion: "", hostName: null, platform: null });
      const original = await readFile([CASE1, CASE2][i]!);
      expect(Buffer.from(report.original!.data, "base64").equals(original)).toBe(true);
    }
    const first = JSON.parse(lines[0]!) as Report;
    // The command line has the country table: the origin is placed.
    expect(first.analysis.origin).toMatchObject({ ip: "60.26.146.23", country: "CN", countrySource: "lookup" });
  });

  it("writes the JSON in pieces, the same bytes as the whole document, with no piece near the mail's size", async () => {
    // A 6 MB mail: an attachment of random-looking base64 lines.
    const lines: string[] = [];
    let x = 1;
    for (let i = 0; i < 80_000; i++) {
      let line = "";
      for (let j = 0; j < 19; j++) line += ((x = (x * 1103515245 + 12345) >>> 0) >>> 8).toString(36).padStart(4, "0").slice(0, 4);
      lines.push(line);
    }
    const mail = [
      "From: a@example.jp",
      "To: b@example.co.jp",
      "Subject: large",
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "see attached",
      "--b",
      "Content-Type: application/octet-stream; name=data.bin",
      "Content-Transfer-Encoding: base64",
      "",
      ...lines,
      "--b--",
      "",
    ].join("\r\n");
    const dir = await mkdtemp(join(tmpdir(), "ctm-report-"));
    const file = join(dir, "large.eml");
    await writeFile(file, mail);
    const random = (bytes: Uint8Array): Uint8Array => bytes.fill(7);
    const io = { ...fakeIo(), random };
    expect(await main(["report", "--format", "json", file], io)).toBe(EXIT.ok);
    const bytes = new Uint8Array(await readFile(file));
    let snapshot: MessageSnapshot | undefined;
    const analysis = await analyzeEml(bytes, { lookupCountry: nodeCountryLookup, sha256: nodeSha256, onSnapshot: (s) => (snapshot = s) });
    const whole = buildReport({
      analysis,
      snapshot: snapshot!,
      answers: defaultAnswers({ operatingSystem: "", clientVersion: "" }),
      reportedAt: NOW,
      source: "cli",
      originalEml: bytes,
      random,
    });
    const out = io.out.join("");
    // The same document byte for byte (the check's own time aside: it ran twice).
    const analyzedAt = (JSON.parse(out) as Report).analysis.analyzedAt;
    expect(out).toBe(`${JSON.stringify({ ...whole, analysis: { ...whole.analysis, analyzedAt } })}\n`);
    // The base64 of the original (8 MB) went out in small pieces, never as one string.
    expect(bytes.length).toBeGreaterThan(6_000_000);
    expect(Math.max(...io.out.map((piece) => piece.length))).toBeLessThanOrEqual(1 << 20);
  });

  it("exits 1 when an input cannot be read, still reporting the others", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ctm-report-"));
    const io = fakeIo();
    expect(await main(["report", "-f", "json", join(dir, "missing.eml"), CASE2], io)).toBe(EXIT.unreadable);
    expect(io.err.join("")).toContain("cannot read");
    expect(io.out.join("").trimEnd().split("\n")).toHaveLength(1);
  });

  it("exits 2 on a bad config, a bad option or no input", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ctm-report-"));
    const config = join(dir, "config.json");
    await writeFile(config, JSON.stringify({ securityDesk: { address: "not an address" } }));
    const io = fakeIo();
    expect(await main(["report", "--config", config, CASE1], io)).toBe(EXIT.usage);
    expect(io.err.join("")).toContain("securityDesk.address");
    expect(await main(["report", "--fail-on", "high", CASE1], fakeIo())).toBe(EXIT.usage);
    expect(await main(["report", "--format", "xml", CASE1], fakeIo())).toBe(EXIT.usage);
    expect(await main(["report"], fakeIo())).toBe(EXIT.usage);
  });

  it("exits 0 whatever the verdict, as the plain command does without --fail-on", async () => {
    expect(await main(["report", CASE1], fakeIo())).toBe(EXIT.ok);
  });

  it("is explained by --help in both languages", async () => {
    for (const [env, words] of [[{ LANG: "ja_JP.UTF-8" }, "report を付けると"], [{}, '"report" prints the report to the security desk']] as const) {
      const io = fakeIo(env);
      expect(await main(["report", "--help"], io)).toBe(EXIT.ok);
      expect(io.out.join("")).toContain(words);
      expect(io.out.join("")).toContain("check-this-mail report [--lang ja|en] [--format text|json] [--config");
    }
  });

  it("leaves the plain command as it was", async () => {
    const io = fakeIo();
    expect(await main(["--lang", "en", CASE2], io)).toBe(EXIT.ok);
    const out = io.out.join("");
    expect(out).toContain("CAUTION");
    expect(out).not.toContain("(1) When the mail arrived");
  });
});
