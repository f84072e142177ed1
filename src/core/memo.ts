/**
 * A bounded memo of a pure function of one string. Mail repeats itself: a newsletter's hundreds
 * of links go to a handful of hosts, a route names the same addresses in several hops, and every
 * rule asks about the same sender. Entries are shared across analyses (the function is pure);
 * the table is emptied when it is full, so a hostile mail of a million distinct hosts costs
 * memory in proportion to `max`, never to the mail. Keys longer than `maxKeyLength` are not kept
 * (they are never a host or an address, and would hold memory for nothing).
 *
 * Results are shared between callers: they must be treated as read-only.
 */
export function boundedMemo<T>(compute: (key: string) => T, max: number, maxKeyLength = 253): (key: string) => T {
  const table = new Map<string, T>();
  return (key) => {
    const known = table.get(key);
    if (known !== undefined || table.has(key)) return known as T;
    const value = compute(key);
    if (key.length > maxKeyLength) return value;
    if (table.size >= max) table.clear();
    table.set(key, value);
    return value;
  };
}
