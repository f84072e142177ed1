/**
 * Outside Office (Office.onReady gives host null) the pane may be embedded by a page of its own
 * origin that offers an Office stand-in: the demo host (demo.html). The stand-in then takes the
 * place of Office in this window (Office.onReady, Office.context.mailbox, ...), and the pane runs
 * exactly as in Outlook's read mode. Inside Outlook the parent frame is Outlook's own (another
 * origin): reading it throws, and nothing is taken from it.
 */

/** The property of the embedding window that holds the stand-in. */
export const STAND_IN_KEY = "checkThisMailOfficeStandIn";

export interface OfficeStandInHook {
  /** Installs the stand-in into `target` (its Office object): afterwards Office.onReady reports Outlook. */
  install(target: Window): void;
}

/** `key`: the property the embedding page offers it under (the Thunderbird demo uses its own). */
export function embeddingStandIn(win: Window, key: string = STAND_IN_KEY): OfficeStandInHook | undefined {
  if (win.parent === win) return undefined;
  try {
    if (win.parent.location.origin !== win.location.origin) return undefined;
    const hook = (win.parent as unknown as Record<string, unknown>)[key] as Partial<OfficeStandInHook> | undefined;
    return typeof hook?.install === "function" ? (hook as OfficeStandInHook) : undefined;
  } catch {
    return undefined; // a cross-origin parent (Outlook on the web): not ours to read
  }
}
