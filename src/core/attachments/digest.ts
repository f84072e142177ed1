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

/** Lower-case hex SHA-256 of `bytes`; rejects when it cannot. */
export type Sha256 = (bytes: Uint8Array) => Promise<string>;

/**
 * WebCrypto's SHA-256, which browsers and Node both have. It copies the bytes first (a 22 MB
 * attachment costs 22 MB more at the peak): a host with a hash that reads them in place passes
 * its own (the command line: node:crypto, src/hosts/node/sha256.ts).
 */
export const webCryptoSha256: Sha256 = async (bytes) => {
  if (typeof crypto === "undefined") throw new Error("WebCrypto is not available");
  // Snapshot bytes come from an ArrayBuffer (a SharedArrayBuffer would be refused and give no hash).
  return hex(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
};

/** Lower-case hex SHA-256 per snapshot attachment (by index); undefined where there are no bytes or no hash could be made. Never rejects. */
export async function digestAttachments(snapshot: MessageSnapshot, maxAttachments = DEFAULT_LIMITS.maxAttachments, sha256: Sha256 = webCryptoSha256): Promise<(string | undefined)[]> {
  return Promise.all(
    snapshot.attachments.slice(0, maxAttachments).map(async (a) => {
      if (!a.bytes) return undefined;
      try {
        return await sha256(a.bytes);
      } catch {
        return undefined;
      }
    }),
  );
}
