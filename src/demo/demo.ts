/**
 * The demo host (demo.html): a mock Outlook reading pane beside the real task pane
 * (taskpane.html in an iframe of the same origin), both driven by an Office stand-in that
 * answers the Mailbox calls from an .eml. Sample mails, a file picker / drop zone, and
 * demo.html?eml=<same-origin URL> open a mail; the stand-in records what the pane asked of
 * Office (notification bar lines, new-message forms) and the page shows it — the report mail the
 * pane opens is shown over the reading pane, as the security desk would receive it.
 *
 * Mail content is set as text everywhere, except the mail's HTML body, which is shown the only
 * way a reading pane can show it: inside an iframe with sandbox="" (no script, no forms, no
 * popups, no navigation of this page) and its own CSP that blocks every remote load, stripped
 * first of everything that could reach the network anyway (inert-html.ts).
 *
 * Query parameters: eml=<same-origin URL>, lang=ja|en, mailbox=1.14|1.8|1.5.
 */
import { NOTIFICATION_ICON } from "../hosts/outlook/notify.js";
import { installInMemoryBlob } from "../hosts/outlook/blob.js";
import { installTextDecoderFix } from "../hosts/outlook/text-decoder.js";
import { notMail, notMailDiagnostic } from "../core/input-kind.js";
import { DEFAULT_LIMITS } from "../core/options.js";
import { STAND_IN_KEY } from "../taskpane/embedding.js";
import { OfficeStandIn, type OpenItem, type RecordedCall } from "./office-standin.js";
import { byId, el } from "./dom.js";
import { readingPaneDocument, scriptlessParser } from "./inert-html.js";
import { sampleItems, sampleNames, sampleUrl } from "./samples.js";
import { DEMO_TEXT, type DemoLanguage } from "./text.js";

// The demo parses mail with postal-mime too (see text-decoder.ts and blob.ts).
installTextDecoderFix(window);
installInMemoryBlob(window);

/** Icons of the manifest's <bt:Images> (npm run validate checks the notification icon is one). */
const MANIFEST_ICONS = ["Icon.16x16", "Icon.32x32", "Icon.80x80", NOTIFICATION_ICON];
const SLOW_MS = 800;

const params = new URLSearchParams(location.search);
const initialLang = params.get("lang") ?? (navigator.language.toLowerCase().startsWith("ja") ? "ja" : "en");
const standIn = new OfficeStandIn({
  displayLanguage: initialLang === "ja" ? "ja-JP" : "en-US",
  mailbox: ["1.14", "1.8", "1.5"].includes(params.get("mailbox") ?? "") ? params.get("mailbox")! : "1.14",
  icons: MANIFEST_ICONS,
});
// What the task pane looks for in a same-origin parent when Office.onReady says "no host".
(window as unknown as Record<string, unknown>)[STAND_IN_KEY] = standIn;

const $ = byId;

function lang(): DemoLanguage {
  return standIn.settings.displayLanguage.startsWith("ja") ? "ja" : "en";
}


function applyLanguage(): void {
  const l = lang();
  document.documentElement.lang = l;
  for (const e of document.querySelectorAll<HTMLElement>("[data-text]")) {
    const key = e.dataset.text as keyof typeof DEMO_TEXT;
    if (DEMO_TEXT[key]) e.textContent = DEMO_TEXT[key][l];
  }
  ($("lang") as HTMLSelectElement).value = standIn.settings.displayLanguage;
  ($("client") as HTMLSelectElement).value = standIn.settings.mailbox;
}

// ---- the task pane ---------------------------------------------------------------------------

/** Opens (or re-opens) the task pane, as the ribbon button does: a fresh load of taskpane.html. */
function openPane(): void {
  const frame = el("iframe");
  frame.src = "taskpane.html";
  frame.title = DEMO_TEXT.paneTitle[lang()];
  frame.className = "demo-pane__iframe";
  $("pane").replaceChildren(frame);
}

// ---- the reading pane ------------------------------------------------------------------------

/** Where the mail's HTML is parsed before the reading pane gets it: a frame that runs no script. */
const parseMail = scriptlessParser(document.body);

function showMessage(open: OpenItem): void {
  const { email } = open;
  $("msg-subject").textContent = email.subject ?? "";
  const who = (a: { name: string; address: string }) => (a.name ? `${a.name} <${a.address}>` : a.address);
  const from = email.from && !email.from.group ? who(email.from) : "";
  $("msg-from").textContent = from;
  $("msg-to").textContent = (email.to ?? []).flatMap((a) => (a.group ? a.group : [a])).map(who).join(", ");
  $("msg-date").textContent = email.date ? new Date(email.date).toLocaleString(lang() === "ja" ? "ja-JP" : "en-US") : "";
  $("msg-attachments").replaceChildren(
    ...open.attachments.filter((a) => !a.isInline).map((a) => el("li", `${a.name || "(no name)"} · ${a.size.toLocaleString("en-US")} B`, "demo-attachment")),
  );
  $("msg-error").hidden = true;
  const body = $("msg-body");
  if (email.html !== undefined) {
    // One frame, kept from mail to mail (a new sandboxed frame may cost a new process).
    const frame = body.querySelector("iframe") ?? el("iframe");
    // sandbox="" : no script, no forms, no popups, no top navigation, an opaque origin.
    frame.setAttribute("sandbox", "");
    frame.setAttribute("referrerpolicy", "no-referrer");
    frame.title = DEMO_TEXT.body[lang()];
    frame.className = "demo-message__frame";
    // The one place mail HTML becomes a document: srcdoc of the sandboxed frame above, behind a
    // policy that blocks every remote load, with everything that could still reach the network
    // (DNS prefetch, preconnect, frames, a link's click) taken out first (see inert-html.ts).
    // eslint-disable-next-line no-restricted-properties -- the sandboxed reading pane, see above
    frame.srcdoc = readingPaneDocument(email.html, parseMail);
    if (frame.parentElement !== body || body.childElementCount !== 1) body.replaceChildren(frame);
  } else {
    body.replaceChildren(el("pre", email.text ?? "", "demo-message__text"));
  }
  showNotifications();
}

function showNotifications(): void {
  const open = standIn.current;
  const lines = open ? [...(standIn.notifications.get(open.id)?.entries() ?? [])] : [];
  $("notification-bar").replaceChildren(
    ...lines.map(([key, d]) => {
      const li = el("li", d.message, `demo-notification demo-notification--${d.type}`);
      li.dataset.key = key;
      return li;
    }),
  );
}

// ---- the draft the pane opened ---------------------------------------------------------------

interface DraftParameters {
  readonly toRecipients?: readonly (string | { emailAddress?: string })[];
  readonly subject?: string;
  readonly htmlBody?: string;
  readonly attachments?: readonly { type?: string; name?: string; itemId?: string }[];
}

/**
 * The text of a draft's htmlBody, as a person reads it: parsed by DOMParser into an inert
 * document (no script runs, nothing loads) and shown as text — the <pre> and <p> blocks the
 * pane wrote, in order.
 */
function draftText(html: string): string {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  const blocks = Array.from(parsed.body.querySelectorAll("pre, p")).map((e) => e.textContent ?? "");
  return blocks.length > 0 ? blocks.join("\n\n") : (parsed.body.textContent ?? "");
}

/** Shows the mail the pane asked Outlook to open: recipients, subject, attachments, body text. */
function showDraft(parameters: DraftParameters): void {
  const l = lang();
  $("draft-to").textContent = (parameters.toRecipients ?? []).map((r) => (typeof r === "string" ? r : (r.emailAddress ?? ""))).join(", ");
  $("draft-subject").textContent = parameters.subject ?? "";
  $("draft-attachments").textContent = (parameters.attachments ?? [])
    .map((a) => (a.type === "item" ? `${a.name ?? ""} (${DEMO_TEXT.draftItem[l]}: ${a.itemId ?? ""})` : (a.name ?? "")))
    .join(", ");
  $("draft-body").textContent = draftText(parameters.htmlBody ?? "");
  const draft = $("draft");
  draft.hidden = false;
  draft.dataset.itemId = standIn.current?.id ?? "";
}

function showError(message: string): void {
  const error = $("msg-error");
  error.textContent = message;
  error.hidden = false;
}

// ---- the call log ----------------------------------------------------------------------------

function describeCall(call: RecordedCall): string {
  switch (call.kind) {
    case "notificationMessages.addAsync":
    case "notificationMessages.replaceAsync":
      return `${call.kind}("${call.key}", ${call.details.type}: "${call.details.message}")${call.ok ? "" : ` → ${call.error}`}`;
    case "notificationMessages.removeAsync":
      return `${call.kind}("${call.key}")${call.ok ? "" : ` → ${call.error}`}`;
    case "displayNewMessageForm": {
      const p = call.parameters as DraftParameters;
      const to = (p.toRecipients ?? []).map((r) => (typeof r === "string" ? r : r.emailAddress)).join(", ");
      const attachments = (p.attachments ?? []).map((a) => `${a.type} "${a.name}"`).join(", ");
      return `${call.kind}(to: ${to}; subject: "${p.subject ?? ""}"; htmlBody: ${(p.htmlBody ?? "").length} characters; attachments: ${attachments || "none"})${call.error ? ` → ${call.error}` : ""}`;
    }
    case "ItemChanged":
      return `ItemChanged → ${call.handlers} handler(s)`;
  }
}

standIn.onChange((call) => {
  if (call?.kind === "displayNewMessageForm" && call.error === undefined) showDraft(call.parameters as DraftParameters);
  if (call === null) $("draft").hidden = true; // another mail is open
  if (call) {
    const li = el("li", `${call.itemId ?? "—"} · ${describeCall(call)}`, "demo-log__item");
    li.dataset.kind = call.kind;
    if (call.itemId) li.dataset.item = call.itemId;
    $("calls").prepend(li);
  }
  showNotifications();
});

// ---- opening mail ----------------------------------------------------------------------------

let selected = "";
/** The pane shows a "not a mail" notice instead of taskpane.html; the next mail loads it again. */
let paneReplaced = false;

async function openBytes(bytes: Uint8Array, id: string): Promise<void> {
  selected = id;
  for (const b of document.querySelectorAll<HTMLElement>("[data-sample]")) b.setAttribute("aria-current", String(b.dataset.sample === id));
  // An Outlook .msg, a program or an empty file would otherwise open as a mail with no headers
  // and get a green "No indicators found": say what it is where the verdict would be.
  const other = notMail(bytes);
  if (other) {
    const text = `${id}: ${notMailDiagnostic(other).message[lang()]}`;
    for (const field of ["msg-subject", "msg-from", "msg-to", "msg-date"]) $(field).textContent = "";
    for (const list of ["msg-attachments", "msg-body", "notification-bar"]) $(list).replaceChildren();
    $("draft").hidden = true;
    showError(text);
    const notice = el("p", text, "demo-error");
    notice.dataset.notMail = other.kind;
    notice.setAttribute("role", "alert");
    $("pane").replaceChildren(notice);
    paneReplaced = true;
    return;
  }
  const open = await standIn.openEml(bytes, { id, latencyMs: ($("slow") as HTMLInputElement).checked ? SLOW_MS : 0 });
  showMessage(open);
  if (paneReplaced) {
    paneReplaced = false;
    openPane();
  }
}

/** Mails fetched once per page: selecting a sample again is what Outlook does, not a download. */
const fetched = new Map<string, Promise<Uint8Array>>();

function fetchBytes(url: URL): Promise<Uint8Array> {
  let bytes = fetched.get(url.href);
  if (!bytes) {
    bytes = (async () => {
      const response = await fetch(url.href, { credentials: "same-origin" });
      if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    })();
    fetched.set(url.href, bytes);
    bytes.catch(() => fetched.delete(url.href));
  }
  return bytes;
}

/** demo.html?eml=… accepts this origin's URLs only: the demo never fetches mail from elsewhere. */
function sameOriginUrl(value: string): URL | undefined {
  try {
    const url = new URL(value, location.href);
    return url.origin === location.origin ? url : undefined;
  } catch {
    return undefined;
  }
}

async function openUrl(url: URL, id: string): Promise<void> {
  try {
    await openBytes(await fetchBytes(url), id);
  } catch (e) {
    showError(`${DEMO_TEXT.cannotOpen[lang()]} ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A file from the picker or a drop: read no more than the analysis would (one byte more, so it says it cut). */
async function openFile(file: File): Promise<void> {
  const bytes = await file.slice(0, DEFAULT_LIMITS.maxInputBytes + 1).arrayBuffer();
  await openBytes(new Uint8Array(bytes), file.name);
}

function sampleList(names: readonly string[]): void {
  $("samples").replaceChildren(...sampleItems(names, lang(), (name) => void openUrl(sampleUrl(name), name)));
  for (const b of document.querySelectorAll<HTMLElement>("[data-sample]")) b.setAttribute("aria-current", String(b.dataset.sample === selected));
}

// ---- wiring ----------------------------------------------------------------------------------

async function main(): Promise<void> {
  applyLanguage();
  const names = await sampleNames();
  sampleList(names);

  $("ribbon-check").addEventListener("click", openPane);
  $("draft-close").addEventListener("click", () => {
    $("draft").hidden = true;
  });
  $("lang").addEventListener("change", () => {
    standIn.settings.displayLanguage = ($("lang") as HTMLSelectElement).value;
    applyLanguage();
    sampleList(names);
    openPane(); // Outlook's display language is read when the pane loads
  });
  $("client").addEventListener("change", async () => {
    standIn.settings.mailbox = ($("client") as HTMLSelectElement).value;
    const open = standIn.current;
    if (open) await openBytes(open.bytes, open.id); // the item's methods depend on the client
    openPane();
  });
  ($("file") as HTMLInputElement).addEventListener("change", (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void openFile(file);
  });
  const drop = $("drop");
  for (const target of [drop, document.querySelector<HTMLElement>(".demo-reading")!]) {
    target.addEventListener("dragover", (event) => {
      event.preventDefault();
      drop.classList.add("demo-drop--over");
    });
    target.addEventListener("dragleave", () => drop.classList.remove("demo-drop--over"));
    target.addEventListener("drop", (event) => {
      event.preventDefault();
      drop.classList.remove("demo-drop--over");
      const file = event.dataTransfer?.files[0];
      if (file) void openFile(file);
    });
  }

  const requested = params.get("eml");
  const url = requested === null ? undefined : sameOriginUrl(requested);
  if (requested !== null && url === undefined) showError(`${DEMO_TEXT.notSameOrigin[lang()]} ${requested}`);
  else if (url) await openUrl(url, url.pathname.split("/").pop() || url.pathname);
  else if (names[0] !== undefined) await openUrl(sampleUrl(names[0]), names[0]);
  openPane();
}

void main();
