/**
 * The popup's analysis engine: its own chunk, requested the moment popup.js runs (as the Outlook
 * pane's, src/taskpane/engine.ts), with the Thunderbird message reader. The Outlook host's two
 * Chromium workarounds are installed too, for the demo (Chromium): the ISO-2022-JP decoder fix
 * probes for the fault first and does nothing in Thunderbird (Gecko); the Blob one only joins
 * bytes in memory, which is right in any engine.
 */
import { installInMemoryBlob } from "../outlook/blob.js";
import { installTextDecoderFix } from "../outlook/text-decoder.js";

installTextDecoderFix(window);
installInMemoryBlob(window);

export { readMessage } from "./read-message.js";
export * from "../../taskpane/engine-core.js";
