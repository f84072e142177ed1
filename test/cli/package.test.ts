import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));

// These run the package as a user gets it: the compiled lib/ (npm test builds it first) through
// the "bin" and "exports" entries of package.json.
describe("the installed package", () => {
  it("exports the programmatic API from its root", async () => {
    const script = `
      import { analyzeEml, analyze, RULES } from "check-this-mail";
      const a = await analyzeEml("From: a@example.com\\r\\nSubject: hi\\r\\n\\r\\nbody");
      console.log(JSON.stringify({ verdict: a.verdict, analyze: typeof analyze, rules: RULES.length }));`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: root });
    const result = JSON.parse(stdout) as { verdict: string; analyze: string; rules: number };
    expect(result.verdict).toBe("clean");
    expect(result.analyze).toBe("function");
    expect(result.rules).toBeGreaterThan(0);
  });

  it("reads a mail from standard input when given -", async () => {
    const child = execFile(process.execPath, ["bin/check-this-mail.js", "--format", "json", "-"], { cwd: root });
    const output = new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (chunk: string) => (out += chunk));
      child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
    });
    child.stdin!.end("From: a@example.com\nSubject: piped\n\nbody\n");
    const result = JSON.parse(await output) as { file: string; message: { subject: string } };
    expect(result.file).toBe("-");
    expect(result.message.subject).toBe("piped");
  });

  it("runs as the check-this-mail command", async () => {
    const { stdout } = await run(process.execPath, ["bin/check-this-mail.js", "--version"], { cwd: root });
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
