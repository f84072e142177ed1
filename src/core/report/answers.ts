/**
 * The person's answers: the defaults a form starts from, and the clean-up every report applies,
 * because answers arrive from a form (or a stored draft) and must never break the document.
 */
import type { ReportEnvironment, ReporterAnswers, SenderConfirmation, YesNoUnknown } from "./types.js";

const SENDER_CONFIRMATIONS: readonly SenderConfirmation[] = ["not-yet", "sender-denied", "sender-confirmed"];
const YES_NO_UNKNOWN: readonly YesNoUnknown[] = ["yes", "no", "unknown"];

/**
 * A blank form: nothing asserted on the person's behalf ("unknown", ""), item 8 prefilled from
 * the host, and item 9 "no" — the mail goes to vendors only when the person says yes.
 */
export function defaultAnswers(environment: ReportEnvironment): ReporterAnswers {
  return {
    senderConfirmation: "not-yet",
    antivirusProduct: "",
    antivirusDetected: "unknown",
    antivirusDetectionName: "",
    colleaguesReceived: "",
    openedAttachment: "unknown",
    clickedLink: "unknown",
    whatHappened: "",
    damage: "",
    operatingSystem: environment.operatingSystem,
    clientVersion: environment.clientVersion,
    shareWithVendors: false,
    comments: "",
  };
}

function choice<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function text(value: unknown, fallback: string): string {
  return typeof value === "string" ? value.trim() : fallback;
}

/**
 * The answers as the report records them: a missing or malformed field takes the blank form's
 * value (item 8 from the environment when one is given), free text is trimmed, and item 9 is
 * true only for a literal `true`.
 */
export function normalizeAnswers(answers: Partial<ReporterAnswers> | undefined, environment?: ReportEnvironment): ReporterAnswers {
  const a: Partial<Record<keyof ReporterAnswers, unknown>> = answers ?? {};
  const blank = defaultAnswers({ operatingSystem: environment?.operatingSystem ?? "", clientVersion: environment?.clientVersion ?? "" });
  return {
    senderConfirmation: choice(a.senderConfirmation, SENDER_CONFIRMATIONS, blank.senderConfirmation),
    antivirusProduct: text(a.antivirusProduct, blank.antivirusProduct),
    antivirusDetected: choice(a.antivirusDetected, YES_NO_UNKNOWN, blank.antivirusDetected),
    antivirusDetectionName: text(a.antivirusDetectionName, blank.antivirusDetectionName),
    colleaguesReceived: text(a.colleaguesReceived, blank.colleaguesReceived),
    openedAttachment: choice(a.openedAttachment, YES_NO_UNKNOWN, blank.openedAttachment),
    clickedLink: choice(a.clickedLink, YES_NO_UNKNOWN, blank.clickedLink),
    whatHappened: text(a.whatHappened, blank.whatHappened),
    damage: text(a.damage, blank.damage),
    operatingSystem: text(a.operatingSystem, blank.operatingSystem.trim()),
    clientVersion: text(a.clientVersion, blank.clientVersion.trim()),
    shareWithVendors: a.shareWithVendors === true,
    comments: text(a.comments, blank.comments),
  };
}
