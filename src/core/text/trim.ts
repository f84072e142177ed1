/** Drops the given characters from both ends (a loop: linear on hostile input, where an anchored regex is not). */
export function trimEdges(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start]!)) start++;
  while (end > start && chars.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}
