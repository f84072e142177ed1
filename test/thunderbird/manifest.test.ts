/**
 * The Thunderbird add-on's manifest (src/hosts/thunderbird/extension) and the policy the build
 * writes into it: Manifest V3 with a message display button and its popup, the fixed id the
 * administrator's policy names, only the permissions the host files need, a strict CSP, and every
 * __MSG_…__ string in both _locales.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ADDON_ID } from "../../src/hosts/thunderbird/addon-id.js";
import { popupCsp } from "../../webpack.thunderbird.config.js";

const DIR = new URL("../../src/hosts/thunderbird/extension/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("manifest.json", DIR), "utf8"));
const locale = (lang: string): Record<string, { message: string }> => JSON.parse(readFileSync(new URL(`_locales/${lang}/messages.json`, DIR), "utf8"));

describe("the Thunderbird manifest", () => {
  it("Manifest V3, Thunderbird 128 and later, the fixed id, a message display button with the popup", () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.browser_specific_settings.gecko).toEqual({ id: ADDON_ID, strict_min_version: "128.0" });
    expect(manifest.message_display_action.default_popup).toBe("popup.html");
    expect(existsSync(new URL("popup.html", DIR))).toBe(true);
    expect(manifest.background).toBeUndefined();
    expect(manifest.host_permissions).toBeUndefined();
  });

  it("asks for exactly what the host files call: messagesRead, compose, storage", () => {
    expect([...manifest.permissions].sort()).toEqual(["compose", "messagesRead", "storage"]);
    const calls = readdirSync(new URL("../../src/hosts/thunderbird/", import.meta.url))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => readFileSync(new URL(`../../src/hosts/thunderbird/${f}`, import.meta.url), "utf8"))
      .join("\n");
    // No call that would need another permission (sending, accounts, tabs' URLs).
    expect(calls).not.toMatch(/messenger\.(?:accounts|identities|folders)\b|compose\.sendMessage|messenger\.messages\.(?:update|move|delete)\b/);
  });

  it("the popup's policy: scripts and objects locked down, connections only to the add-in and the intake", () => {
    expect(manifest.content_security_policy.extension_pages).toContain("script-src 'self'");
    expect(manifest.content_security_policy.extension_pages).toContain("object-src 'none'");
    const csp = popupCsp(undefined);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toMatch(/unsafe-|\*|https:(?:;|\s)/);
    expect(popupCsp("https://intake.example.co.jp")).toContain("connect-src 'self' https://intake.example.co.jp;");
  });

  it("every __MSG_ string exists in English and Japanese, and the default locale is one of them", () => {
    const keys = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    expect(existsSync(new URL(`_locales/${manifest.default_locale}/messages.json`, DIR))).toBe(true);
    const en = locale("en");
    const ja = locale("ja");
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const key of keys) {
      expect(en[key]?.message, key).toBeTruthy();
      expect(ja[key]?.message, key).toBeTruthy();
    }
    expect(ja.actionLabel!.message).toBe("このメールをチェック");
  });
});
