/**
 * The XSS run's figures: payloads, mails, placements per field, where the payloads showed up,
 * problems, time. Printed at the end of the run and written as JSON next to the system's
 * temporary files.
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Payload } from "./corpus.js";
import type { XssMail } from "./mails.js";
import { expectedRegions, type MailOutcome } from "./run.js";

export interface FieldFigures {
  readonly field: string;
  readonly placements: number;
  /** Placements whose payload was found in one of the regions the field is meant to show in. */
  readonly inPlace: number;
  /** Placements whose payload was found anywhere the run looks (pane, report, demo page, reading pane). */
  readonly anywhere: number;
}

export interface Summary {
  readonly mode: string;
  readonly payloads: number;
  readonly corpusPayloads: number;
  readonly mails: { readonly total: number; readonly batch: number; readonly text: number; readonly single: number; readonly bytes: number };
  readonly files: number;
  readonly placements: number;
  readonly fields: readonly FieldFigures[];
  readonly verdicts: Readonly<Record<string, number>>;
  readonly readingPaneRefusals: number;
  readonly problems: number;
  readonly mailsWithProblems: number;
  readonly seconds: number;
  readonly msPerMail: { readonly p50: number; readonly p95: number; readonly max: number };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarize(mode: string, payloads: readonly Payload[], mails: readonly XssMail[], outcomes: readonly MailOutcome[], seconds: number): Summary {
  const byName = new Map(mails.map((m) => [m.name, m]));
  const fields = new Map<string, { placements: number; inPlace: number; anywhere: number }>();
  const verdicts: Record<string, number> = {};
  let placements = 0;
  for (const outcome of outcomes) {
    const mail = byName.get(outcome.mail);
    if (!mail) continue;
    verdicts[outcome.verdict] = (verdicts[outcome.verdict] ?? 0) + 1;
    mail.placements.forEach((placement, i) => {
      placements++;
      const found = outcome.reached[i] ?? [];
      const figures = fields.get(placement.field) ?? { placements: 0, inPlace: 0, anywhere: 0 };
      figures.placements++;
      if (found.length > 0) figures.anywhere++;
      const expected = expectedRegions(placement.field);
      if (found.some((r) => expected.includes(r))) figures.inPlace++;
      fields.set(placement.field, figures);
    });
  }
  const times = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const run = outcomes.map((o) => byName.get(o.mail)).filter((m): m is XssMail => m !== undefined);
  return {
    mode,
    payloads: payloads.length,
    corpusPayloads: payloads.filter((p) => p.source === "corpus").length,
    mails: {
      total: run.length,
      batch: run.filter((m) => m.kind === "batch").length,
      text: run.filter((m) => m.kind === "text").length,
      single: run.filter((m) => m.kind === "single").length,
      bytes: run.reduce((n, m) => n + m.bytes.length, 0),
    },
    files: new Set(run.flatMap((m) => m.files)).size,
    placements,
    fields: [...fields].map(([field, f]) => ({ field, ...f })).sort((a, b) => (a.field < b.field ? -1 : 1)),
    verdicts,
    readingPaneRefusals: outcomes.reduce((n, o) => n + o.refusals, 0),
    problems: outcomes.reduce((n, o) => n + o.problems.length, 0),
    mailsWithProblems: outcomes.filter((o) => o.problems.length > 0).length,
    seconds,
    msPerMail: { p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)), max: Math.round(times.at(-1) ?? 0) },
  };
}

const pct = (n: number, d: number): string => (d === 0 ? "—" : `${((100 * n) / d).toFixed(1)}%`);

export function formatSummary(s: Summary): string {
  const lines = [
    `XSS run (${s.mode}): ${s.payloads} payloads (${s.corpusPayloads} from the corpus, ${s.payloads - s.corpusPayloads} our own), ${s.files} corpus files as attachments`,
    `  ${s.mails.total} mails (${s.mails.batch} batch, ${s.mails.text} text, ${s.mails.single} single; ${(s.mails.bytes / 1e6).toFixed(1)} MB), ${s.placements} placements in ${s.fields.length} fields`,
    `  ${s.seconds.toFixed(0)} s (${s.msPerMail.p50} ms a mail at p50, ${s.msPerMail.p95} at p95, ${s.msPerMail.max} at most)`,
    `  verdicts: ${Object.entries(s.verdicts).map(([v, n]) => `${v} ${n}`).join(", ")}`,
    `  problems: ${s.problems} in ${s.mailsWithProblems} mails; the sandboxed reading pane refused ${s.readingPaneRefusals} loads/scripts (its CSP and sandbox at work)`,
    "",
    `  ${"field".padEnd(40)} ${"placed".padStart(7)} ${"in place".padStart(9)} ${"anywhere".padStart(9)}`,
    ...s.fields.map((f) => `  ${f.field.padEnd(40)} ${String(f.placements).padStart(7)} ${pct(f.inPlace, f.placements).padStart(9)} ${pct(f.anywhere, f.placements).padStart(9)}`),
  ];
  return lines.join("\n");
}

export function writeSummary(s: Summary): string {
  const file = join(tmpdir(), `check-this-mail-xss-${s.mode}.json`);
  writeFileSync(file, `${JSON.stringify(s, null, 2)}\n`);
  return file;
}
