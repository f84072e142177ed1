// Every regular expression in the code that reads mail (src/core, src/hosts/eml), found in the
// source by the TypeScript parser, and long adversarial strings to run them on. Lint forbids
// super-linear backtracking (eslint-plugin-regexp, eslint.config.js); this is the check that
// does not trust the linter: test/core/regex.test.ts runs each one on 100,000-character inputs
// (a quadratic one would stall the suite for minutes), and bench/regex.bench.js compares its
// time on n and 10n characters.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const ts = createRequire(import.meta.url)("typescript");

/** Where mail content is read: the pure core and the .eml host. */
export const MAIL_CODE = ["src/core", "src/hosts/eml"];

function sourceFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [path] : [];
    });
}

/**
 * The regular expressions of `roots`: literals, and `new RegExp("...")` / `RegExp("...")` with a
 * literal pattern. Each is { where: "file:line", regex }. A RegExp built from a non-literal
 * pattern cannot be checked here and is listed with `regex: undefined` (none exist today).
 */
export function regexInventory(roots = MAIL_CODE) {
  const found = [];
  for (const file of roots.flatMap((root) => sourceFiles(join(ROOT, root)))) {
    const text = readFileSync(file, "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const where = (node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    const visit = (node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(source);
        const slash = literal.lastIndexOf("/");
        found.push({ where: where(node), regex: new RegExp(literal.slice(1, slash), literal.slice(slash + 1)) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(source) === "RegExp") {
        const [pattern, flags] = node.arguments ?? [];
        const literal = (n) => n !== undefined && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n));
        found.push({ where: where(node), regex: literal(pattern) && (flags === undefined || literal(flags)) ? new RegExp(pattern.text, flags?.text ?? "") : undefined });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/**
 * Units repeated to make the inputs: every character class the mail-reading regexes use
 * (spaces, word characters, digits, the punctuation of addresses, URLs, headers and MIME), and
 * the pairs and runs that make a pattern with two quantifiers over one class try every split.
 */
const UNITS = [
  " ", "\t", "\r\n", "\n", "\r", "a", "A", "z", "0", "9", "_", "-", ".", ",", ";", ":", "=", "@", "/", "\\", "<", ">", '"', "'",
  "(", ")", "[", "]", "{", "}", "%", "+", "#", "?", "!", "&", "*", "^", "$", "|", "~", "`",
  "\u00a0", "\u00e9", "\u3042", "\u30a2", "\u4e00", "\u0430", "\u202e", "\u200b", "\u00ad", "\ufeff", "\u0301", "\ud83d\ude00",
  "a.", "a ", "a-", "a@", "a=", "a:", "0.", "0:", "=?", "?=", "=\r\n", " \t", ". ", "a,", "<a", "&#", "%2", "xn--", "http://", "mon ", "ab", "a1",
];

/**
 * Adversarial strings for one regex, each about `length` characters: every unit repeated, alone
 * and followed by a character that makes a match fail at the very end (the case that makes a
 * backtracking engine retry every split of the run).
 */
export function adversarialInputs(length) {
  const inputs = [];
  for (const unit of UNITS) {
    const run = unit.repeat(Math.ceil(length / unit.length));
    for (const end of ["", "\u0000"]) inputs.push({ label: `${JSON.stringify(unit)}×${run.length / unit.length}${end === "" ? "" : `+${JSON.stringify(end)}`}`, text: run + end });
  }
  return inputs;
}

/** Runs `regex` the ways the code uses regexes: a search (test, exec, split), and every match ("g": replace, match). */
export function exercise(regex, text) {
  const once = new RegExp(regex.source, regex.flags.replace(/[gy]/g, ""));
  let work = once.test(text) ? 1 : 0;
  if (regex.flags.includes("g")) work += text.replace(regex, "").length;
  return work;
}
