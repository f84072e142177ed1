/**
 * The MailExtension API answers with promises that reject on failure (and `messenger` is missing
 * outside Thunderbird): each host file turns its one call into a promise that never rejects,
 * `{ ok: true, value }` or `{ ok: false, detail }` — the same HostResult as the Outlook host.
 * No API call of its own.
 */
import { describeError, type HostResult } from "../outlook/async-result.js";

export type { HostResult } from "../outlook/async-result.js";
export { describeError };

export async function attempt<T>(call: () => Promise<T> | T): Promise<HostResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, detail: describeError(error) };
  }
}

/** A DOM File or Blob — from any realm (a File made by another window fails `instanceof Blob`). */
export function isBlobLike(value: unknown): value is Blob {
  return typeof value === "object" && value !== null && typeof (value as Blob).arrayBuffer === "function" && typeof (value as Blob).size === "number";
}
