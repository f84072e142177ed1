/**
 * The purity boundary is ENFORCED, not merely clean today: a Node, DOM or Office reference
 * written into src/core (or the .eml host, which the browser pane reuses) fails the lint and
 * fails the core's own type check, while the same code is accepted where it belongs. Each
 * forbidden probe has an allowed twin, so a probe that fails for an unrelated reason (a
 * syntax slip, a missing file) cannot make the test pass.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const BOUNDARY_RULES = new Set(["no-restricted-imports", "no-restricted-globals"]);

const eslint = new ESLint({ cwd: root });

/** Messages of the boundary rules for `code` linted as if it were the file at `filePath`. */
async function boundaryViolations(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  expect(result, `ESLint gave no result for ${filePath}`).toBeDefined();
  // A fatal parse error would make an empty list meaningless.
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

const FORBIDDEN: readonly (readonly [what: string, code: string, rule: string])[] = [
  ["a node: import", 'import fs from "node:fs";\nexport const probe = fs;\n', "no-restricted-imports"],
  ["a bare built-in import", 'import { readFileSync } from "fs";\nexport const probe = readFileSync;\n', "no-restricted-imports"],
  ["a built-in submodule", 'import { readFile } from "node:fs/promises";\nexport const probe = readFile;\n', "no-restricted-imports"],
  ["document", "export const probe = document.title;\n", "no-restricted-globals"],
  ["window", "export const probe = window.x;\n", "no-restricted-globals"],
  ["Office", "export const probe = Office.context;\n", "no-restricted-globals"],
  ["process", "export const probe = process.env;\n", "no-restricted-globals"],
  ["Buffer", 'export const probe = Buffer.from("");\n', "no-restricted-globals"],
  ["require", 'export const probe = require("x");\n', "no-restricted-globals"],
];

describe("lint boundary (eslint.config.js)", () => {
  for (const area of ["src/core/probe.ts", "src/core/rules/attachments/probe.ts", "src/hosts/eml/probe.ts"]) {
    it.each(FORBIDDEN)(`reports ${"%s"} in ${area}`, async (_what, code, rule) => {
      const violations = await boundaryViolations(code, area);
      expect(violations.some((v) => v.startsWith(`${rule}:`)), violations.join("\n")).toBe(true);
    });
  }

  it("allows the same imports in the command line (src/cli)", async () => {
    for (const [, code] of FORBIDDEN.slice(0, 3)) expect(await boundaryViolations(code, "src/cli/probe.ts")).toEqual([]);
  });

  it("allows the web-platform globals the core is given (URL, TextDecoder)", async () => {
    const code = 'export const probe = [new URL("https://a").host, new TextDecoder("shift_jis").encoding];\n';
    expect(await boundaryViolations(code, "src/core/probe.ts")).toEqual([]);
  });
});

/** Type-checks one in-memory file with the compiler options of a tsconfig; returns its error texts. */
function typeErrors(tsconfigPath: string, probeRelative: string, code: string, extraRoots: readonly string[] = []): string[] {
  const configFile = ts.readConfigFile(tsconfigPath, (path) => ts.sys.readFile(path));
  expect(configFile.error).toBeUndefined();
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, dirname(tsconfigPath));
  expect(parsed.errors).toEqual([]);
  const probePath = join(root, probeRelative).replace(/\\/g, "/");
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    fileName.replace(/\\/g, "/") === probePath ? ts.createSourceFile(fileName, code, languageVersion, true) : getSourceFile(fileName, languageVersion, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName.replace(/\\/g, "/") === probePath || fileExists(fileName);
  const program = ts.createProgram({ rootNames: [probePath, ...extraRoots], options: parsed.options, host });
  const probe = program.getSourceFile(probePath);
  expect(probe, "probe file not in the program").toBeDefined();
  return ts.getPreEmitDiagnostics(program, probe).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("type boundary (src/core/tsconfig.json)", () => {
  const coreConfig = join(root, "src/core/tsconfig.json");
  const rootConfig = join(root, "tsconfig.json");
  // The web-platform globals the core may use are declared here, not by a lib.
  const platform = [join(root, "src/core/platform.d.ts")];

  it.each([
    ["document", "export const probe: unknown = document.title;"],
    ["window", "export const probe: unknown = window;"],
    ["Buffer", 'export const probe: unknown = Buffer.from("");'],
    ["process", "export const probe: unknown = process.env;"],
    ["require", 'export const probe: unknown = require("fs");'],
  ])("rejects %s in the core", (name, code) => {
    const errors = typeErrors(coreConfig, "src/core/__probe__.ts", code, platform);
    expect(errors.join("\n")).toContain(`Cannot find name '${name}'`);
  });

  it("accepts URL and TextDecoder in the core", () => {
    const code = 'export const probe = [new URL("https://a").hostname, new TextDecoder("shift_jis").decode(new Uint8Array([0x82, 0xa0]))];';
    expect(typeErrors(coreConfig, "src/core/__probe__.ts", code, platform)).toEqual([]);
  });

  it("is the core configuration that rejects them: the Node-side configuration accepts Buffer and process", () => {
    const code = 'export const probe: unknown = [Buffer.from(""), process.env];';
    expect(typeErrors(rootConfig, "src/cli/__probe__.ts", code)).toEqual([]);
  });

  it("covers the .eml host too", () => {
    const configFile = ts.readConfigFile(coreConfig, (path) => ts.sys.readFile(path));
    const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, dirname(coreConfig));
    expect(parsed.fileNames.some((f) => f.endsWith("src/hosts/eml/snapshot.ts"))).toBe(true);
    expect(parsed.options.types).toEqual([]);
    expect(parsed.options.lib?.some((l) => /dom/i.test(l))).toBe(false);
  });
});
