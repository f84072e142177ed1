/**
 * Text written to look like one thing to a person and another to a filter: invisible characters
 * between letters ("Co\u{E0139}in\u{E0139}base"), combining marks of another script stacked on Latin
 * letters ("A\u073Fm\u073Fa\u073Fz\u073Fon"), mathematical letters ("𝗡𝗲𝘁𝗳𝗹𝗶𝘅"), and a digit
 * standing for the letter it resembles inside a word ("CL0UD", "Micr0soft"). Legitimate
 * senders have no reason to do the first two or the last; mathematical letters are sometimes
 * used for emphasis, so they count less.
 */

import { isAsciiLetter } from "./ascii.js";

export type ObfuscationKind = "invisible" | "foreign-mark" | "math-letters" | "digit-for-letter";

// Default_Ignorable_Code_Point (Unicode DerivedCoreProperties): renders as nothing. Includes
// zero-width characters, variation selectors, tag characters and the soft hyphen.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const NONSPACING_MARK = /\p{Mn}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** U+0300–U+036F: the diacritics of decomposed European text ("e" + U+0301), which are normal. */
function isLatinDiacritic(code: number): boolean {
  return code >= 0x0300 && code <= 0x036f;
}

/** Mathematical Alphanumeric Symbols (U+1D400–U+1D7FF): bold/italic/script letters and digits. */
function isMathAlphanumeric(code: number): boolean {
  return code >= 0x1d400 && code <= 0x1d7ff;
}

export interface ObfuscationReport {
  readonly kinds: ReadonlySet<ObfuscationKind>;
  /** The text as a person reads it: see `foldForMatching`. */
  readonly folded: string;
}

/**
 * What a reader sees, for matching names and words: NFKC (folds mathematical and full-width
 * letters to ASCII), without default-ignorable characters, and without non-Latin combining marks
 * stacked on Latin letters. One pass over code points: linear on hostile input.
 */
export function foldForMatching(text: string): string {
  return scan(text).folded;
}

function scan(text: string): ObfuscationReport {
  const kinds = new Set<ObfuscationKind>();
  const chars = Array.from(text);
  let kept = "";
  let previous = "";
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const code = c.codePointAt(0)!;
    if (IGNORABLE.test(c)) {
      // Between two letters or digits it splits a word; elsewhere (emoji ZWJ sequences,
      // variation selectors after symbols) it is ordinary.
      let next = i + 1;
      while (next < chars.length && IGNORABLE.test(chars[next]!)) next++;
      if (LETTER_OR_DIGIT.test(previous) && next < chars.length && LETTER_OR_DIGIT.test(chars[next]!)) kinds.add("invisible");
      continue;
    }
    if (NONSPACING_MARK.test(c) && !isLatinDiacritic(code) && LATIN_LETTER.test(previous)) {
      kinds.add("foreign-mark");
      continue;
    }
    if (isMathAlphanumeric(code)) kinds.add("math-letters");
    kept += c;
    if (!NONSPACING_MARK.test(c)) previous = c;
  }
  const folded = readDigitsAsLetters(kept.normalize("NFKC"));
  if (folded.changed) kinds.add("digit-for-letter");
  return { kinds, folded: folded.text };
}

/** A "0" or "1" with an ASCII letter on each side: the cheap test before the word-by-word read. */
function hasDigitBetweenLetters(text: string): boolean {
  for (let i = 1; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x30 || c === 0x31) && isAsciiLetter(text.charCodeAt(i - 1)) && isAsciiLetter(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

/** Shortest word in which a digit is taken for a letter: "B2B", "MP3" and "H1N1" are ordinary. */
const MIN_DISGUISED_WORD = 5;

/**
 * A word of one case with exactly one "0" or "1" between its letters reads as the letter the
 * digit resembles: "CL0UD" is "CLOUD", "Micr0soft" is "Microsoft". Words with more digits
 * (order numbers, "H1N1", "Win10") or a digit at an end ("Team1") are left as written.
 */
function readDigitsAsLetters(text: string): { text: string; changed: boolean } {
  if (!hasDigitBetweenLetters(text)) return { text, changed: false };
  let changed = false;
  const out = text.replace(/[a-z\d]+/gi, (word) => {
    if (word.length < MIN_DISGUISED_WORD) return word;
    const at = word.search(/\d/);
    if (at <= 0 || at === word.length - 1 || /\d/.test(word.slice(at + 1))) return word;
    const digit = word[at]!;
    const letters = word.slice(0, at) + word.slice(at + 1);
    const upper = /^[A-Z]+$/.test(letters);
    if (!(digit === "0" || digit === "1") || !(upper || /^[A-Z]?[a-z]+$/.test(letters))) return word;
    changed = true;
    const letter = digit === "0" ? (upper ? "O" : "o") : upper ? "I" : "l";
    return word.slice(0, at) + letter + word.slice(at + 1);
  });
  return { text: out, changed };
}

/** How the text hides what it says, or undefined when it is written plainly. */
export function findObfuscation(text: string): ObfuscationReport | undefined {
  const report = scan(text);
  return report.kinds.size > 0 ? report : undefined;
}
