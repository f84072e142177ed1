import type { Severity } from "../../analysis.js";
import { diagnostic } from "../../diagnostics.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule } from "../../rule.js";
import { parseMailDate } from "../../route/date.js";
import { authOf } from "./common.js";
import { expectedCountry, isPublicSector } from "./country.js";
import { COUNTRY_OFFSETS } from "./zones.js";

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/**
 * The Date header's UTC offset is one no clock in the sender's country shows (a ".jp" sender
 * writing "-0500"): the mail was probably written on a computer somewhere else. The offset is
 * set by the writer's computer (RFC 5322 §3.3), so it survives even when the sending server is
 * in the right country.
 *
 * Skipped: no implied country, a country not in the offsets table, "+0000" (servers and
 * webmail often stamp UTC) and "-0000" (RFC 5322: local zone unknown), and mail whose From
 * domain authenticated (then a traveller's laptop is the likelier story). Low by itself;
 * medium for public-sector senders.
 */
export const DATE_ZONE_MISMATCH = defineRule({
  id: "DATE_ZONE_MISMATCH",
  group: "sender",
  severity: "low",
  title: localized(
    "送信日時のタイムゾーンが差出人の国と合いません",
    "The time zone of the sending date does not match the sender's country",
  ),
  explanation: localized(
    "メールの日時(Date)には、書いたパソコンのタイムゾーンが記録されます。このメールのタイムゾーンは、差出人のドメインから想定される国では使われていないもので、差出人とは別の国で作られた可能性があります。",
    "A mail's Date records the time zone of the computer that wrote it. This mail's time zone is not used in the country the sender's domain implies, so it may have been written in another country.",
  ),
  check(context) {
    const domain = context.sender.domain;
    const expected = expectedCountry(domain, context.organization);
    if (!domain || !expected) return [];
    const allowed = COUNTRY_OFFSETS[expected.country];
    const text = context.snapshot.date;
    if (!allowed || text === undefined) return [];
    const date = parseMailDate(text);
    if (!date) {
      context.report(diagnostic("HEADER_UNPARSED", "info", { header: "Date", value: text }));
      return [];
    }
    const offset = date.offsetMinutes;
    if (offset === undefined || offset === 0 || date.unknownLocalZone || allowed.includes(offset)) return [];
    if (authOf(context).fromAuthenticated) return [];
    const severity: Severity = isPublicSector(domain) ? "medium" : "low";
    return [
      {
        severity,
        evidence: [
          evidence(LABEL.date, `${text} (UTC${formatOffset(offset)})`),
          evidence(LABEL.expectedCountry, expected.country),
          evidence(LABEL.from, context.sender.from?.address ?? domain),
        ],
      },
    ];
  },
});
