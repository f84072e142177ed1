/**
 * The task pane: Office.onReady → config.json → check the open message → render; re-check when
 * the pinned pane hears ItemChanged; the Report button opens the report form (./reporting.ts).
 * Mail content reaches the page only through ./view, which builds DOM with textContent.
 */
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
import { MAILBOX, mailboxSupport } from "../hosts/outlook/requirements.js";
import { loadConfig } from "./config.js";
import { embeddingStandIn } from "./embedding.js";
import { browserFacts, reportEnvironment } from "./environment.js";
import { PANE_TEXT } from "./messages.js";
import { applyTheme } from "./theme.js";
import { outlookReportHost } from "./outlook-report-host.js";
import { error, status, usableConfig } from "./screen.js";
import { paneSession } from "./session.js";
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
  const config = usableConfig(root, lang, await loadConfig(base));
  if (!config) return;

  const loaded = await engine;
  const checker = paneSession<Office.MessageRead>({
    root,
    lang,
    config: config.config,
    engine: loaded,
    read: loaded.readMessage,
    // Item 8 of the report (operating system, client), read once, while the first mail is checked.
    environment: browserFacts(navigator).then((facts) => reportEnvironment(mailboxDiagnostics(), platform, facts)),
    source: demo ? "demo" : "outlook",
    reportHost: outlookReportHost(),
    noItem: { kind: "notice", title: PANE_TEXT.noItemTitle, message: PANE_TEXT.noItem },
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


main().catch((e: unknown) => {
  const root = document.getElementById("app");
  if (root) status(root, languageOf(navigator.language), error(PANE_TEXT.failed, e instanceof Error ? e.message : String(e)));
});
