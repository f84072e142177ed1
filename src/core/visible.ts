/**
 * Makes invisible and control characters visible as "[U+XXXX]": C0/C1 controls (a terminal
 * would obey ESC sequences written by the attacker), bidirectional overrides and isolates
 * (Unicode TR #9; "RIGHT-TO-LEFT OVERRIDE" turns "exe.pdf" around), zero-width characters and
 * the BOM. Used wherever mail text is shown outside a sanitising renderer. A loop, not a regex,
 * so it is linear on any input.
 */
export function makeControlsVisible(text: string, keepNewlines = false): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (keepNewlines && (char === "\n" || char === "\t")) out += char;
    else if (isHiddenOrControl(code)) out += `[U+${code.toString(16).toUpperCase().padStart(4, "0")}]`;
    else out += char;
  }
  return out;
}

export function isBidiControl(code: number): boolean {
  return code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

function isHiddenOrControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    isBidiControl(code) ||
    (code >= 0x200b && code <= 0x200d) || // zero-width space / non-joiner / joiner
    code === 0x2060 || // word joiner
    code === 0xfeff // BOM / zero-width no-break space
  );
}
