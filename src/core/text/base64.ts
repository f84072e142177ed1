/**
 * Bytes → Base64 (RFC 4648 §4), for the original message attached to a report and for the
 * demo's stand-in of Office's getAsFileAsync. btoa takes a binary string: it is built in chunks
 * (one call with millions of arguments overflows the stack) with `apply`, not a spread, which
 * walks the typed array's iterator and is eight times slower (measured, V8 11).
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  return btoa(binary);
}
