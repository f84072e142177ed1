import { readFileSync, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
// Plain JS modules of scripts/ (this folder's tsconfig allows JS and infers their types).
import { checkManifest, pngSize, rebaseManifest } from "../../scripts/manifest-check.js";
import { png } from "../../scripts/make-icons.js";

type Check = (xml: string, options: Record<string, unknown>) => { errors: string[]; passed: string[] };
const check = checkManifest as Check;

const ROOT = new URL("../../", import.meta.url);
const MANIFEST = readFileSync(new URL("manifest.xml", ROOT), "utf8");
const BASE = "https://localhost:3000/";
const readFile = (relative: string): Uint8Array | undefined => {
  const url = new URL(relative, ROOT);
  return existsSync(url) ? readFileSync(url) : undefined;
};
const run = (xml: string, options: Record<string, unknown> = {}) => check(xml, { baseUrl: BASE, readFile, notificationIcon: "Icon.16x16", ...options });
const errorsAfter = (from: string, to: string, options: Record<string, unknown> = {}): string[] => {
  expect(MANIFEST).toContain(from);
  return run(MANIFEST.replace(from, to), options).errors;
};

describe("manifest.xml, by the project's own rules", () => {
  it("passes them all", () => {
    const { errors, passed } = run(MANIFEST);
    expect(errors).toEqual([]);
    expect(passed.length).toBeGreaterThanOrEqual(9);
  });

  it("asks for ReadItem and nothing more", () => {
    expect(errorsAfter("<Permissions>ReadItem</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>").join()).toContain("more than the add-in needs");
  });

  it("every resid resolves, to a resource of the right kind", () => {
    expect(errorsAfter('<Label resid="Check.Label" />', '<Label resid="Check.Lable" />').join()).toContain('resid="Check.Lable"> names no defined resource');
    expect(errorsAfter('<Description resid="Check.Tooltip" />', '<Description resid="Check.Label" />').join()).toContain("must name a LongStrings resource");
    expect(run(MANIFEST, { notificationIcon: "Icon.20x20" }).errors.join()).toContain('notification icon "Icon.20x20"');
  });

  it("every URL starts with the build's base URL", () => {
    expect(errorsAfter('"https://localhost:3000/taskpane.html"', '"https://elsewhere.example/taskpane.html"').join()).toContain("has https://elsewhere.example/taskpane.html");
    const rebased = rebaseManifest(MANIFEST, BASE, "https://mail-check.example.co.jp/addin/");
    expect(run(rebased, { baseUrl: "https://mail-check.example.co.jp/addin/" }).errors).toEqual([]);
    expect(run(rebased).errors.join()).toContain("every URL starts with https://localhost:3000/");
  });

  it("icons exist and have the sizes the manifest declares", () => {
    expect(run(MANIFEST, { readFile: (p: string) => (p.endsWith("icon-16.png") ? undefined : readFile(p)) }).errors.join()).toContain("assets/icon-16.png does not exist");
    const wrong = run(MANIFEST, { readFile: (p: string) => (p.endsWith("icon-80.png") ? png(32) : readFile(p)) }).errors.join();
    expect(wrong).toContain("assets/icon-80.png is 32×32, declared 80×80");
    expect(errorsAfter('<bt:Image size="80" resid="Icon.80x80" />', "").join()).toContain("mandatory 80×80");
  });

  it("the ribbon button needs Mailbox 1.8, the add-in itself 1.1", () => {
    expect(errorsAfter('DefaultMinVersion="1.8"', 'DefaultMinVersion="1.5"').join()).toContain("requires Mailbox 1.5");
    expect(errorsAfter('MinVersion="1.1"', 'MinVersion="1.3"').join()).toContain("base requirement Mailbox 1.1");
  });

  it("opens a pinnable task pane from the read surface only", () => {
    expect(errorsAfter("<SupportsPinning>true</SupportsPinning>", "").join()).toContain("SupportsPinning");
    expect(errorsAfter('xsi:type="MessageReadCommandSurface"', 'xsi:type="MessageComposeCommandSurface"').join()).toContain("unexpected extension point");
  });

  it("every visible string has its ja-JP override, and the button says 「このメールをチェック」", () => {
    expect(MANIFEST).toContain('<bt:Override Locale="ja-JP" Value="このメールをチェック" />');
    expect(errorsAfter('<bt:Override Locale="ja-JP" Value="このメールをチェック" />', "").join()).toContain('string "Check.Label" has no ja-JP override');
  });

  it("the committed icons are PNGs of their sizes (regenerate with npm run build:icons)", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const bytes = readFileSync(new URL(`assets/icon-${size}.png`, ROOT));
      expect(pngSize(bytes)).toEqual({ width: size, height: size });
      expect(Buffer.compare(bytes, png(size))).toBe(0);
    }
  });
});
