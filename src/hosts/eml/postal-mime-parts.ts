import PostalMime from "postal-mime";

/**
 * postal-mime 4.0.0 collects each MIME part's decoded content as a list of pieces and turns it
 * into one ArrayBuffer through `new Blob(pieces).arrayBuffer()`. Its pass-through decoder (7bit,
 * 8bit, binary: most text parts) adds two pieces per line, and the base64 decoder one per padded
 * line. Blob pays per piece: about 10 µs in Node 20 and 1 µs in Chromium. A 4 MB mail of empty
 * lines is two million pieces: 20 s in the command line, 2 s in the pane (found by the fuzzer,
 * scripts/fuzz.js). And the Blob and its ArrayBuffer are two more copies of every attachment:
 * a 22 MB attachment cost 44 MB more at its peak.
 *
 * The fix keeps postal-mime's decoding as it is and replaces only the last step of each decoder's
 * `finalize`: the pieces are joined into one ArrayBuffer directly (same bytes, one copy, no
 * Blob). It wraps the decoders through MimeNode's `setupContentDecoder` (postal-mime exports
 * neither MimeNode nor the decoders), so it depends on postal-mime 4.0.0's internals:
 * - that method, and a decoder's `chunks` array of Blob parts;
 * - what each `finalize` does before building its Blob: the quoted-printable decoder flushes its
 *   buffer (`flushBuffer`), the base64 decoder its last unpadded group (`flushRemainder`), the
 *   pass-through decoder nothing.
 * If a later postal-mime changes the first, nothing is wrapped and parsing stays correct, only
 * slow again — `piecesJoined` then says false and test/hosts/eml-limits.test.ts fails; the
 * decoding tests there and in test/hosts/eml.test.ts check the second. Remove this file once
 * postal-mime joins the pieces itself.
 *
 * The base64 decoder is replaced outright by Base64Stream (below), which gives the same bytes
 * for a fraction of the time; `base64Streamed` says whether it is in use, and
 * test/hosts/eml-base64.test.ts holds it to postal-mime's own decoder.
 */

type BlobPart = string | ArrayBuffer | ArrayBufferView;

interface Decoder {
  chunks?: unknown;
  update?(line: Uint8Array): void;
  finalize(): Promise<ArrayBuffer>;
  flushBuffer?: () => void;
  flushRemainder?: () => void;
}

interface MimeNodeLike {
  contentDecoder: Decoder | null;
  setupContentDecoder(transferEncoding: string): void;
}

const encoder = new TextEncoder();

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function bytesOf(part: Exclude<BlobPart, string>): Uint8Array {
  if (part instanceof Uint8Array) return part;
  return part instanceof ArrayBuffer ? new Uint8Array(part) : new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
}

/**
 * The pieces as one byte array (strings as UTF-8, as Blob writes them). Two passes and no
 * allocation per piece: the pieces are mostly lines and "\n" strings, millions of them.
 */
export function joinParts(parts: readonly BlobPart[]): Uint8Array {
  let size = 0;
  for (const part of parts) {
    if (typeof part !== "string") size += part.byteLength;
    else size += isAscii(part) ? part.length : encoder.encode(part).length;
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    if (typeof part !== "string") {
      out.set(bytesOf(part), offset);
      offset += part.byteLength;
    } else if (isAscii(part)) {
      for (let i = 0; i < part.length; i++) out[offset++] = part.charCodeAt(i);
    } else {
      const encoded = encoder.encode(part);
      out.set(encoded, offset);
      offset += encoded.length;
    }
  }
  return out;
}

/** Bytes written at the end of a growing array, then taken as one ArrayBuffer of their own size. */
class GrowingBytes {
  protected bytes = new Uint8Array(0);
  protected length = 0;

  protected reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    // Doubling: each byte is copied a constant number of times on average. Small to start with:
    // most parts are a few lines, and a mail has many of them.
    const grown = new Uint8Array(Math.max(this.length + more, this.bytes.length * 2, 256));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** The bytes in an ArrayBuffer of their own size (one copy; the working buffer is then released). */
  take(): ArrayBuffer {
    const out = this.bytes.slice(0, this.length).buffer;
    this.bytes = new Uint8Array(0);
    this.length = 0;
    return out;
  }
}

/**
 * Decoded bytes, appended as they come: the pass-through decoder hands over a view of the mail per
 * line, and holding 300,000 of them until the end took more memory than the text itself.
 */
class Collected extends GrowingBytes {
  push(part: BlobPart): number {
    // The pass-through decoder pushes a "\n" string after every line: written by hand, because a
    // TextEncoder call per line cost half a second on a mail of 500,000 empty lines (the fuzzer).
    if (typeof part === "string" && isAscii(part)) {
      this.reserve(part.length);
      for (let i = 0; i < part.length; i++) this.bytes[this.length++] = part.charCodeAt(i);
      return this.length;
    }
    const view = typeof part === "string" ? encoder.encode(part) : bytesOf(part);
    this.reserve(view.length);
    this.bytes.set(view, this.length);
    this.length += view.length;
    return this.length;
  }
}

function collectInsteadOfBlob(decoder: Decoder): void {
  const collected = new Collected();
  decoder.chunks = collected;
  decoder.finalize = function (this: Decoder) {
    // What postal-mime's own finalize does before its Blob (see above).
    if (typeof this.flushBuffer === "function") this.flushBuffer();
    if (typeof this.flushRemainder === "function") this.flushRemainder();
    return Promise.resolve(collected.take());
  };
}

/** Sextet of each byte of the Base64 alphabet (RFC 2045 §6.8); PAD for "=", SKIP for everything else. */
const PAD = -2;
const SKIP = -1;
const SEXTETS = new Int8Array(256).fill(SKIP);
{
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < alphabet.length; i++) SEXTETS[alphabet.charCodeAt(i)] = i;
  SEXTETS[0x3d] = PAD;
}

/**
 * A base64 content decoder with the same output as postal-mime 4.0.0's, byte for byte, at about
 * a tenth of the cost. Theirs decodes every line to a string, strips it with a regular
 * expression, splits it at "=" and concatenates what is left: for the megabytes of base64 in an
 * attachment that was 40 % of all the time postal-mime spent on the phishing corpus. This one
 * reads the line's bytes once into a growing byte array.
 *
 * The rules it shares with postal-mime's (tested against it, test/hosts/eml-base64.test.ts): a
 * byte outside the alphabet is skipped (line breaks, spaces, garbage, any non-ASCII byte); "="
 * ends a unit, and with it an incomplete group of 2 characters gives 1 byte, of 3 gives 2 and
 * of 1 gives none; the group left open at the end of the part ends the same way.
 */
export class Base64Stream extends GrowingBytes {
  /** The sextets of the group being read, most recent in the low bits, and how many there are. */
  private group = 0;
  private count = 0;

  update(line: Uint8Array): void {
    // A line of n characters decodes to at most 3n/4 bytes, plus the 2 an open group may add.
    this.reserve(((line.length * 3) >> 2) + 3);
    const out = this.bytes;
    let length = this.length;
    let group = this.group;
    let count = this.count;
    for (let i = 0; i < line.length; i++) {
      const sextet = SEXTETS[line[i]!]!;
      if (sextet >= 0) {
        group = (group << 6) | sextet;
        if (++count === 4) {
          out[length++] = group >> 16;
          out[length++] = (group >> 8) & 0xff;
          out[length++] = group & 0xff;
          group = 0;
          count = 0;
        }
      } else if (sextet === PAD) {
        length = endGroup(out, length, group, count);
        group = 0;
        count = 0;
      }
    }
    this.length = length;
    this.group = group;
    this.count = count;
  }

  finalize(): Promise<ArrayBuffer> {
    this.reserve(2);
    this.length = endGroup(this.bytes, this.length, this.group, this.count);
    this.group = 0;
    this.count = 0;
    return Promise.resolve(this.take());
  }
}

/** Writes the bytes of an incomplete group (2 or 3 sextets); returns the new length. */
function endGroup(out: Uint8Array, length: number, group: number, count: number): number {
  if (count === 2) out[length++] = (group >> 4) & 0xff;
  else if (count === 3) {
    out[length++] = (group >> 10) & 0xff;
    out[length++] = (group >> 2) & 0xff;
  }
  return length;
}

/** postal-mime's own setupContentDecoder, kept for the test that holds Base64Stream to it. */
let postalMimeSetup: ((this: MimeNodeLike, transferEncoding: string) => void) | undefined;

/** The decoder postal-mime itself makes for a transfer encoding (undefined when not installed). */
export function postalMimeDecoder(transferEncoding: string): Decoder | null | undefined {
  if (postalMimeSetup === undefined) return undefined;
  const node = { contentDecoder: null } as unknown as MimeNodeLike;
  postalMimeSetup.call(node, transferEncoding);
  return node.contentDecoder;
}

/** postal-mime's own base64 decoder, known by what its finalize flushes (see above). */
function isPostalMimeBase64(decoder: Decoder): boolean {
  return typeof decoder.flushRemainder === "function" && typeof decoder.update === "function";
}

function install(): { joined: boolean; base64: boolean } {
  const root = (new PostalMime() as unknown as { root?: unknown }).root;
  const proto = root === null || typeof root !== "object" ? undefined : (Object.getPrototypeOf(root) as Partial<MimeNodeLike>);
  const setup = proto?.setupContentDecoder;
  if (proto === undefined || typeof setup !== "function") return { joined: false, base64: false };
  postalMimeSetup = setup;
  // Whether postal-mime's base64 decoder still looks as described above: otherwise it is kept.
  const probe = postalMimeDecoder("base64");
  const replaceBase64 = probe !== null && probe !== undefined && isPostalMimeBase64(probe);
  proto.setupContentDecoder = function (this: MimeNodeLike, transferEncoding: string) {
    setup.call(this, transferEncoding);
    const decoder = this.contentDecoder;
    if (!decoder) return;
    if (replaceBase64 && isPostalMimeBase64(decoder)) {
      this.contentDecoder = new Base64Stream();
      return;
    }
    if (Array.isArray(decoder.chunks) && decoder.chunks.length === 0 && typeof decoder.finalize === "function") collectInsteadOfBlob(decoder);
  };
  return { joined: true, base64: replaceBase64 };
}

const installed = install();

/** Whether postal-mime's decoders are wrapped (see above). Installed once, on first import. */
export const piecesJoined: boolean = installed.joined;

/** Whether postal-mime's base64 decoder is replaced by Base64Stream. */
export const base64Streamed: boolean = installed.base64;
