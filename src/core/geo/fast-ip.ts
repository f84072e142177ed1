/**
 * A fast path for the country lookup: parses the plain forms of IP addresses (dotted quad,
 * hex-and-colons IPv6) into four 32-bit words without allocating. parseIp (net/ip.ts) stays the
 * definition of what an address is: every form this does not handle — brackets, "IPv6:",
 * zone indexes, embedded dotted quads, spaces, leading zeros in IPv4 — returns false here and goes
 * to parseIp, and test/core/geo checks that this never accepts what parseIp would read
 * differently. parseIp allocates strings and arrays per call (about 3 µs), more than the whole
 * lookup budget of 1 µs.
 */

/** Groups of the IPv6 address being parsed; reused across calls. */
const groups = new Uint16Array(8);

function parseIpv4Words(text: string, out: Uint32Array): boolean {
  const length = text.length;
  let value = 0;
  let parts = 0;
  let part = 0;
  let digits = 0;
  let leadingZero = false;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? text.charCodeAt(i) : 46; // a "." after the end closes the last part
    if (c >= 48 && c <= 57) {
      // Leading zeros are refused, as parseIp does (octal in some stacks).
      if (digits === 0) leadingZero = c === 48;
      else if (leadingZero) return false;
      if (++digits > 3) return false;
      part = part * 10 + (c - 48);
      continue;
    }
    if (c !== 46 || digits === 0 || part > 255 || ++parts > 4) return false;
    value = value * 256 + part;
    part = 0;
    digits = 0;
  }
  if (parts !== 4) return false;
  out[0] = 0;
  out[1] = 0;
  out[2] = 0xffff;
  out[3] = value;
  return true;
}

function parseIpv6Words(text: string, out: Uint32Array): boolean {
  const length = text.length;
  // 39 characters is eight groups of four: anything longer is not a plain form.
  if (length < 2 || length > 39) return false;
  let count = 0; // groups read
  let gap = -1; // where "::" stands, counted in groups
  let value = 0;
  let digits = 0;
  let colons = 0; // length of the run of colons just read
  let i = 0;
  if (text.charCodeAt(0) === 58) {
    if (text.charCodeAt(1) !== 58) return false; // a single leading colon
    gap = 0;
    colons = 2;
    i = 2;
  }
  // One pass, each character read once.
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58) {
      if (digits > 0) {
        if (count === 8) return false;
        groups[count++] = value;
        value = 0;
        digits = 0;
        colons = 1;
      } else if (colons === 1 && gap < 0) {
        gap = count;
        colons = 2;
      } else {
        return false; // ":::" or a second "::"
      }
      continue;
    }
    const lower = c | 0x20; // "A"–"F" to "a"–"f"; no other character lands there
    const h = c >= 48 && c <= 57 ? c - 48 : lower >= 97 && lower <= 102 ? lower - 87 : -1;
    if (h < 0 || ++digits > 4) return false;
    value = (value << 4) | h;
    colons = 0;
  }
  if (digits > 0) {
    if (count === 8) return false;
    groups[count++] = value;
  } else if (colons !== 2) {
    return false; // a single trailing colon
  }
  if (gap < 0 ? count !== 8 : count > 7) return false;
  // Spread the groups after "::" to the end, zero-filling the gap.
  const tail = gap < 0 ? 0 : count - gap;
  for (let k = 0; k < tail; k++) groups[7 - k] = groups[count - 1 - k]!;
  if (gap >= 0) for (let k = gap; k < 8 - tail; k++) groups[k] = 0;
  for (let w = 0; w < 4; w++) out[w] = ((groups[w * 2]! << 16) | groups[w * 2 + 1]!) >>> 0;
  return true;
}

/**
 * Writes the address's 128-bit form (IPv4 as ::ffff:a.b.c.d) as four big-endian words into
 * `out` and returns true, or returns false when the text is not in a plain form (which may
 * still be a valid address: ask parseIp).
 */
export function parseIpWords(text: string, out: Uint32Array): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) return parseIpv4Words(text, out);
    if (c === 58) return parseIpv6Words(text, out);
  }
  return false;
}
