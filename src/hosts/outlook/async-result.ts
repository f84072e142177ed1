/**
 * Office.js reports through callbacks with an AsyncResult; the host turns every call into a
 * promise that never rejects: `{ ok: true, value }` or `{ ok: false, detail }` (the reason, for a
 * diagnostic). No Office call of its own: each caller is one file with its requirement set.
 */

export type HostResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly detail: string };

/** The value of `Office.AsyncResultStatus.Succeeded` (a string enum; office.js defines it everywhere). */
const SUCCEEDED = "succeeded";

export function describeError(error: unknown): string {
  if (error === null || error === undefined) return "unknown error";
  if (typeof error === "object") {
    const e = error as { name?: unknown; message?: unknown; code?: unknown };
    const parts = [e.name, e.code, e.message].filter((p) => p !== undefined && p !== "").map(String);
    if (parts.length > 0) return parts.join(": ");
  }
  return String(error);
}

/**
 * Calls `invoke` with a callback and resolves with its outcome. A synchronous throw (an API
 * missing in this client, a bad argument) becomes a failure like an asynchronous one.
 */
export function settle<T>(invoke: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<HostResult<T>> {
  return new Promise((resolve) => {
    try {
      invoke((result) => {
        if (String(result.status) === SUCCEEDED) resolve({ ok: true, value: result.value });
        else resolve({ ok: false, detail: describeError(result.error) });
      });
    } catch (error) {
      resolve({ ok: false, detail: describeError(error) });
    }
  });
}
