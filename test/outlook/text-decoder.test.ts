import { describe, expect, it } from "vitest";
import { fixedTextDecoder, hasStatefulDecodeFault, installTextDecoderFix } from "../../src/hosts/outlook/text-decoder.js";

/** A decoder with Chromium's fault: its ISO-2022-JP state survives a non-streaming decode(). */
class FaultyDecoder extends TextDecoder {
  private used = false;
  override decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
    const text = super.decode(input, options);
    const faulty = this.used && this.encoding === "iso-2022-jp" && text.length > 0;
    this.used = true;
    return faulty ? `\uFFFD${text}` : text;
  }
}

const subject = Buffer.from("GyRCIVo9RU1XIVtENEMjTVdOTiROMn5EeyRLJEQkJCRGGyhC", "base64");
const name = Buffer.from("GyRCTmM8KDUhOT0bKEIgGyRCRDRDIzJdGyhC", "base64");

describe("Chromium's ISO-2022-JP TextDecoder fault (see src/hosts/outlook/text-decoder.ts)", () => {
  it("is detected where it exists, and not in Node", () => {
    expect(hasStatefulDecodeFault(FaultyDecoder)).toBe(true);
    expect(hasStatefulDecodeFault(TextDecoder)).toBe(false);
  });

  it("is fixed: every non-streaming decode starts afresh, as the standard says", () => {
    const Fixed = fixedTextDecoder(FaultyDecoder);
    const shared = new Fixed("iso-2022-jp");
    expect([shared.decode(subject), shared.decode(name)]).toEqual(["【重要】調達要領の改訂について", "例示機構 調達課"]);
    // Other encodings and streaming decodes are the native decoder's.
    expect(new Fixed("utf-8").decode(Buffer.from("日本"))).toBe("日本");
  });

  it("is installed only where the probe finds the fault", () => {
    const faulty = { TextDecoder: FaultyDecoder as typeof TextDecoder };
    expect(installTextDecoderFix(faulty)).toBe(true);
    expect(faulty.TextDecoder).not.toBe(FaultyDecoder);
    const sound = { TextDecoder };
    expect(installTextDecoderFix(sound)).toBe(false);
    expect(sound.TextDecoder).toBe(TextDecoder);
  });
});
