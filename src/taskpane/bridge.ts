/**
 * Runs before office.js (taskpane.html loads it first, synchronously). When a page of this
 * pane's own origin embeds it and offers an Office stand-in — the demo host — office.js must not
 * take the frame for a hostile one: outside Office, in a frame, it replaces the page with
 * about:blank unless `OsfOptOut` is defined. Anywhere else (Outlook, whose frames are of another
 * origin; a foreign site framing the pane) this does nothing, and office.js keeps its guard.
 */
import { embeddingStandIn } from "./embedding.js";

if (embeddingStandIn(window)) (window as unknown as { OsfOptOut: boolean }).OsfOptOut = true;
