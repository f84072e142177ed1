// Types of regex-inventory.js for test/core/regex.test.ts (the module is plain JavaScript so that
// bench/regex.bench.js can use it without a TypeScript step).
export const MAIL_CODE: readonly string[];
export interface RegexEntry {
  /** "path:line" in the repository. */
  readonly where: string;
  /** undefined when the pattern is not a literal (none today). */
  readonly regex: RegExp | undefined;
}
export function regexInventory(roots?: readonly string[]): RegexEntry[];
export function adversarialInputs(length: number): { readonly label: string; readonly text: string }[];
export function exercise(regex: RegExp, text: string): number;
