/** The sample mails of the two demo pages (demo.html, thunderbird-demo.html): their names and their list. */
import { el } from "./dom.js";
import { sampleTitle, type DemoLanguage } from "./text.js";

/** The names the dev server lists in samples/index.json; none when it cannot be read (the page still opens files). */
export async function sampleNames(): Promise<string[]> {
  try {
    const response = await fetch("samples/index.json", { credentials: "same-origin" });
    const names: unknown = await response.json();
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === "string") : [];
  } catch {
    return [];
  }
}

/** One list item per sample: a button with its title in `language` and its file name, which calls `open` with the name. */
export function sampleItems(names: readonly string[], language: DemoLanguage, open: (name: string) => void): HTMLLIElement[] {
  return names.map((name) => {
    const button = el("button", undefined, "demo-list__item");
    button.type = "button";
    button.dataset.sample = name;
    button.append(el("span", sampleTitle(name, language), "demo-list__title"), el("span", name, "demo-list__file"));
    button.addEventListener("click", () => open(name));
    const li = el("li");
    li.append(button);
    return li;
  });
}

/** The URL of a sample mail on the dev server. */
export function sampleUrl(name: string): URL {
  return new URL(`samples/${encodeURIComponent(name)}`, location.href);
}
