import { describe, expect, it } from "vitest";
import { findObfuscation, foldForMatching } from "../../src/core/text/obfuscation.js";

describe("findObfuscation", () => {
  it("finds invisible characters splitting words and folds them away", () => {
    const report = findObfuscation("Co\u{E0139}\u{E0139}in\u{E0139}base Serv\u200Bices");
    expect([...report!.kinds]).toEqual(["invisible"]);
    expect(report!.folded).toBe("Coinbase Services");
  });

  it("finds marks of another script stacked on Latin letters", () => {
    const report = findObfuscation("A\u073Fm\u073Fa\u073Fz\u073Fon");
    expect([...report!.kinds]).toEqual(["foreign-mark"]);
    expect(report!.folded).toBe("Amazon");
  });

  it("reads mathematical letters as the letters they imitate", () => {
    const report = findObfuscation("[𝗡𝗲𝘁𝗳𝗹𝗶𝘅]: Account On-Hold!");
    expect([...report!.kinds]).toEqual(["math-letters"]);
    expect(report!.folded).toBe("[Netflix]: Account On-Hold!");
  });

  it("leaves ordinary text alone: emoji sequences, decomposed accents, Japanese, full-width", () => {
    for (const plain of [
      "👩\u200D💻 Team news ❤\uFE0F",
      "Cafe\u0301 re\u0301sume\u0301",
      "【重要】ご請求について",
      "ＡＢＣ株式会社",
      "\u200Bleading and trailing\u200B",
      "Re: 会議の件",
    ]) {
      expect(findObfuscation(plain), plain).toBeUndefined();
    }
    expect(foldForMatching("ＡＢＣ株式会社")).toBe("ABC株式会社");
  });

  it("stays linear on long hostile input", () => {
    const hostile = "a\u200B".repeat(100_000);
    expect(findObfuscation(hostile)!.folded).toBe("a".repeat(100_000));
  });
});
