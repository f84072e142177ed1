/**
 * The analysis engine of the pane: the .eml reader (postal-mime), the core (parse5, tldts, the
 * rules, attachment inspection), the country table's reader and the report model. It is its
 * own chunk, requested the moment taskpane.js runs — in parallel with Office.onReady and
 * config.json — so the pane's first paint does not wait for it (see dist/build.json).
 */
import { installInMemoryBlob } from "../hosts/outlook/blob.js";
import { installTextDecoderFix } from "../hosts/outlook/text-decoder.js";

// Before the first mail is parsed: Chromium's ISO-2022-JP decoder (text-decoder.ts) and the
// blob round trips postal-mime would make for every MIME part (blob.ts).
installTextDecoderFix(window);
installInMemoryBlob(window);

export { readMessage } from "../hosts/outlook/read-message.js";
export * from "./engine-core.js";
