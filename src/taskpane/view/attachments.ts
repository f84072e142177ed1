/**
 * The attachment list: each name with hidden characters written out (RLO shows as [U+202E]),
 * the declared type, what the content really is, the size, the SHA-256 and, for archives, the
 * first files inside. Attachments a finding cites are marked with that finding's severity.
 */
import type { AttachmentInfo, Finding, Severity } from "../../core/analysis.js";
import { makeControlsVisible } from "../../core/visible.js";
import { UI } from "../../ui/strings.js";
import type { ViewContext } from "./context.js";
import { SEVERITY_RANK, severityBadge } from "./findings.js";
import { formatSize, mailText } from "./text.js";

/** Entries listed per attachment before "and N more". */
export const ENTRIES_SHOWN = 10;

/** Attachment name → highest severity of the attachment findings citing it. */
function flaggedNames(findings: readonly Finding[]): Map<string, Severity> {
  const flagged = new Map<string, Severity>();
  for (const finding of findings) {
    if (finding.group !== "attachments") continue;
    for (const e of finding.evidence) {
      const previous = flagged.get(e.value);
      if (previous === undefined || SEVERITY_RANK[finding.severity] < SEVERITY_RANK[previous]) flagged.set(e.value, finding.severity);
    }
  }
  return flagged;
}

function field(ctx: ViewContext, label: string, ...value: (Node | string | false | undefined)[]): HTMLElement {
  const { h } = ctx;
  return h("div", { class: "ctm-facts__item" }, h("dt", null, label), h("dd", null, value));
}

function renderAttachment(ctx: ViewContext, attachment: AttachmentInfo, flag: Severity | undefined): HTMLElement {
  const { h } = ctx;
  const content = attachment.content;
  const entries = content?.entries ?? [];
  const shown = entries.slice(0, ENTRIES_SHOWN);
  const more = Math.max(0, (content?.entryCount ?? entries.length) - shown.length);
  return h(
    "li",
    {
      class: flag ? `ctm-attachment ctm-attachment--${flag}` : "ctm-attachment",
      "data-attachment-index": attachment.index,
      "data-flagged": flag ?? null,
    },
    h(
      "p",
      { class: "ctm-attachment__name" },
      flag && severityBadge(ctx, flag),
      flag && " ",
      attachment.name === "" ? h("span", { class: "ctm-note" }, ctx.t(UI.noName)) : mailText(ctx, attachment.name, "ctm-attachment__file"),
    ),
    h(
      "dl",
      { class: "ctm-facts" },
      field(ctx, ctx.t(UI.declaredType), attachment.declaredType ? mailText(ctx, attachment.declaredType) : "—"),
      content && field(ctx, ctx.t(UI.contentType), mailText(ctx, content.description), !content.complete && h("span", { class: "ctm-note" }, ` (${ctx.t(UI.contentIncomplete)})`)),
      field(ctx, ctx.t(UI.size), `${formatSize(attachment.size)}`, attachment.size >= 1024 && h("span", { class: "ctm-note" }, ` (${ctx.t(UI.bytes, { n: attachment.size.toLocaleString("en-US") })})`)),
      attachment.sha256 !== undefined && field(ctx, ctx.t(UI.sha256), h("code", { class: "ctm-hash" }, mailText(ctx, attachment.sha256))),
    ),
    attachment.inline && h("p", { class: "ctm-note" }, ctx.t(UI.inline)),
    !attachment.contentAvailable && h("p", { class: "ctm-note" }, ctx.t(UI.contentUnavailable)),
    shown.length > 0 &&
      h(
        "div",
        { class: "ctm-entries" },
        h("p", { class: "ctm-entries__heading" }, ctx.t(UI.entries, { n: content?.entryCount ?? entries.length })),
        h(
          "ul",
          { class: "ctm-entries__list" },
          shown.map((entry) =>
            h(
              "li",
              { class: "ctm-entries__item", "data-depth": entry.depth },
              mailText(ctx, entry.name),
              entry.size !== undefined && h("span", { class: "ctm-note" }, ` ${formatSize(entry.size)}`),
              entry.encrypted && h("span", { class: "ctm-tag" }, ctx.t(UI.encrypted)),
            ),
          ),
          more > 0 && h("li", { class: "ctm-entries__item ctm-note" }, ctx.t(UI.moreEntries, { n: more })),
        ),
      ),
  );
}

export function renderAttachments(ctx: ViewContext, attachments: readonly AttachmentInfo[], findings: readonly Finding[]): HTMLElement {
  const { h } = ctx;
  if (attachments.length === 0) return h("p", { class: "ctm-empty" }, ctx.t(UI.noAttachments));
  const headingId = ctx.id("attachments-list");
  const flagged = flaggedNames(findings);
  return h(
    "div",
    { class: "ctm-block", role: "group", "aria-labelledby": headingId },
    h("h3", { class: "ctm-block__heading", id: headingId }, ctx.t(UI.attachmentsListHeading), " ", h("span", { class: "ctm-count" }, String(attachments.length))),
    h(
      "ul",
      { class: "ctm-attachments" },
      // Evidence names an attachment as written, or with its hidden characters written out.
      attachments.map((a) => renderAttachment(ctx, a, a.name === "" ? undefined : (flagged.get(a.name) ?? flagged.get(makeControlsVisible(a.name))))),
    ),
  );
}
