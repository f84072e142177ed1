import { uncheckedParts, type Analysis, type Finding, type ReceivedHop, type Severity, type Verdict } from "../core/analysis.js";
import type { Language, Localized } from "../core/i18n.js";
import { localized } from "../core/i18n.js";
import { GEO_ATTRIBUTION } from "../core/geo/index.js";
import { makeControlsVisible } from "../core/visible.js";
import { ADVICE, SEVERITY_TEXT, UI, VERDICT_TEXT } from "../ui/strings.js";

/** The pane's severity words, upper-case in English on a terminal ("HIGH"). */
const upper = (text: Localized): Localized => localized(text.ja, text.en.toUpperCase());

/** Words of the text report, in both languages (verdict, severity and advice shared with the pane: src/ui/strings.ts). */
const T = {
  verdict: {
    danger: VERDICT_TEXT.danger.line,
    caution: VERDICT_TEXT.caution.line,
    incomplete: VERDICT_TEXT.incomplete.line,
    clean: VERDICT_TEXT.clean.line,
  } satisfies Record<Verdict, Localized>,
  severity: {
    high: upper(SEVERITY_TEXT.high),
    medium: upper(SEVERITY_TEXT.medium),
    low: upper(SEVERITY_TEXT.low),
    info: upper(SEVERITY_TEXT.info),
  } satisfies Record<Severity, Localized>,
  subject: localized("件名", "Subject"),
  from: localized("差出人", "From"),
  date: localized("日時", "Date"),
  findings: localized("検出事項", "Findings"),
  none: localized("なし", "none"),
  route: localized("送信経路", "Route"),
  origin: localized("組織に届く直前の送信元", "Origin (handed the mail to the receiving side)"),
  hopOrigin: localized("送信元", "origin"),
  hopClaimed: localized("申告のみ", "claimed"),
  hopTrusted: localized("受信側", "received"),
  hopUnreadable: localized("解析できない行", "unreadable"),
  hopLocal: localized("(送信元の記録なし)", "(no sender recorded)"),
  claimedClient: localized("Webメール等が申告する送信者の IP", "Client IP claimed by a webmail service"),
  originUnknown: localized("特定できませんでした", "not determined"),
  authentication: localized("送信元認証", "Authentication"),
  attachments: localized("添付ファイル", "Attachments"),
  links: localized("リンク数", "Links"),
  diagnostics: localized("診断(解析できなかったこと・確認できなかったこと)", "Diagnostics (what could not be read or checked)"),
  unchecked: UI.uncheckedHeading,
  advice: ADVICE,
} as const;

const COLORS: Record<Verdict, string> = { danger: "\u001b[1;31m", caution: "\u001b[1;33m", incomplete: "\u001b[1;33m", clean: "\u001b[1;32m" };
const RESET = "\u001b[0m";

/** Mail text, safe for a terminal: no escape sequences or bidi tricks from the attacker. */
const safe = (text: string): string => makeControlsVisible(text);

function formatFinding(finding: Finding, lang: Language): string[] {
  const lines = [`  [${T.severity[finding.severity][lang]}] ${finding.id} — ${finding.title[lang]}`, `      ${finding.explanation[lang]}`];
  for (const e of finding.evidence) lines.push(`      - ${e.label[lang]}: ${safe(e.value)}`);
  return lines;
}

function hopLine(hop: ReceivedHop, originIndex: number | undefined, lang: Language): string {
  const tag = hop.index === originIndex ? T.hopOrigin[lang] : hop.unverified ? T.hopClaimed[lang] : T.hopTrusted[lang];
  if (!hop.parsed) return `  [${tag}] ${T.hopUnreadable[lang]}: ${safe(hop.raw.slice(0, 120))}`;
  const sender = hop.fromHost ?? hop.fromHelo ?? (hop.fromIp ? "" : T.hopLocal[lang]);
  const address = hop.fromIp ? `[${hop.fromIp}${hop.fromCountry ? `, ${hop.fromCountry}` : ""}]` : "";
  const delay = hop.delaySeconds === undefined ? "" : `  (${hop.delaySeconds >= 0 ? "+" : ""}${hop.delaySeconds} s)`;
  const from = [safe(sender), address].filter((part) => part !== "").join(" ");
  return `  [${tag}] ${from} → ${safe(hop.by ?? "?")}${delay}`;
}

/** The route as a readable path, oldest hop first, the origin marked; claimed hops are labelled as such. */
function formatRoute(analysis: Analysis, lang: Language): string[] {
  const { route } = analysis;
  const origin = route.origin;
  const where = origin
    ? `${origin.ip}${origin.host ? ` (${safe(origin.host)})` : ""}${origin.country ? ` [${origin.country}${origin.countryByLookup && origin.countryByLookup !== origin.country ? ` / ${origin.countryByLookup}` : ""}]` : ""}`
    : T.originUnknown[lang];
  const lines = [`${T.route[lang]}: ${T.origin[lang]}: ${where}`];
  for (const hop of [...route.hops].reverse()) lines.push(hopLine(hop, origin?.hopIndex, lang));
  if (route.claimedClientIp) lines.push(`  ${T.claimedClient[lang]}: ${route.claimedClientIp}`);
  // DB-IP's licence (CC BY 4.0) asks for this wherever a country from its data is shown.
  const fromDbIp =
    route.hops.some((h) => h.fromCountry !== undefined && h.fromCountry !== "private" && h.fromCountry !== "special") ||
    origin?.countrySource === "lookup" ||
    (origin?.countryByLookup !== undefined && origin.countryByLookup !== origin.country);
  if (fromDbIp) lines.push(`  ${GEO_ATTRIBUTION.text[lang]} <${GEO_ATTRIBUTION.url}>`);
  return lines;
}

function formatAuthentication(analysis: Analysis, lang: Language): string {
  const a = analysis.authentication;
  const parts = (["spf", "dkim", "dmarc", "compauth", "arc"] as const).filter((m) => a[m] !== undefined).map((m) => `${m}=${a[m]}`);
  return `${T.authentication[lang]}: ${parts.length ? parts.join(" ") : T.none[lang]}`;
}

/** A readable report of one analysis for a person at a terminal. */
export function formatTextReport(file: string, analysis: Analysis, lang: Language, color: boolean): string {
  const verdictLine = T.verdict[analysis.verdict][lang];
  const lines: string[] = [`== ${safe(file)}`, color ? `${COLORS[analysis.verdict]}${verdictLine}${RESET}` : verdictLine];
  // What was not checked goes right under the verdict: it is why the verdict is not "clean".
  const unchecked = [...new Set(uncheckedParts(analysis).map((d) => safe(d.message[lang])))];
  if (unchecked.length > 0) lines.push(T.unchecked[lang], ...unchecked.map((text) => `  - ${text}`));
  const m = analysis.message;
  if (m.subject !== undefined) lines.push(`${T.subject[lang]}: ${safe(m.subject)}`);
  if (m.from) lines.push(`${T.from[lang]}: ${safe(m.from.name ? `${m.from.name} <${m.from.address}>` : m.from.address)}`);
  if (m.date !== undefined) lines.push(`${T.date[lang]}: ${safe(m.date)}`);
  lines.push("");
  lines.push(`${T.findings[lang]} (${analysis.findings.length}):`);
  if (analysis.findings.length === 0) lines.push(`  ${T.none[lang]}`);
  for (const f of analysis.findings) lines.push(...formatFinding(f, lang));
  if (analysis.verdict === "danger") lines.push("", T.advice[lang]);
  lines.push("");
  lines.push(...formatRoute(analysis, lang));
  lines.push(formatAuthentication(analysis, lang));
  lines.push(`${T.links[lang]}: ${analysis.links.length}`);
  const attachmentList = analysis.attachments.map((a) => `${safe(a.name || "(no name)")} (${a.declaredType || "?"}, ${a.size} B)`);
  lines.push(`${T.attachments[lang]}: ${attachmentList.length ? attachmentList.join(", ") : T.none[lang]}`);
  if (analysis.diagnostics.length > 0) {
    lines.push("", `${T.diagnostics[lang]}:`);
    for (const d of analysis.diagnostics) lines.push(`  [${d.level}] ${d.code}: ${safe(d.message[lang])}`);
  }
  return `${lines.join("\n")}\n`;
}
