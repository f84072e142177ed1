/**
 * The report as JSON that no mail client makes clickable. The report mail carries the report as
 * JSON for the desk's tools, and that JSON holds the mail's raw URLs and addresses: a client that
 * turns "https://…", "www.…" or "a@b.example" in text into links (Thunderbird does, in plain text)
 * would put the attacker's link one click from the analyst.
 *
 * Defanging would change the data the tools read. Escaping does not: RFC 8259 §7 lets any
 * character of a string be written as an escape, so every JSON parser reads back exactly the
 * document JSON.stringify wrote. Escaped here, in one pass over JSON.stringify's output:
 * - every "/" as "\/" — no "://" is left;
 * - every "@" as "\u0040" — no address is left;
 * - every ":" inside a string as "\u003a" — no "mailto:" or "javascript:" either. The colons
 *   between keys and values always follow a key's closing quote (JSON.stringify writes no
 *   spaces), so a colon after any other character is inside a string;
 * - the dot of "www." and "ftp." as "\u002e", which clients link without a scheme.
 * "/", "@" and letters occur only inside strings, so nothing outside one is touched.
 */
export function linkInertJson(value: object): string {
  const json = JSON.stringify(value);
  return json.replace(/[/:@.]/g, (c, at: number) => {
    switch (c) {
      case "/":
        return "\\/";
      case "@":
        return "\\u0040";
      case ":":
        return json[at - 1] === '"' ? c : "\\u003a";
      default:
        return isLinkedHostPrefix(json.slice(Math.max(0, at - 3), at)) ? "\\u002e" : c;
    }
  });
}

/** "www" and "ftp": host names clients make links of without a scheme ("www.example.com"). */
function isLinkedHostPrefix(before: string): boolean {
  const lower = before.toLowerCase();
  return lower === "www" || lower === "ftp";
}
