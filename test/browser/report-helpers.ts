/**
 * Shared by the report's browser tests: opening the form, the drafts the pane asked the Office
 * stand-in for, and the draft body read back the way a mail client reads it (DOMParser, text).
 */
import type { Frame, Page } from "playwright-core";
import { ITEM_HEADINGS } from "../../src/core/report/strings.js";
import { findReportJson } from "../helpers/report-block.js";

export const CASE1 = "case1-government-sender-from-abroad.eml";

/** Presses Report in the pane and waits for the form. */
export async function openReportForm(frame: Frame): Promise<void> {
  await frame.click('[data-action="report"]');
  await frame.waitForFunction(() => document.getElementById("app")?.dataset.state === "report" && document.querySelector("[data-report-preview]") !== null);
}

export interface DraftCall {
  readonly itemId: string | null;
  readonly error?: string;
  readonly parameters: {
    readonly toRecipients: readonly string[];
    readonly subject: string;
    readonly htmlBody: string;
    readonly attachments: readonly { readonly type: string; readonly itemId?: string; readonly name: string }[];
  };
}

/** The displayNewMessageForm calls the stand-in recorded. */
export function draftCalls(page: Page): Promise<DraftCall[]> {
  return page.evaluate(() => {
    const standIn = (window as unknown as { checkThisMailOfficeStandIn: { calls: { kind: string }[] } }).checkThisMailOfficeStandIn;
    return standIn.calls.filter((c) => c.kind === "displayNewMessageForm") as unknown as DraftCall[];
  });
}

/** Waits for the form's outcome; returns it with the text of its announcement. */
export async function outcomeOf(frame: Frame, timeout = 20_000): Promise<{ state: string; outcome: string; text: string; role: string; focused: boolean; intakeFailed?: string; reference?: string }> {
  await frame.waitForFunction(() => {
    const state = document.querySelector<HTMLElement>("[data-report-form]")?.dataset.reportState;
    return state === "delivered" || state === "not-delivered";
  }, undefined, { timeout });
  return frame.evaluate(() => {
    const block = document.querySelector<HTMLElement>(".ctm-report__result")!;
    return {
      state: document.querySelector<HTMLElement>("[data-report-form]")!.dataset.reportState!,
      outcome: block.dataset.outcome!,
      text: block.textContent ?? "",
      role: block.parentElement?.getAttribute("role") ?? "",
      focused: document.activeElement === block,
      ...(block.dataset.intakeFailed ? { intakeFailed: block.dataset.intakeFailed } : {}),
      ...(block.dataset.reference ? { reference: block.dataset.reference } : {}),
    };
  });
}

/** The draft body's blocks as text (parsed in the page by DOMParser: inert, nothing runs or loads). */
export function draftBlocks(page: Page, html: string): Promise<{ tags: string[]; pre: string[] }> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "text/html");
    return {
      tags: [...new Set(Array.from(doc.body.querySelectorAll("*"), (e) => e.tagName))].sort(),
      pre: Array.from(doc.querySelectorAll("pre"), (p) => p.textContent ?? ""),
    };
  }, html);
}

/** For each of the nine items, whether its numbered heading is in `text`. */
export function nineItems(text: string, lang: "ja" | "en"): boolean[] {
  return ITEM_HEADINGS.map((heading, i) => text.includes(`(${i + 1}) ${heading[lang]}`));
}

/** The report JSON of a draft body's text (its <pre> blocks), found as the desk finds it (test/helpers/report-block.ts). */
export function jsonBlock(pre: string | readonly string[], subject?: string): unknown {
  return findReportJson(typeof pre === "string" ? pre : pre.join("\n"), subject).json;
}
