/**
 * Reporting in Thunderbird (src/taskpane/reporting.ts's ReportHost): the answers are kept per
 * message id, and the draft to the desk is a new message from compose.beginNew (./begin-new.ts)
 * with the report as plain text (the text, then the JSON between marker lines) and the reported
 * message attached unchanged as an .eml file (message/rfc822), when its source could be read.
 * Thunderbird does not say who the user is without the "accountsRead" permission, which this
 * add-in does not ask for: the draft is sent from the person anyway, and the intake gets no
 * `reporter`.
 */
import type { Report } from "../../core/report/index.js";
import { plainDraftBody, type DraftChannel, type ReportTextFn } from "../../taskpane/report.js";
import type { ReportHost } from "../../taskpane/reporting.js";
import { beginNew } from "./begin-new.js";
import type { HostResult } from "./host-result.js";
import type { ReadMessage } from "./read-message.js";

/** The attached original's file name. */
export const ORIGINAL_FILE_NAME = "original-message.eml";
export const ORIGINAL_TYPE = "message/rfc822";
/** A subject is one line; beyond this it is cut (the desk's tools expect a short one). */
export const SUBJECT_MAX = 255;

/** The ComposeDetails handed to compose.beginNew. */
export function composeDetails(options: {
  readonly address: string;
  readonly subject: string;
  readonly report: Report;
  readonly lang: "ja" | "en";
  readonly reportText: ReportTextFn;
  readonly eml?: Uint8Array;
}): { readonly details: messenger.compose.ComposeDetails; readonly text: string } {
  const { text, body } = plainDraftBody(options.report, options.lang, options.reportText);
  const subject = Array.from(options.subject.replace(/[\r\n]+/g, " ")).slice(0, SUBJECT_MAX).join("");
  const attachments: messenger.compose.FileAttachment[] = options.eml
    ? [{ file: new File([options.eml as Uint8Array<ArrayBuffer>], ORIGINAL_FILE_NAME, { type: ORIGINAL_TYPE }), name: ORIGINAL_FILE_NAME }]
    : [];
  return { details: { to: [options.address], subject, isPlainText: true, plainTextBody: body, attachments }, text };
}

export function thunderbirdDraftChannel(read: ReadMessage, open: (details: messenger.compose.ComposeDetails) => Promise<HostResult<void>> = beginNew): DraftChannel<messenger.compose.ComposeDetails> {
  return {
    available: true,
    text: (report, lang, reportText) => plainDraftBody(report, lang, reportText).text,
    prepare: (input) => {
      const { details, text } = composeDetails({ ...input, ...(read.eml ? { eml: read.eml } : {}) });
      return {
        message: details,
        ...(details.attachments && details.attachments.length > 0 ? { withoutAttachment: { ...details, attachments: [] } } : {}),
        text,
        jsonOmitted: false,
      };
    },
    open,
  };
}

export function thunderbirdReportHost(open?: (details: messenger.compose.ComposeDetails) => Promise<HostResult<void>>): ReportHost<messenger.messages.MessageHeader> {
  return {
    key: (header) => (typeof header.id === "number" ? `thunderbird:${header.id}` : undefined),
    reporter: () => undefined,
    draft: (_header, read) => thunderbirdDraftChannel(read, open),
  };
}
