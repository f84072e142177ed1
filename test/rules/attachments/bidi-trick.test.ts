import { describe, expect, it } from "vitest";
import { ATT_BIDI_TRICK } from "../../../src/core/rules/attachments/index.js";
import { eml } from "../../helpers/build.js";
import { analyzeEmlWith, fire, values } from "./fixtures.js";

describe("ATT_BIDI_TRICK", () => {
  it("has the stable ID ATT_BIDI_TRICK in the attachments group", () => {
    expect(ATT_BIDI_TRICK).toMatchObject({ id: "ATT_BIDI_TRICK", group: "attachments" });
  });

  it("fires on a right-to-left override and shows the name with the control made visible", () => {
    const finding = fire(ATT_BIDI_TRICK, { name: "請求書\u202Ecod.exe" });
    expect(finding?.severity).toBe("high");
    expect(values(finding)[0]).toBe("請求書[U+202E]cod.exe");
    expect(values(finding)).toContain(".exe");
    // Nothing that can reorder the pane's text survives into the evidence.
    expect(values(finding).join("")).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/u);
  });

  it.each([
    ["\u202A", "[U+202A]"],
    ["\u202B", "[U+202B]"],
    ["\u202C", "[U+202C]"],
    ["\u202D", "[U+202D]"],
    ["\u2066", "[U+2066]"],
    ["\u2067", "[U+2067]"],
    ["\u2068", "[U+2068]"],
    ["\u2069", "[U+2069]"],
  ])("fires high on %j", (control, shown) => {
    const finding = fire(ATT_BIDI_TRICK, { name: `doc${control}fdp.scr` });
    expect(finding?.severity).toBe("high");
    expect(values(finding)[0]).toBe(`doc${shown}fdp.scr`);
  });

  it("fires medium on a lone LRM/RLM in a left-to-right name, low beside Hebrew or Arabic letters", () => {
    expect(fire(ATT_BIDI_TRICK, { name: "invoice\u200F.pdf" })?.severity).toBe("medium");
    expect(fire(ATT_BIDI_TRICK, { name: "invoice\u200E.pdf" })?.severity).toBe("medium");
    expect(fire(ATT_BIDI_TRICK, { name: "\u05d3\u05d5\u05d7\u200F.pdf" })?.severity).toBe("low");
    expect(fire(ATT_BIDI_TRICK, { name: "\u062a\u0642\u0631\u064a\u0631\u061c.pdf" })?.severity).toBe("low");
  });

  it.each(["report.pdf", "my.file.name.docx", "\u05d3\u05d5\u05d7.pdf", "تقرير.docx", "zero\u200Bwidth.pdf", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.pdf"])(
    "stays quiet on %s (no bidi control)",
    (name) => {
      expect(fire(ATT_BIDI_TRICK, { name })).toBeUndefined();
    },
  );

  it("finds the control in an RFC 2047 encoded name read from an .eml", async () => {
    // "=E2=80=AE" is U+202E in UTF-8.
    const source = eml(
      ["From: a@example.jp", "Subject: s", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="b"'],
      [
        "--b",
        "Content-Type: text/plain",
        "",
        "hi",
        "--b",
        'Content-Type: application/octet-stream; name="=?UTF-8?Q?invoice=E2=80=AEfdp.exe?="',
        'Content-Disposition: attachment; filename="=?UTF-8?Q?invoice=E2=80=AEfdp.exe?="',
        "",
        "AAAA",
        "--b--",
        "",
      ].join("\r\n"),
    );
    const analysis = await analyzeEmlWith([ATT_BIDI_TRICK], source);
    expect(values(analysis.findings[0])[0]).toBe("invoice[U+202E]fdp.exe");
  });

  it("never fires on an inline logo", () => {
    expect(fire(ATT_BIDI_TRICK, { name: "lo\u202Ego.png", type: "image/png", inline: true, contentId: "<l>" })).toBeUndefined();
  });
});
