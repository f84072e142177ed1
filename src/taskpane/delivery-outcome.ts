/**
 * What delivering a report can come to (src/taskpane/report.ts decides; the form,
 * src/taskpane/view/report-form.ts, says it). Types only, no Office.js: the view imports them.
 */

export type IntakeFailure =
  | { readonly kind: "timeout"; readonly seconds: number }
  | { readonly kind: "unreachable"; readonly detail: string }
  | { readonly kind: "status"; readonly status: number };

export type IntakeResult = { readonly ok: true; readonly status: number; readonly reference?: string } | { readonly ok: false; readonly failure: IntakeFailure };

export type DeliveryOutcome =
  | { readonly kind: "intake"; readonly reference?: string }
  | {
      readonly kind: "draft";
      readonly address: string;
      readonly attached: boolean;
      readonly jsonOmitted: boolean;
      /** The report text as it went into the mail. */
      readonly text: string;
      readonly intakeFailure?: IntakeFailure;
    }
  | {
      readonly kind: "not-delivered";
      readonly reason: "no-address" | "no-draft-support" | "draft-failed";
      readonly detail?: string;
      readonly intakeFailure?: IntakeFailure;
    };
