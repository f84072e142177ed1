/**
 * A small, bounded DEFLATE decoder (RFC 1951), with the zlib wrapper (RFC 1950) PDF uses.
 *
 * Why not DecompressionStream("deflate-raw")? It exists in Node 20 and current browsers, but
 * it is asynchronous, and the content checks run inside the synchronous `analyze()` (so every
 * host that hands over bytes gets them, with no second step to forget). The readers only ever
 * need small pieces — an XML part of a few kilobytes, the first bytes of an archive entry, a
 * PDF object stream — and every call states how many output bytes it will accept: decoding
 * stops exactly there, so a "zip bomb" costs no more than the cap. Never throws: corrupt input
 * ends the output with an `error`.
 */

export interface InflateResult {
  /** What was decoded (possibly a prefix of the whole, see `truncated` and `error`). */
  readonly bytes: Uint8Array;
  /** Output stopped at `maxOutput` before the end of the stream. */
  readonly truncated: boolean;
  /** Why decoding stopped early on bad or cut-off input. */
  readonly error?: string;
  /** Input bytes consumed (through the end of the final block) when the stream ended properly. */
  readonly consumed: number;
}

// RFC 1951 §3.2.5: base lengths and distances with their extra bits.
const LEN_BASE = Uint16Array.from([3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]);
const LEN_EXTRA = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]);
const DIST_BASE = Uint16Array.from([
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
]);
const DIST_EXTRA = Uint8Array.from([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]);
// RFC 1951 §3.2.7: the order code-length code lengths are stored in.
const CL_ORDER = Uint8Array.from([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);

/** Bit-reversal of 15-bit values: Huffman codes are stored most-significant bit first (§3.1.1). */
const REVERSE15 = new Uint16Array(1 << 15);
for (let i = 0; i < REVERSE15.length; i++) {
  let r = 0;
  for (let k = 0; k < 15; k++) if (i & (1 << k)) r |= 1 << (14 - k);
  REVERSE15[i] = r;
}

/** A lookup table indexed by the next `bits` input bits: entry = symbol << 4 | code length (0 = no such code). */
interface Table {
  readonly entries: Uint16Array;
  readonly mask: number;
}

/** Canonical Huffman table from code lengths (§3.2.2). Over-subscribed codes are invalid; incomplete ones are allowed. */
function buildTable(lengths: Uint8Array): Table | undefined {
  const count = new Uint16Array(16);
  let maxBits = 0;
  for (let i = 0; i < lengths.length; i++) {
    const l = lengths[i]!;
    count[l]!++;
    if (l > maxBits) maxBits = l;
  }
  count[0] = 0;
  let left = 1;
  for (let len = 1; len <= 15; len++) {
    left = (left << 1) - count[len]!;
    if (left < 0) return undefined;
  }
  const next = new Uint16Array(16);
  let code = 0;
  for (let len = 1; len <= 15; len++) {
    code = (code + count[len - 1]!) << 1;
    next[len] = code;
  }
  const size = 1 << maxBits;
  const entries = new Uint16Array(size);
  for (let sym = 0; sym < lengths.length; sym++) {
    const len = lengths[sym]!;
    if (len === 0) continue;
    const reversed = REVERSE15[next[len]!++]! >>> (15 - len);
    const entry = (sym << 4) | len;
    for (let k = reversed; k < size; k += 1 << len) entries[k] = entry;
  }
  return { entries, mask: size - 1 };
}

const FIXED_LIT = (() => {
  const l = new Uint8Array(288);
  l.fill(8, 0, 144);
  l.fill(9, 144, 256);
  l.fill(7, 256, 280);
  l.fill(8, 280, 288);
  return buildTable(l)!;
})();
const FIXED_DIST = buildTable(new Uint8Array(32).fill(5))!;

const EMPTY = new Uint8Array(0);

/** Decodes raw DEFLATE data, producing at most `maxOutput` bytes. */
export function inflateRaw(input: Uint8Array, maxOutput: number): InflateResult {
  const n = input.length;
  const totalBits = n * 8;
  const cap = Math.max(0, Math.floor(maxOutput));
  let out = cap === 0 ? EMPTY : new Uint8Array(Math.min(cap, Math.max(4096, n * 3)));
  let o = 0;
  let pos = 0;

  /** At least 25 input bits starting at bit `p` (zeros past the end). */
  const peek = (p: number): number => {
    const i = p >>> 3;
    if (i + 3 < n) return ((input[i]! | (input[i + 1]! << 8) | (input[i + 2]! << 16) | (input[i + 3]! << 24)) >>> (p & 7));
    let v = 0;
    for (let k = 3; k >= 0; k--) v = (v << 8) | (i + k < n ? input[i + k]! : 0);
    return v >>> (p & 7);
  };
  const done = (error?: string, truncated = false): InflateResult => {
    const bytes = out.subarray(0, o);
    return error === undefined ? { bytes, truncated, consumed: Math.ceil(pos / 8) } : { bytes, truncated, error, consumed: Math.ceil(pos / 8) };
  };
  /** Makes room for `extra` more bytes; false when the cap is reached. */
  const room = (extra: number): boolean => {
    const need = o + extra;
    if (need <= out.length) return true;
    if (out.length >= cap) return false;
    const grown = new Uint8Array(Math.min(cap, Math.max(need, out.length * 2)));
    grown.set(out.subarray(0, o));
    out = grown;
    return need <= out.length;
  };

  for (;;) {
    if (pos + 3 > totalBits) return done("truncated input");
    const head = peek(pos);
    const final = head & 1;
    const type = (head >>> 1) & 3;
    pos += 3;
    if (type === 0) {
      // Stored block (§3.2.4): byte-aligned LEN and its one's complement NLEN, then LEN bytes.
      let i = (pos + 7) >>> 3;
      if (i + 4 > n) return done("truncated input");
      const len = input[i]! | (input[i + 1]! << 8);
      const nlen = input[i + 2]! | (input[i + 3]! << 8);
      if ((len ^ 0xffff) !== nlen) return done("invalid stored block length");
      i += 4;
      const available = Math.min(len, n - i);
      if (!room(available)) {
        const fit = Math.max(0, out.length - o);
        out.set(input.subarray(i, i + fit), o);
        o += fit;
        pos = (i + fit) * 8;
        return done(undefined, true);
      }
      out.set(input.subarray(i, i + available), o);
      o += available;
      pos = (i + available) * 8;
      if (available < len) return done("truncated input");
    } else {
      let lit: Table;
      let dist: Table;
      if (type === 1) {
        lit = FIXED_LIT;
        dist = FIXED_DIST;
      } else if (type === 2) {
        // Dynamic block (§3.2.7): code lengths, themselves Huffman-coded.
        const h = peek(pos);
        const hlit = (h & 31) + 257;
        const hdist = ((h >>> 5) & 31) + 1;
        const hclen = ((h >>> 10) & 15) + 4;
        pos += 14;
        if (hlit > 286 || hdist > 30) return done("invalid code counts");
        const clLengths = new Uint8Array(19);
        for (let i = 0; i < hclen; i++) {
          clLengths[CL_ORDER[i]!] = peek(pos) & 7;
          pos += 3;
        }
        const cl = buildTable(clLengths);
        if (!cl) return done("invalid code length code");
        const lengths = new Uint8Array(hlit + hdist);
        for (let i = 0; i < lengths.length; ) {
          if (pos > totalBits) return done("truncated input");
          const e = cl.entries[peek(pos) & cl.mask]!;
          const l = e & 15;
          if (l === 0) return done("invalid code length");
          pos += l;
          const sym = e >>> 4;
          if (sym < 16) {
            lengths[i++] = sym;
            continue;
          }
          let repeat: number;
          let value = 0;
          if (sym === 16) {
            if (i === 0) return done("repeat with no previous length");
            value = lengths[i - 1]!;
            repeat = 3 + (peek(pos) & 3);
            pos += 2;
          } else if (sym === 17) {
            repeat = 3 + (peek(pos) & 7);
            pos += 3;
          } else {
            repeat = 11 + (peek(pos) & 127);
            pos += 7;
          }
          if (i + repeat > lengths.length) return done("too many code lengths");
          lengths.fill(value, i, i + repeat);
          i += repeat;
        }
        if (lengths[256] === 0) return done("no end-of-block code");
        const l1 = buildTable(lengths.subarray(0, hlit));
        const d1 = buildTable(lengths.subarray(hlit));
        if (!l1 || !d1) return done("invalid Huffman code");
        lit = l1;
        dist = d1;
      } else {
        return done("invalid block type");
      }

      const litEntries = lit.entries;
      const litMask = lit.mask;
      const distEntries = dist.entries;
      const distMask = dist.mask;
      for (;;) {
        let bits = peek(pos);
        const e = litEntries[bits & litMask]!;
        const l = e & 15;
        if (l === 0) return done("invalid literal/length code");
        pos += l;
        // Past the end, peek() reads zeros: a symbol built from them is not in the data.
        if (pos > totalBits) return done("truncated input");
        const sym = e >>> 4;
        if (sym < 256) {
          if (o >= out.length && !room(1)) return done(undefined, true);
          out[o++] = sym;
          continue;
        }
        if (sym === 256) break;
        const li = sym - 257;
        if (li >= 29) return done("invalid length symbol");
        let length = LEN_BASE[li]!;
        const le = LEN_EXTRA[li]!;
        if (le > 0) {
          length += peek(pos) & ((1 << le) - 1);
          pos += le;
        }
        bits = peek(pos);
        const de = distEntries[bits & distMask]!;
        const dl = de & 15;
        if (dl === 0) return done("invalid distance code");
        pos += dl;
        const ds = de >>> 4;
        if (ds >= 30) return done("invalid distance symbol");
        let distance = DIST_BASE[ds]!;
        const dx = DIST_EXTRA[ds]!;
        if (dx > 0) {
          distance += peek(pos) & ((1 << dx) - 1);
          pos += dx;
        }
        if (pos > totalBits) return done("truncated input");
        if (distance > o) return done("distance too far back");
        let copy = length;
        let truncated = false;
        if (!room(length)) {
          copy = Math.max(0, out.length - o);
          truncated = true;
        }
        if (copy <= 16) {
          // Byte by byte: the source may overlap the bytes being written (a run).
          for (let k = 0; k < copy; k++, o++) out[o] = out[o - distance]!;
        } else {
          // Long copies in non-overlapping chunks: a run of distance d repeats every d bytes.
          let remaining = copy;
          while (remaining > 0) {
            const chunk = Math.min(remaining, distance);
            out.copyWithin(o, o - distance, o - distance + chunk);
            o += chunk;
            remaining -= chunk;
          }
        }
        if (truncated) return done(undefined, true);
      }
    }
    if (pos > totalBits) return done("truncated input");
    if (final) return done();
  }
}

/**
 * zlib stream (RFC 1950): a two-byte header, DEFLATE data, an Adler-32 trailer (not checked:
 * a reader only wants the text). PDF writers sometimes omit or mangle the header, so a header
 * that does not check out falls back to raw DEFLATE.
 */
export function inflateZlib(input: Uint8Array, maxOutput: number): InflateResult {
  if (input.length >= 2) {
    const cmf = input[0]!;
    const flg = input[1]!;
    if ((cmf & 0x0f) === 8 && (cmf >>> 4) <= 7 && ((cmf << 8) | flg) % 31 === 0) {
      if (flg & 0x20) return { bytes: EMPTY, truncated: false, error: "preset dictionary", consumed: 0 };
      const result = inflateRaw(input.subarray(2), maxOutput);
      return { ...result, consumed: result.consumed + 2 };
    }
  }
  return inflateRaw(input, maxOutput);
}
