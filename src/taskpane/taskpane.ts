/**
 * The task pane: Office.onReady → config.json → check the open message → render; re-check when
 * the pinned pane hears ItemChanged; the Report button opens the report form (./reporting.ts).
 * Mail content reaches the page only through ./view, which builds DOM with textContent.
 */
import type { Language } from "../core/i18n.js";
import { clearNotification } from "../hosts/outlook/clear-notification.js";
import { currentItem } from "../hosts/outlook/current-item.js";
import { displayLanguage, languageOf } from "../hosts/outlook/display-language.js";
import { onItemChanged } from "../hosts/outlook/item-changed.js";
import { officeTheme } from "../hosts/outlook/office-theme.js";
import { onOfficeThemeChanged } from "../hosts/outlook/office-theme-changed.js";
import { notificationText } from "../hosts/outlook/notification-text.js";
import { showNotification } from "../hosts/outlook/notify.js";
import { officeReady, OUTLOOK_HOST } from "../hosts/outlook/on-ready.js";
import { mailboxDiagnostics } from "../hosts/outlook/mailbox-diagnostics.js";
import type { ReadMessage } from "../hosts/outlook/read-message.js";
import { MAILBOX, mailboxSupport } from "../hosts/outlook/requirements.js";
import { Checker, type PaneState } from "./checker.js";
import { loadConfig } from "./config.js";
import { embeddingStandIn } from "./embedding.js";
import { browserFacts, reportEnvironment } from "./environment.js";
import { geoLoader } from "./geo.js";
import { PANE_TEXT } from "./messages.js";
import { applyTheme } from "./theme.js";
import { outlookReportHost } from "./outlook-report-host.js";
import { Reporting } from "./reporting.js";
import { copyText, error, mount, renderPaneState, status, type AnalysisState } from "./screen.js";
import type * as EngineModule from "./engine.js";

/** The analysis engine, requested now: it downloads while Office initialises (see ./engine.ts). */
const engine: Promise<typeof EngineModule> = import(/* webpackChunkName: "engine" */ "./engine.js");
engine.catch(() => undefined); // a failure is reported where main() awaits it

/** Office.onReady; outside Office, the stand-in of a same-origin embedding page (the demo host). */
async function ready(): Promise<{ readonly inOutlook: boolean; readonly platform: string | null; readonly demo: boolean }> {
  let info = await officeReady();
  let demo = false;
  if (info.host === null) {
    const standIn = embeddingStandIn(window);
    if (standIn) {
      standIn.install(window);
      demo = true;
      info = await officeReady();
    }
  }
  return { inOutlook: info.host === OUTLOOK_HOST, platform: info.platform, demo };
}

/** Outlook's Office theme (Mailbox 1.14) when the client has it, else the system's light/dark setting. */
function followTheme(inOutlook: boolean): void {
  const system = window.matchMedia("(prefers-color-scheme: dark)");
  const withOfficeTheme = inOutlook && mailboxSupport(MAILBOX.officeTheme);
  const apply = (): void => applyTheme(document.documentElement, withOfficeTheme ? officeTheme() : undefined, system.matches);
  apply();
  system.addEventListener("change", apply);
  if (withOfficeTheme) void onOfficeThemeChanged(apply);
}

async function main(): Promise<void> {
  const root = document.getElementById("app");
  if (!root) return;
  const { inOutlook, platform, demo } = await ready();
  const lang = inOutlook ? displayLanguage() : languageOf(navigator.language);
  document.documentElement.lang = lang;
  followTheme(inOutlook);
  if (!inOutlook) {
    status(root, lang, { kind: "notice", title: PANE_TEXT.notInOutlookTitle, message: PANE_TEXT.notInOutlook }, "not-in-outlook");
    return;
  }
  status(root, lang, { kind: "loading" });

  const base = document.baseURI;
  const config = await loadConfig(base);
  if (config.kind === "invalid") {
    status(root, lang, { kind: "config-error", errors: config.errors });
    return;
  }
  if (config.kind === "unreadable") {
    status(root, lang, error(PANE_TEXT.configUnreadable, config.detail), "config-error");
    return;
  }

  const loaded = await engine;
  const { readMessage, analyze, digestAttachments, createCountryLookup } = loaded;
  // Item 8 of the report (operating system, client), read once, while the first mail is checked.
  const environment = browserFacts(navigator).then((facts) => reportEnvironment(mailboxDiagnostics(), platform, facts));
  /** The item each read came from: the Report button reports the mail that was checked. */
  const itemOf = new WeakMap<ReadMessage, Office.MessageRead>();
  let shown: { state: Extract<PaneState, { kind: "analysis" }>; check: number } | undefined;
  const reporting = new Reporting({
    doc: document,
    lang,
    config: config.config,
    engine: loaded,
    environment,
    source: demo ? "demo" : "outlook",
    host: outlookReportHost(),
    show: (form) => mount(root, form, "report", shown?.check),
    back: () => {
      if (!shown) return;
      render(root, lang, shown.state, shown.check, onReport);
      root.querySelector<HTMLElement>('[data-action="report"]')?.focus();
    },
    copy: copyText,
  });
  const onReport = (state: Extract<PaneState, { kind: "analysis" }>): (() => void) | undefined => {
    const item = itemOf.get(state.read);
    return item ? () => void reporting.open(item, state.analysis, state.read, () => shown?.state === state) : undefined;
  };
  const checker = new Checker<Office.MessageRead>({
    read: async (item) => {
      const read = await readMessage(item);
      itemOf.set(read, item);
      return read;
    },
    analyze,
    digestAttachments,
    config: config.config,
    loadGeo: geoLoader(base, createCountryLookup),
    render: (state: PaneState, check: number) => {
      shown = state.kind === "analysis" ? { state, check } : undefined;
      render(root, lang, state, check, onReport);
    },
    notify: async (item, analysis) => {
      const text = notificationText(analysis, lang);
      if (text === undefined) await clearNotification(item);
      else await showNotification(item, text);
    },
  });

  // A pinned pane stays open while the person moves through the mailbox.
  if (mailboxSupport(MAILBOX.itemChanged)) {
    await onItemChanged(() => void checker.check(currentItem()));
  }
  await checker.check(currentItem());
}

function render(root: HTMLElement, lang: Language, state: PaneState, check: number, onReport: (state: AnalysisState) => (() => void) | undefined): void {
  renderPaneState(root, lang, state, check, { noItem: { kind: "notice", title: PANE_TEXT.noItemTitle, message: PANE_TEXT.noItem }, onReport });
}

main().catch((e: unknown) => {
  const root = document.getElementById("app");
  if (root) status(root, languageOf(navigator.language), error(PANE_TEXT.failed, e instanceof Error ? e.message : String(e)));
});
