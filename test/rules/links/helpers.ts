/** Builders shared by the link rule tests: a mail from a given sender with an HTML or text body. */
import type { Analysis, Finding } from "../../../src/core/analysis.js";
import type { Config } from "../../../src/core/config.js";
import type { Localized } from "../../../src/core/i18n.js";
import type { Rule } from "../../../src/core/rule.js";
import type { MessageSnapshot } from "../../../src/core/snapshot.js";
import { makeSnapshot, runRules } from "../../helpers/build.js";

export function htmlMail(html: string, from = "news@shop.example.jp", name = ""): MessageSnapshot {
  return makeSnapshot({ from: { name, address: from }, html });
}

export function textMail(text: string, from = "taro@shop.example.jp"): MessageSnapshot {
  return makeSnapshot({ from: { name: "", address: from }, text });
}

/** [id, severity] of every finding when only `rule` runs. */
export function findings(rule: Rule, snapshot: MessageSnapshot, config?: Config): [string, string][] {
  return runRules(snapshot, [rule], config).findings.map((f) => [f.id, f.severity]);
}

export function only(rule: Rule, snapshot: MessageSnapshot, config?: Config): Finding | undefined {
  const analysis: Analysis = runRules(snapshot, [rule], config);
  expectNoRuleFailure(analysis);
  return analysis.findings[0];
}

/** Evidence values with the given label, in order. */
export function valuesOf(finding: Finding | undefined, label: Localized): string[] {
  return (finding?.evidence ?? []).filter((e) => e.label === label).map((e) => e.value);
}

function expectNoRuleFailure(analysis: Analysis): void {
  const failed = analysis.diagnostics.filter((d) => d.code === "RULE_FAILED");
  if (failed.length > 0) throw new Error(`rule failed: ${failed.map((d) => d.detail).join("; ")}`);
}

export const safeLinks = (url: string): string =>
  `https://jpn01.safelinks.protection.outlook.com/?url=${encodeURIComponent(url)}&data=05%7C02%7Cuser%40example.co.jp%7C0&sdata=abc%3D&reserved=0`;
