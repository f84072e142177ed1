/** Final extension, lower-case, without trailing dots/spaces that Windows strips anyway. */
export function extensionOf(name: string): string {
  const trimmed = trimEndWhere(name, (c) => c === "." || /\s/.test(c));
  const dot = trimmed.lastIndexOf(".");
  return dot < 0 || dot === trimmed.length - 1 ? "" : trimmed.slice(dot + 1).toLowerCase();
}

/** Drops trailing characters matching `drop` (a loop, not a regex: linear on hostile names). */
export function trimEndWhere(text: string, drop: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1]!)) end--;
  return text.slice(0, end);
}
