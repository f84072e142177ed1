// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { applyTheme } from "../../src/taskpane/theme.js";

describe("applyTheme", () => {
  it("takes the Office theme's colours and darkness", () => {
    const root = document.createElement("html");
    applyTheme(root, { bodyBackgroundColor: "#1F1F1F", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#333333", isDarkTheme: true }, false);
    expect(root.style.getPropertyValue("--ctm-bg")).toBe("#1F1F1F");
    expect(root.style.getPropertyValue("--ctm-fg")).toBe("#FFFFFF");
    expect(root.style.getPropertyValue("--ctm-bg-muted")).toBe("#333333");
    expect(root.dataset.theme).toBe("dark");
  });

  it("judges darkness from the background when the theme does not say", () => {
    const root = document.createElement("html");
    applyTheme(root, { bodyBackgroundColor: "#202020" }, false);
    expect(root.dataset.theme).toBe("dark");
    applyTheme(root, { bodyBackgroundColor: "#FAFAFA" }, true);
    expect(root.dataset.theme).toBe("light");
  });

  it("applies nothing but #rrggbb colours", () => {
    const root = document.createElement("html");
    applyTheme(root, { bodyBackgroundColor: "red; background: url(https://evil.example/x)", bodyForegroundColor: "#12345" }, false);
    expect(root.style.getPropertyValue("--ctm-bg")).toBe("");
    expect(root.style.getPropertyValue("--ctm-fg")).toBe("");
    expect(root.dataset.theme).toBe("light");
  });

  it("follows the system setting without an Office theme, and clears colours a previous theme set", () => {
    const root = document.createElement("html");
    applyTheme(root, { bodyBackgroundColor: "#101010" }, false);
    applyTheme(root, undefined, true);
    expect(root.style.getPropertyValue("--ctm-bg")).toBe("");
    expect(root.dataset.theme).toBe("dark");
  });
});
