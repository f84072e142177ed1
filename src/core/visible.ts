/**
 * Makes invisible and control characters visible as "[U+XXXX]": C0/C1 controls (a terminal
 * would obey ESC sequences written by the attacker), line and paragraph separators, lone
 * surrogates, bidirectional controls (Unicode UAX #9; RIGHT-TO-LEFT OVERRIDE turns "exe.pdf"
 * around), and every default-ignorable code point (zero-width characters, variation selectors
 * and tag characters smuggled into names) except the four that emoji and Indic/Persian text
 * need (ZWNJ, ZWJ, VS15, VS16). Used wherever mail text is shown as evidence or on a terminal.
 * One pass over code points: linear on any input.
 */
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const ORDINARY_JOINERS = new Set([0x200c, 0x200d, 0xfe0e, 0xfe0f]);

export function makeControlsVisible(text: string, keepNewlines = false): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (keepNewlines && (char === "\n" || char === "\t")) out += char;
    else if (isHiddenOrControl(char, code)) out += `[U+${code.toString(16).toUpperCase().padStart(4, "0")}]`;
    else out += char;
  }
  return out;
}

export function isBidiControl(code: number): boolean {
  return code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

function isHiddenOrControl(char: string, code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0xd800 && code <= 0xdfff) || // lone surrogate left by broken decoding
    isBidiControl(code) ||
    (DEFAULT_IGNORABLE.test(char) && !ORDINARY_JOINERS.has(code))
  );
}
