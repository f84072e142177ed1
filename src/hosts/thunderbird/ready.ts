/**
 * Whether the popup runs in Thunderbird: the `messenger` global of extension pages (every
 * MailExtension page has it). Outside Thunderbird the popup may be embedded by a page of its own
 * origin that offers a stand-in (the Thunderbird demo host, src/demo/thunderbird-demo.ts): it is
 * installed as `messenger` in this window and the popup runs as in Thunderbird. In Thunderbird the
 * popup is a top-level document: nothing is taken from anywhere.
 */
import { embeddingStandIn } from "../../taskpane/embedding.js";

/** The property of the embedding window that holds the stand-in. */
export const MESSENGER_STAND_IN_KEY = "checkThisMailMessengerStandIn";

const hasMessenger = (win: Window): boolean => typeof (win as unknown as { messenger?: unknown }).messenger === "object";

export function messengerReady(win: Window): { readonly inThunderbird: boolean; readonly demo: boolean } {
  if (hasMessenger(win)) return { inThunderbird: true, demo: false };
  const standIn = embeddingStandIn(win, MESSENGER_STAND_IN_KEY);
  if (!standIn) return { inThunderbird: false, demo: false };
  standIn.install(win);
  return { inThunderbird: hasMessenger(win), demo: true };
}
