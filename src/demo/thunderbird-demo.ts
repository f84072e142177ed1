/**
 * The Thunderbird demo host (thunderbird-demo.html): a mock of Thunderbird's message view beside
 * the real popup of the "Check this mail" button (thunderbird-popup.html, in a frame of this
 * origin), driven by a MailExtension stand-in (./messenger-standin.ts) that answers from an .eml.
 * The administrator's policy (storage.managed) is this site's config.json, or none. The message
 * the popup opens with compose.beginNew is shown over the reading pane; nothing is sent.
 *
 * Mail content is set as text everywhere (the body shown is the text part).
 * Query parameters: eml=<same-origin URL>, lang=ja|en, policy=config|none.
 */
import { installInMemoryBlob } from "../hosts/outlook/blob.js";
import { installTextDecoderFix } from "../hosts/outlook/text-decoder.js";
import { MESSENGER_STAND_IN_KEY } from "../hosts/thunderbird/ready.js";
import { MessengerStandIn, type MessengerCall } from "./messenger-standin.js";
import { byId, el } from "./dom.js";
import { sampleItems, sampleNames, sampleUrl } from "./samples.js";
import { type DemoLanguage } from "./text.js";
import { TB_DEMO_TEXT, tbText, type TbDemoKey } from "./thunderbird-text.js";

installTextDecoderFix(window);
installInMemoryBlob(window);

const params = new URLSearchParams(location.search);
const standIn = new MessengerStandIn({
  uiLanguage: (params.get("lang") ?? navigator.language).toLowerCase().startsWith("ja") ? "ja" : "en-US",
  policy: null,
});
(window as unknown as Record<string, unknown>)[MESSENGER_STAND_IN_KEY] = standIn;

const $ = byId;
const lang = (): DemoLanguage => (standIn.settings.uiLanguage.startsWith("ja") ? "ja" : "en");


function applyLanguage(): void {
  document.documentElement.lang = lang();
  for (const e of document.querySelectorAll<HTMLElement>("[data-text]")) {
    const key = e.dataset.text as TbDemoKey;
    if (TB_DEMO_TEXT[key]) e.textContent = tbText(key, lang());
  }
  ($("lang") as HTMLSelectElement).value = lang() === "ja" ? "ja" : "en-US";
}

/** The popup, opened afresh as a click on the button does. */
function openPopup(): void {
  const frame = el("iframe");
  frame.src = "thunderbird-popup.html";
  frame.title = tbText("popupTitle", lang());
  frame.className = "demo-pane__iframe";
  $("pane").replaceChildren(frame);
}

async function setPolicy(kind: string): Promise<void> {
  ($("policy") as HTMLSelectElement).value = kind === "none" ? "none" : "config";
  if (kind === "none") {
    standIn.settings.policy = null;
    return;
  }
  try {
    const response = await fetch("config.json", { credentials: "same-origin", cache: "no-cache" });
    standIn.settings.policy = response.ok ? ((await response.json()) as Record<string, unknown>) : null;
  } catch {
    standIn.settings.policy = null;
  }
}

function showMessage(): void {
  const open = standIn.current;
  if (!open) return;
  const h = open.header;
  $("msg-subject").textContent = String(h.subject ?? "");
  $("msg-from").textContent = String(h.author ?? "");
  $("msg-to").textContent = ((h.recipients as string[] | undefined) ?? []).join(", ");
  $("msg-date").textContent = h.date instanceof Date ? h.date.toLocaleString(lang() === "ja" ? "ja-JP" : "en-US") : "";
  $("msg-attachments").replaceChildren(...open.attachments.map((a) => el("li", `${a.name || "(no name)"} · ${a.size.toLocaleString("en-US")} B`, "demo-attachment")));
  $("msg-body").textContent = open.email.text ?? "";
  $("msg-error").hidden = true;
  $("draft").hidden = true;
}

function showDraft(call: Extract<MessengerCall, { api: "compose.beginNew" }>): void {
  const { details } = call;
  $("draft-to").textContent = details.to.join(", ");
  $("draft-subject").textContent = details.subject;
  $("draft-attachments").textContent = details.attachments.map((a) => `${a.name} (${a.type}, ${a.size.toLocaleString("en-US")} B)`).join(", ");
  $("draft-body").textContent = details.plainTextBody ?? details.body ?? "";
  $("draft").hidden = false;
}

function describe(call: MessengerCall): string {
  if (call.api === "compose.beginNew" && call.details) {
    const d = call.details;
    return `compose.beginNew(to: ${d.to.join(", ")}; subject: "${d.subject}"; plainTextBody: ${(d.plainTextBody ?? "").length} characters; attachments: ${d.attachments.map((a) => `${a.name} ${a.type}`).join(", ") || "none"})`;
  }
  return `${call.api}(${call.messageId ?? ""})`;
}

standIn.onChange((call) => {
  if (call === null) return;
  if (call.api === "compose.beginNew" && call.details) showDraft(call as Extract<MessengerCall, { api: "compose.beginNew" }>);
  const li = el("li", describe(call), "demo-log__item");
  li.dataset.api = call.api;
  $("calls").prepend(li);
});

async function openUrl(url: URL, name: string): Promise<void> {
  try {
    if (url.origin !== location.origin) throw new Error(url.href);
    const response = await fetch(url.href, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
    await standIn.openEml(new Uint8Array(await response.arrayBuffer()), name);
    for (const b of document.querySelectorAll<HTMLElement>("[data-sample]")) b.setAttribute("aria-current", String(b.dataset.sample === name));
    showMessage();
  } catch (e) {
    const error = $("msg-error");
    error.textContent = `${tbText("cannotOpen", lang())} ${e instanceof Error ? e.message : String(e)}`;
    error.hidden = false;
  }
}

async function main(): Promise<void> {
  applyLanguage();
  await setPolicy(params.get("policy") ?? "config");
  const names = await sampleNames();
  // Selecting another mail closes the popup, as in Thunderbird.
  $("samples").replaceChildren(...sampleItems(names, lang(), (name) => void openUrl(sampleUrl(name), name).then(() => $("pane").replaceChildren())));
  $("action").addEventListener("click", openPopup);
  $("draft-close").addEventListener("click", () => ($("draft").hidden = true));
  $("lang").addEventListener("change", () => {
    standIn.settings.uiLanguage = ($("lang") as HTMLSelectElement).value;
    applyLanguage();
  });
  $("policy").addEventListener("change", () => void setPolicy(($("policy") as HTMLSelectElement).value));

  const requested = params.get("eml");
  const first = requested ?? (names[0] === undefined ? undefined : `samples/${encodeURIComponent(names[0])}`);
  if (first !== undefined) {
    const url = new URL(first, location.href);
    await openUrl(url, url.pathname.split("/").pop() || url.pathname);
  }
  openPopup();
}

void main();
