/**
 * The MailExtension boundary is enforced by the lint (eslint.config.js): the `messenger` and
 * `browser` globals are refused everywhere in src but src/hosts/thunderbird, and that folder in
 * turn refuses Office.js and Node. Each refused probe has an accepted twin, so a probe failing for
 * another reason cannot make the test pass.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const eslint = new ESLint({ cwd: root });

async function globals(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === "no-restricted-globals" || m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const CALL = "export const probe = messenger.messages.getRaw(1);\n";

describe("the MailExtension API boundary", () => {
  for (const file of ["src/core/probe.ts", "src/hosts/eml/probe.ts", "src/taskpane/probe.ts", "src/taskpane/view/probe.ts", "src/hosts/outlook/probe.ts", "src/demo/probe.ts", "src/cli/probe.ts", "src/ui/probe.ts"]) {
    it(`messenger and browser are refused in ${file}`, async () => {
      expect(await globals(CALL, file)).toEqual([expect.stringContaining("src/hosts/thunderbird")]);
      expect(await globals("export const probe = browser.runtime;\n", file)).toEqual([expect.stringContaining("src/hosts/thunderbird")]);
    });
  }

  it("messenger is accepted in src/hosts/thunderbird, where Office.js, Node and the browser namespace are refused", async () => {
    const file = "src/hosts/thunderbird/probe.ts";
    expect(await globals(CALL, file)).toEqual([]);
    expect(await globals("export const probe = Office.context;\n", file)).toHaveLength(1);
    expect(await globals("export const probe = browser.runtime;\n", file)).toEqual([expect.stringContaining("messenger")]);
    expect(await globals('import fs from "node:fs";\nexport const probe = fs;\n', file)).toHaveLength(1);
  });
});
