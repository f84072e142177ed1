/**
 * --config with settings a careless or hostile edit could hold: each is a configuration error
 * (exit 2, the key's path and what is wrong on stderr), never a stack trace and exit 1, and
 * nothing from the file reaches the terminal raw.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT, main, type Io } from "../../src/cli/main.js";

function fakeIo(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: { LANG: "C" }, stdoutIsTty: false, stderrIsTty: false };
}

async function runWith(configText: string): Promise<{ code: number; err: string }> {
  const dir = await mkdtemp(join(tmpdir(), "ctm-config-"));
  const config = join(dir, "bad.json");
  const mail = join(dir, "some.eml");
  await writeFile(config, configText);
  await writeFile(mail, "From: a@example.co.jp\r\nSubject: x\r\n\r\nhello\r\n");
  const io = fakeIo();
  const code = await main(["--lang", "en", "--config", config, mail], io);
  return { code, err: io.err.join("") };
}

describe("check-this-mail --config with a hostile file", () => {
  it.each([
    ['{"__proto__": {}}', "__proto__ is not a known setting"],
    ['{"securityDesk": {"valueOf": 1}}', "securityDesk.valueOf is not a known setting"],
    ['{"organization": {"hasOwnProperty": 1}}', "organization.hasOwnProperty is not a known setting"],
    ['{"isPrototypeOf": 1}', "isPrototypeOf is not a known setting"],
    ['{"toLocaleString": 1}', "toLocaleString is not a known setting"],
    ['{"__defineGetter__": 1}', "__defineGetter__ is not a known setting"],
    ['{"constructor": 1}', "constructor is not a known setting"],
    ['{"securityDesk": {"toString": 1}}', "securityDesk.toString is not a known setting"],
    ['{"securityDesk": {"subjectPrefix": "\\u001b]0;PWNED\\u0007"}}', "securityDesk.subjectPrefix contains a control character (U+001B, character 1)"],
    ['{"securityDesk": {"subjectPrefix": "[Report]\\u202e"}}', "securityDesk.subjectPrefix contains a text-direction control (U+202E, character 9)"],
    [JSON.stringify({ securityDesk: { subjectPrefix: "x".repeat(300) } }), "securityDesk.subjectPrefix is 300 characters long; at most 40 are allowed"],
    ['{"securityDesk": {"address": "attacker,csirt@example.co.jp"}}', 'securityDesk.address must be exactly one mail address, but contains ","'],
    ['{"organization": {"domains": ["co.jp"]}}', "organization.domains[0] is a public suffix (like co.jp, jp or com)"],
    ['{"organization": {"domains": ["github.io"]}}', "organization.domains[0] is a shared service's suffix (like github.io"],
    ['{"securityDesk": {"intakeUrl": "https://user:pass@intake.example.co.jp/"}}', "securityDesk.intakeUrl must not contain a user name or password (user:pass@)"],
  ])("%s: exit 2 and the path with what is wrong", async (text, line) => {
    const { code, err } = await runWith(text);
    expect(err).toContain(line);
    expect(err).not.toContain("\n    at "); // no stack trace
    expect(code).toBe(EXIT.usage);
  });

  it("a key or a JSON error with terminal controls is shown escaped", async () => {
    const key = await runWith('{"\\u001b]0;PWNED\\u0007\\u001b[2J": 1}');
    expect(key.code).toBe(EXIT.usage);
    expect(key.err).toContain('["\\u001b]0;PWNED\\u0007\\u001b[2J"] is not a known setting');
    const syntax = await runWith('{"a": \u001b[2J}');
    expect(syntax.code).toBe(EXIT.usage);
    // Line ends are the CLI's own; nothing else invisible may pass.
    for (const { err } of [key, syntax]) expect(err.replaceAll("\n", "")).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });
});
