/**
 * Internet shortcuts (.url, .website): INI text whose [InternetShortcut] section names a URL=.
 * Opening one opens that URL: to a web page it is a link in a file; to file:// or an SMB path
 * (\\host\share) it runs or loads whatever is there, without the warnings a download gets
 * (CVE-2024-21412) and leaking the Windows password hash to the remote host.
 */

/** Bytes read at most: real shortcuts are a few hundred bytes. */
const MAX_BYTES = 64 * 1024;

/** The URL= value of the [InternetShortcut] section, or undefined when there is none. */
export function internetShortcutTarget(bytes: Uint8Array): string | undefined {
  const text = new TextDecoder("utf-8").decode(bytes.subarray(0, MAX_BYTES));
  let inSection = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("[")) {
      inSection = line.toLowerCase() === "[internetshortcut]";
      continue;
    }
    if (inSection && line.toLowerCase().startsWith("url=")) return line.slice(4).trim();
  }
  return undefined;
}

/** A target that opens a web page over http(s): the risk of a link, not of a program. */
export function isWebTarget(target: string): boolean {
  const lower = target.toLowerCase();
  return lower.startsWith("https://") || lower.startsWith("http://");
}
