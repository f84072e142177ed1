/**
 * SHA-256 of every attachment, for the report's indicators (FIPS 180-4 via WebCrypto, which
 * browsers and Node 20 both provide). WebCrypto is asynchronous, so this is the one step that
 * runs before the synchronous `analyze()`: hosts call it and pass the result in
 * `AnalyzeOptions.attachmentDigests` (analyzeEml does). Nothing else depends on it: without it
 * the analysis is complete except for the hashes.
 */
import { DEFAULT_LIMITS } from "../options.js";
import type { MessageSnapshot } from "../snapshot.js";

function hex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += bytes[i]!.toString(16).padStart(2, "0");
  return out;
}

/** Lower-case hex SHA-256 per snapshot attachment (by index); undefined where there are no bytes or WebCrypto is unavailable. Never rejects. */
export async function digestAttachments(snapshot: MessageSnapshot, maxAttachments = DEFAULT_LIMITS.maxAttachments): Promise<(string | undefined)[]> {
  const subtle = typeof crypto === "undefined" ? undefined : crypto.subtle;
  return Promise.all(
    snapshot.attachments.slice(0, maxAttachments).map(async (a) => {
      if (!a.bytes || !subtle) return undefined;
      try {
        // Snapshot bytes come from an ArrayBuffer (a SharedArrayBuffer would be refused and give no hash).
        return hex(await subtle.digest("SHA-256", a.bytes as Uint8Array<ArrayBuffer>));
      } catch {
        return undefined;
      }
    }),
  );
}
