/** The little DOM helpers of the two demo pages (demo.html, thunderbird-demo.html): text only, never markup. */

/** The element `#id` of this page; a page without it is a build mistake, said plainly. */
export function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`${location.pathname.split("/").pop() ?? "the page"} has no #${id}`);
  return element as T;
}

/** A new element with `text` as its text and an optional class. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}
