/**
 * The popup of the "Check this mail" button in Thunderbird's message header toolbar
 * (message_display_action): the same flow as the Outlook pane (src/taskpane) — settings, check
 * the shown message, render, Report → the form → delivery — with the Thunderbird host's calls.
 * Shared, not copied: the checker (src/taskpane/checker.ts), the view (src/taskpane/view), the
 * report flow and delivery with the intake fallback (src/taskpane/reporting.ts, report.ts), the
 * country table loader, item 8's operating system. Mail content reaches the page only through
 * the view, which builds DOM with textContent.
 */
import { browserFacts } from "../../taskpane/environment.js";
import { PANE_TEXT } from "../../taskpane/messages.js";
import { applyTheme } from "../../taskpane/theme.js";
import { error, status, usableConfig } from "../../taskpane/screen.js";
import { paneSession } from "../../taskpane/session.js";
import { activeTabId } from "./active-tab.js";
import { browserInfo } from "./browser-info.js";
import { loadManagedConfig } from "./config.js";
import { displayedMessages } from "./displayed-messages.js";
import type * as EngineModule from "./engine.js";
import { thunderbirdEnvironment } from "./environment.js";
import { POPUP_TEXT } from "./messages.js";
import { platformInfo } from "./platform-info.js";
import { messengerReady } from "./ready.js";
import { thunderbirdReportHost } from "./report-host.js";
import { uiLanguage } from "./ui-language.js";

type Header = messenger.messages.MessageHeader;

/** The analysis engine, requested now: it downloads while the settings are read. */
const engine: Promise<typeof EngineModule> = import(/* webpackChunkName: "thunderbird-engine" */ "./engine.js");
engine.catch(() => undefined); // a failure is reported where main() awaits it

/** Which mail to check: the one shown in the tab the button was pressed in. */
async function shownMessage(): Promise<{ kind: "one"; header: Header } | { kind: "none" | "several" } | { kind: "failed"; detail: string }> {
  const tab = await activeTabId();
  const shown = await displayedMessages(tab.ok ? tab.value : undefined);
  if (!shown.ok) return { kind: "failed", detail: shown.detail };
  const valid = shown.value.filter((h) => typeof h?.id === "number");
  if (valid.length === 0) return { kind: "none" };
  return valid.length === 1 ? { kind: "one", header: valid[0]! } : { kind: "several" };
}

async function main(): Promise<void> {
  const root = document.getElementById("app");
  if (!root) return;
  const { inThunderbird, demo } = messengerReady(window);
  const lang = uiLanguage(navigator.language);
  document.documentElement.lang = lang;
  // Thunderbird's light or dark theme reaches the popup as the system colour scheme.
  const dark = window.matchMedia("(prefers-color-scheme: dark)");
  const theme = (): void => applyTheme(document.documentElement, undefined, dark.matches);
  theme();
  dark.addEventListener("change", theme);
  if (!inThunderbird) {
    status(root, lang, { kind: "notice", title: POPUP_TEXT.notInThunderbirdTitle, message: POPUP_TEXT.notInThunderbird }, "not-in-thunderbird");
    return;
  }
  status(root, lang, { kind: "loading" });

  const config = usableConfig(root, lang, await loadManagedConfig());
  if (!config) return;

  const loaded = await engine;
  const checker = paneSession<Header>({
    root,
    lang,
    config: config.config,
    engine: loaded,
    read: loaded.readMessage,
    // Item 8 of the report, read once while the mail is checked.
    environment: Promise.all([browserInfo(), platformInfo(), browserFacts(navigator)]).then(([b, p, facts]) =>
      thunderbirdEnvironment(b.ok ? b.value : undefined, p.ok ? p.value : undefined, facts),
    ),
    source: demo ? "demo" : "thunderbird",
    reportHost: thunderbirdReportHost(),
    noItem: { kind: "notice", title: POPUP_TEXT.noMessageTitle, message: POPUP_TEXT.noMessage },
    // Thunderbird has no notification bar for add-ins: the popup is the whole answer.
    notify: () => Promise.resolve(),
  });

  const message = await shownMessage();
  switch (message.kind) {
    case "one":
      await checker.check(message.header);
      return;
    case "none":
      await checker.check(null);
      return;
    case "several":
      status(root, lang, { kind: "notice", title: POPUP_TEXT.severalMessagesTitle, message: POPUP_TEXT.severalMessages }, "several");
      return;
    case "failed":
      status(root, lang, error(POPUP_TEXT.noDisplayedMessage, message.detail), "error");
      return;
  }
}


main().catch((e: unknown) => {
  const root = document.getElementById("app");
  if (root) status(root, uiLanguage(navigator.language), error(PANE_TEXT.failed, e instanceof Error ? e.message : String(e)));
});
