/**
 * The check-and-report flow of one pane, for any mail client: the checker (./checker.ts) renders
 * every state into `root`, remembers which client item each read came from, and the Report
 * button opens the report form (./reporting.ts) for the mail whose result is on screen. Shared by
 * the Outlook pane (./taskpane.ts) and the Thunderbird popup (src/hosts/thunderbird/popup.ts);
 * what differs — how a mail is read, the report's draft, the notification — comes in as `deps`.
 */
import type { Analysis } from "../core/analysis.js";
import type { Config } from "../core/config.js";
import type { Language } from "../core/i18n.js";
import type { ReadMessage } from "../hosts/outlook/read-message.js";
import { Checker, type CheckerDeps } from "./checker.js";
import type * as EngineCore from "./engine-core.js";
import { geoLoader } from "./geo.js";
import { Reporting, type ReportingDeps } from "./reporting.js";
import { copyText, mount, renderPaneState, type AnalysisState } from "./screen.js";
import type { StatusView } from "./view/index.js";

export interface PaneSessionDeps<Item extends object> {
  readonly root: HTMLElement;
  readonly lang: Language;
  readonly config?: Config;
  readonly engine: typeof EngineCore;
  /** The client's item → the message snapshot (the host's reader, from its engine chunk). */
  readonly read: (item: Item) => Promise<ReadMessage>;
  readonly environment: ReportingDeps<Item>["environment"];
  readonly source: ReportingDeps<Item>["source"];
  readonly reportHost: ReportingDeps<Item>["host"];
  /** What the pane says when no mail is there to check. */
  readonly noItem: StatusView;
  /** Writes (or clears) the client's own line about the checked item; some clients have none. */
  readonly notify: (item: Item, analysis: Analysis) => Promise<void>;
}

/** Wires the checker, the view and the report form into `deps.root`; returns the checker to call. */
export function paneSession<Item extends object>(deps: PaneSessionDeps<Item>): Checker<Item> {
  const { root, lang, engine } = deps;
  /** The item each read came from: the Report button reports the mail that was checked. */
  const itemOf = new WeakMap<ReadMessage, Item>();
  let shown: { readonly state: AnalysisState; readonly check: number } | undefined;

  const render = (state: Parameters<CheckerDeps<Item>["render"]>[0], check: number): void =>
    renderPaneState(root, lang, state, check, { noItem: deps.noItem, onReport });

  const reporting = new Reporting<Item>({
    doc: root.ownerDocument,
    lang,
    config: deps.config,
    engine,
    environment: deps.environment,
    source: deps.source,
    host: deps.reportHost,
    show: (form) => mount(root, form, "report", shown?.check),
    back: () => {
      if (!shown) return;
      render(shown.state, shown.check);
      root.querySelector<HTMLElement>('[data-action="report"]')?.focus();
    },
    copy: copyText,
  });

  function onReport(state: AnalysisState): (() => void) | undefined {
    const item = itemOf.get(state.read);
    return item ? () => void reporting.open(item, state.analysis, state.read, () => shown?.state === state) : undefined;
  }

  return new Checker<Item>({
    read: async (item) => {
      const read = await deps.read(item);
      itemOf.set(read, item);
      return read;
    },
    analyze: engine.analyze,
    digestAttachments: engine.digestAttachments,
    config: deps.config,
    loadGeo: geoLoader(root.ownerDocument.baseURI, engine.createCountryLookup),
    render: (state, check) => {
      shown = state.kind === "analysis" ? { state, check } : undefined;
      render(state, check);
    },
    notify: deps.notify,
  });
}
