/**
 * Just enough XML for OOXML's small package parts ([Content_Types].xml, *.rels): the attributes
 * of elements with a given local name. A single forward scan with indexOf (no regex, no tree):
 * linear on any input, and unbothered by namespaces prefixes, comments or odd whitespace.
 */
import { decodeText } from "./bytes.js";

/** XML text of a part: UTF-8 unless a UTF-16 byte-order mark says otherwise (XML 1.0 §4.3.3). */
export function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeText(bytes.subarray(2), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeText(bytes.subarray(2), "utf-16be");
  return decodeText(bytes, "utf-8");
}

const NAME_END = " \t\r\n/>";

function decodeEntities(value: string): string {
  if (!value.includes("&")) return value;
  let out = "";
  for (let i = 0; i < value.length; ) {
    const amp = value.indexOf("&", i);
    if (amp < 0) {
      out += value.slice(i);
      break;
    }
    out += value.slice(i, amp);
    const semi = value.indexOf(";", amp);
    if (semi < 0 || semi - amp > 10) {
      out += "&";
      i = amp + 1;
      continue;
    }
    const entity = value.slice(amp + 1, semi);
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    let replacement = named[entity];
    if (replacement === undefined && entity.startsWith("#")) {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) replacement = String.fromCodePoint(code);
    }
    out += replacement ?? value.slice(amp, semi + 1);
    i = semi + 1;
  }
  return out;
}

/** Attributes (local names, prefixes dropped) of every element whose local name is `local`, at most `max`. */
export function xmlElements(text: string, local: string, max = 10_000): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (let i = text.indexOf("<"); i >= 0 && out.length < max; i = text.indexOf("<", i + 1)) {
    let j = i + 1;
    while (j < text.length && !NAME_END.includes(text[j]!)) j++;
    const tag = text.slice(i + 1, j);
    const colon = tag.lastIndexOf(":");
    if ((colon < 0 ? tag : tag.slice(colon + 1)) !== local) continue;
    const attrs: Record<string, string> = {};
    for (;;) {
      while (j < text.length && " \t\r\n".includes(text[j]!)) j++;
      if (j >= text.length || text[j] === ">" || text[j] === "/") break;
      const nameStart = j;
      while (j < text.length && !"= \t\r\n/>".includes(text[j]!)) j++;
      const name = text.slice(nameStart, j);
      while (j < text.length && " \t\r\n".includes(text[j]!)) j++;
      if (text[j] !== "=") {
        if (j === nameStart) j++;
        continue;
      }
      j++;
      while (j < text.length && " \t\r\n".includes(text[j]!)) j++;
      const quote = text[j];
      if (quote !== '"' && quote !== "'") break;
      const close = text.indexOf(quote, j + 1);
      if (close < 0) break;
      const nameColon = name.lastIndexOf(":");
      attrs[nameColon < 0 ? name : name.slice(nameColon + 1)] = decodeEntities(text.slice(j + 1, close));
      j = close + 1;
    }
    out.push(attrs);
    i = j - 1;
  }
  return out;
}
