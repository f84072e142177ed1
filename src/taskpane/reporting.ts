/**
 * The Report button's flow in the pane: the form for the checked mail (answers kept per mail
 * while the pane lives, so going back and returning loses nothing), the live preview, and
 * delivery (./report.ts) with its outcome shown in the form.
 *
 * The mail client is a parameter (`ReportHost`): which mail is which, who reports, and how the
 * draft to the desk opens. Outlook's is ./outlook-report-host.ts; Thunderbird's is
 * src/hosts/thunderbird/report-host.ts. Nothing here calls a host API itself.
 */
import type { Analysis } from "../core/analysis.js";
import type { Config } from "../core/config.js";
import type { Language } from "../core/i18n.js";
import type { Report, ReportEnvironment, ReporterAnswers, ReportSource } from "../core/report/index.js";
import type { ReadMessage } from "../hosts/outlook/read-message.js";
import type * as EngineModule from "./engine.js";
import { deliverReport, type DraftChannel } from "./report.js";
import { renderReportForm, type ReportFormView } from "./view/index.js";

/** What reporting needs of the mail client. */
export interface ReportHost<Item> {
  /** The id the answers are kept under for `item` (undefined: the mail's Message-ID is used). */
  key(item: Item): string | undefined;
  /** Who reports (the intake's `reporter`), when the client says. */
  reporter(): { readonly name: string; readonly address: string } | undefined;
  /** How the report mail to the desk opens for `item`, read as `read`. */
  draft(item: Item, read: ReadMessage): DraftChannel<unknown>;
}

export type ReportEngine = Pick<typeof EngineModule, "buildReport" | "defaultAnswers" | "reportSubject" | "reportText">;

export interface ReportingDeps<Item> {
  readonly doc: Document;
  /** The pane's language (the form's words; the report's language is the person's choice). */
  readonly lang: Language;
  readonly config?: Config;
  readonly engine: ReportEngine;
  /** Item 8, prefilled: read once when the pane starts (./environment.ts). */
  readonly environment: Promise<ReportEnvironment & { readonly serverVersion: boolean }>;
  readonly source: ReportSource;
  readonly host: ReportHost<Item>;
  /** Puts the form in the pane. */
  readonly show: (form: HTMLElement) => void;
  /** Back to the check result. */
  readonly back: () => void;
  readonly now?: () => Date;
  readonly fetcher?: typeof fetch;
  readonly copy?: (text: string, select: () => void) => Promise<boolean>;
}

export class Reporting<Item> {
  /** What the person entered, per mail (EWS item id), for the life of the pane. */
  private readonly kept = new Map<string, { readonly answers: ReporterAnswers; readonly lang: Language }>();

  constructor(private readonly deps: ReportingDeps<Item>) {}

  /**
   * Opens the form for `item`, whose check gave `analysis` from `read`. `isCurrent` tells whether
   * the pane still shows that check (a pinned pane may have moved on to another mail meanwhile):
   * if not, nothing is shown.
   */
  async open(item: Item, analysis: Analysis, read: ReadMessage, isCurrent: () => boolean = () => true): Promise<ReportFormView | undefined> {
    const { deps } = this;
    const { engine, config } = deps;
    const environment = await deps.environment;
    if (!isCurrent()) return undefined;
    const key = deps.host.key(item) ?? analysis.message.messageId ?? "";
    const kept = this.kept.get(key);
    const reporter = deps.host.reporter();
    const channel = deps.host.draft(item, read);
    const now = deps.now ?? (() => new Date());
    const { serverVersion, ...reportEnv } = environment;
    const reportOf = (answers: ReporterAnswers, reportedAt: Date, withOriginal: boolean): Report =>
      engine.buildReport({
        analysis,
        snapshot: read.snapshot,
        answers,
        reportedAt,
        ...(reporter ? { reporter } : {}),
        ...(config ? { config } : {}),
        source: deps.source,
        environment: reportEnv,
        ...(withOriginal && read.eml ? { originalEml: read.eml } : {}),
      });
    const from = analysis.message.from;
    const desk = config?.securityDesk;
    // The preview is the text exactly as it will go: in the mail draft (in Outlook fitted to its
    // 32 KB beside the JSON) unless an intake URL takes the report (then the whole text).
    const draftIsThePath = Boolean(desk?.address) && !desk?.intakeUrl;
    const previewText = (report: Report, lang: Language): string =>
      draftIsThePath ? channel.text(report, lang, engine.reportText) : engine.reportText(report, lang);
    const view = renderReportForm(
      deps.doc,
      deps.lang,
      {
        answers: kept?.answers ?? engine.defaultAnswers(environment),
        reportLang: kept?.lang ?? deps.lang,
        ...(analysis.message.subject !== undefined ? { subject: analysis.message.subject } : {}),
        ...(from ? { from: from.name ? `${from.name} <${from.address}>` : from.address } : {}),
        ...(desk?.address ? { address: desk.address } : {}),
        intake: Boolean(desk?.intakeUrl),
        serverVersion,
      },
      {
        preview: (answers, lang) => previewText(reportOf(answers, now(), false), lang),
        onChange: (answers, lang) => this.kept.set(key, { answers, lang }),
        onCancel: () => deps.back(),
        ...(deps.copy ? { onCopy: deps.copy } : {}),
        onSend: (answers, lang) => {
          this.kept.set(key, { answers, lang });
          void this.send(view, answers, lang, reportOf, now(), channel);
        },
      },
    );
    deps.show(view.element);
    view.focus();
    return view;
  }

  private async send(
    view: ReportFormView,
    answers: ReporterAnswers,
    lang: Language,
    reportOf: (answers: ReporterAnswers, reportedAt: Date, withOriginal: boolean) => Report,
    reportedAt: Date,
    channel: DraftChannel<unknown>,
  ): Promise<void> {
    const { deps } = this;
    // One report per press: the same time and answers in the JSON, the text and the preview.
    const built = new Map<boolean, Report>();
    const report = (withOriginal: boolean): Report => {
      let r = built.get(withOriginal);
      if (!r) built.set(withOriginal, (r = reportOf(answers, reportedAt, withOriginal)));
      return r;
    };
    view.setStatus({ kind: "sending" });
    const outcome = await deliverReport({
      ...(deps.config ? { config: deps.config } : {}),
      lang,
      report,
      text: deps.engine.reportText,
      subject: deps.engine.reportSubject,
      draft: channel,
      ...(deps.fetcher ? { fetcher: deps.fetcher } : {}),
    });
    view.setStatus({ kind: "done", outcome, text: outcome.kind === "draft" ? outcome.text : deps.engine.reportText(report(false), lang) });
  }
}
