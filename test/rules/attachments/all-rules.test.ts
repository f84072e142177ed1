import { describe, expect, it } from "vitest";
import { RULES } from "../../../src/core/rules/index.js";
import { ATTACHMENTS_RULES } from "../../../src/core/rules/attachments/index.js";
import { eml } from "../../helpers/build.js";
import { analyzeEmlWith, withAttachments } from "./fixtures.js";

const IDS = [
  "ATT_EXECUTABLE",
  "ATT_DOUBLE_EXTENSION",
  "ATT_BIDI_TRICK",
  "ATT_MACRO_DOCUMENT",
  "ATT_REMOTE_TEMPLATE",
  "ATT_EQUATION_EDITOR",
  "ATT_ENCRYPTED_ARCHIVE",
  "ATT_ARCHIVE_WITH_EXECUTABLE",
  "ATT_TYPE_MISMATCH",
  "ATT_PDF_ACTIVE",
  "ATT_HTML",
  "ATT_EXPLOITED_FORMAT",
];

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

describe("attachment rule catalogue", () => {
  it("registers every catalogue ID once, in catalogue order, in the global rule list", () => {
    expect(ATTACHMENTS_RULES.map((r) => r.id)).toEqual(IDS);
    for (const rule of ATTACHMENTS_RULES) expect(RULES.filter((r) => r.id === rule.id)).toEqual([rule]);
  });

  it.each(ATTACHMENTS_RULES.map((r) => [r.id, r] as const))("%s has group, severity and ja/en texts", (_id, rule) => {
    expect(rule.group).toBe("attachments");
    expect(["high", "medium", "low", "info"]).toContain(rule.severity);
    for (const text of [rule.title, rule.explanation]) {
      expect(text.ja).toMatch(JAPANESE);
      expect(text.en).not.toMatch(JAPANESE);
      expect(text.en.length).toBeGreaterThan(10);
    }
  });
});

/** A mail with a signature logo and pictures in multipart/related, as Outlook and Gmail send them. */
function logoMail(names: readonly [name: string, type: string, disposition: string][]): string {
  const parts = names.map(([name, type, disposition], i) =>
    [
      "--rel",
      `Content-Type: ${type}; name="${name}"`,
      "Content-Transfer-Encoding: base64",
      `Content-ID: <image${i}@example.jp>`,
      ...(disposition === "" ? [] : [`Content-Disposition: ${disposition}; filename="${name}"`]),
      "",
      "iVBORw0KGgo=",
    ].join("\r\n"),
  );
  const html = names.map((_, i) => `<img src="cid:image${i}@example.jp">`).join("");
  return eml(
    ["From: a@example.jp", "Subject: logos", "MIME-Version: 1.0", 'Content-Type: multipart/related; boundary="rel"'],
    ["--rel", "Content-Type: text/html; charset=utf-8", "", `<p>Hello</p>${html}`, ...parts, "--rel--", ""].join("\r\n"),
  );
}

describe("inline images", () => {
  it("never fire anything, whatever the logo is called", async () => {
    const analysis = await analyzeEmlWith(
      ATTACHMENTS_RULES,
      logoMail([
        ["image001.png", "image/png", "inline"],
        ["image002.jpg", "image/jpeg", ""],
        ["banner.pdf", "image/jpeg", "inline"],
        ["Outlook-xyz.gif", "image/gif", "inline"],
        ["logo.png", "application/octet-stream", "inline"],
        ["\u202Elogo.png", "image/png", "inline"],
      ]),
    );
    expect(analysis.attachments).toHaveLength(6);
    expect(analysis.attachments.every((a) => a.inline)).toBe(true);
    expect(analysis.findings).toEqual([]);
    expect(analysis.diagnostics.filter((d) => d.code === "ATTACHMENT_CONTENT_NOT_INSPECTED")).toEqual([]);
  });

  it("an image attached (not inline) is an ordinary file and stays quiet too", () => {
    expect(withAttachments(ATTACHMENTS_RULES, { name: "photo.jpeg", type: "image/jpeg" }).findings).toEqual([]);
  });
});

describe("hostile names", () => {
  it.each([
    ["spaces", `a${" ".repeat(200_000)}.pdf${" ".repeat(200_000)}.exe`],
    ["dots", `${".".repeat(200_000)}exe`],
    ["fake dots", `${"\uff0e".repeat(200_000)}pdf.exe`],
    ["controls", "\u202E".repeat(200_000)],
    ["underscores", `x.pdf${"_".repeat(200_000)}.exe`],
  ])("are handled in linear time (%s)", (_kind, name) => {
    // No time is asserted (speed is the benchmarks' job): quadratic work on 400,000 characters would stall the suite.
    const analysis = withAttachments(ATTACHMENTS_RULES, { name, type: "text/html" });
    expect(analysis.verdict).toBeDefined();
  });

  it("all rules together on a textbook disguised program", () => {
    const analysis = withAttachments(ATTACHMENTS_RULES, { name: "資料.pdf\u3000\u3000\u3000\u3000\u3000\u3000.exe", type: "application/pdf" });
    expect(analysis.findings.map((f) => [f.id, f.severity])).toEqual([
      ["ATT_DOUBLE_EXTENSION", "high"],
      ["ATT_EXECUTABLE", "high"],
      ["ATT_TYPE_MISMATCH", "medium"],
    ]);
    expect(analysis.verdict).toBe("danger");
  });
});
