/**
 * Small builders for rule tests: a snapshot from a few fields, or from an .eml written inline.
 * Fixtures are our own and minimal; real mail lives in ../shared/corpora and is never copied here.
 */
import { analyze } from "../../src/core/analyze.js";
import type { Analysis, Finding } from "../../src/core/analysis.js";
import type { Config } from "../../src/core/config.js";
import type { AnalyzeOptions } from "../../src/core/options.js";
import type { Rule } from "../../src/core/rule.js";
import { NO_HEADER_FIELDS, type MessageSnapshot } from "../../src/core/snapshot.js";
import { snapshotFromEml } from "../../src/hosts/eml/index.js";

export const FIXED_NOW = (): Date => new Date("2026-11-26T00:00:00Z");

/** A snapshot with nothing in it but what the test sets. */
export function makeSnapshot(fields: Partial<MessageSnapshot> = {}): MessageSnapshot {
  return {
    host: "test",
    available: { headers: true, body: true, attachmentContent: true },
    ...NO_HEADER_FIELDS,
    fromAll: fields.from ? [fields.from] : [],
    replyTo: [],
    to: [],
    cc: [],
    attachments: [],
    ...fields,
  };
}

/** Builds an .eml from header lines and a body, CRLF-terminated as on the wire. */
export function eml(headers: readonly string[], body = ""): string {
  return `${headers.join("\r\n")}\r\n\r\n${body}`;
}

export async function analyzeText(source: string, config?: Config, options: AnalyzeOptions = {}): Promise<Analysis> {
  return analyze(await snapshotFromEml(source), { now: FIXED_NOW, config, ...options });
}

/** Runs only the given rules (so a test shows what that rule alone decides). */
export function runRules(snapshot: MessageSnapshot, rules: readonly Rule[], config?: Config, options: AnalyzeOptions = {}): Analysis {
  return analyze(snapshot, { now: FIXED_NOW, config, ...options }, rules);
}

export function findingOf(analysis: Analysis, id: string): Finding | undefined {
  return analysis.findings.find((f) => f.id === id);
}
