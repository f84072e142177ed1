/**
 * Chromium (so Outlook on the web in Chrome and Edge, new Outlook, and classic Outlook's
 * WebView2) keeps the state of an ISO-2022-JP TextDecoder from one decode() call to the next
 * even without { stream: true }, which the WHATWG Encoding standard resets: the second of two
 * encoded words that both start with ESC $ B comes out with a leading U+FFFD. postal-mime keeps
 * one decoder per charset (rightly, by the standard), so in the pane a Japanese sender name
 * read after a Japanese subject would show "�例示機構". Node decodes correctly.
 *
 * The fix, installed only where a probe shows the fault: a TextDecoder whose non-streaming
 * decode() of a stateful encoding starts from a fresh decoder, as the standard says.
 */

/** Encodings whose decoders carry state across bytes (WHATWG Encoding §12.2). */
const STATEFUL = new Set(["iso-2022-jp"]);

type DecoderClass = typeof TextDecoder;

/** ESC $ B 【 ESC ( B, decoded twice by one decoder: the second must equal the first. */
export function hasStatefulDecodeFault(Decoder: DecoderClass): boolean {
  try {
    const bytes = Uint8Array.of(0x1b, 0x24, 0x42, 0x21, 0x5a, 0x1b, 0x28, 0x42);
    const decoder = new Decoder("iso-2022-jp");
    return decoder.decode(bytes) !== decoder.decode(bytes);
  } catch {
    return false; // no ISO-2022-JP at all: nothing to fix here
  }
}

export function fixedTextDecoder(Native: DecoderClass): DecoderClass {
  return class TextDecoder extends Native {
    override decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
      if (options?.stream !== true && STATEFUL.has(this.encoding)) {
        return new Native(this.encoding, { fatal: this.fatal, ignoreBOM: this.ignoreBOM }).decode(input);
      }
      return super.decode(input, options);
    }
  };
}

/** Installs the fix in `scope` (a window) when its TextDecoder has the fault; says whether it did. */
export function installTextDecoderFix(scope: { TextDecoder: DecoderClass }): boolean {
  if (!hasStatefulDecodeFault(scope.TextDecoder)) return false;
  scope.TextDecoder = fixedTextDecoder(scope.TextDecoder);
  return true;
}
