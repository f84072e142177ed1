/**
 * Tiny attachment fixtures for the attachment rule tests: a snapshot with the attachments a test
 * names, or a whole .eml with a multipart body written inline (so the .eml host's reading of
 * names, types and inline parts is exercised too).
 */
import type { Analysis, Finding } from "../../../src/core/analysis.js";
import type { Rule } from "../../../src/core/rule.js";
import type { AttachmentSnapshot } from "../../../src/core/snapshot.js";
import { eml, findingOf, makeSnapshot, runRules } from "../../helpers/build.js";
import { snapshotFromEml } from "../../../src/hosts/eml/index.js";

export interface Att {
  readonly name: string | null;
  readonly type?: string;
  readonly size?: number;
  readonly inline?: boolean;
  readonly contentId?: string;
  /** The content; without it the attachment is one whose bytes the host could not give (name rules only). */
  readonly bytes?: Uint8Array;
}

export function attachment(a: Att): AttachmentSnapshot {
  const base: AttachmentSnapshot = {
    name: a.name,
    declaredType: a.type ?? "application/octet-stream",
    size: a.size ?? a.bytes?.length ?? 1234,
    inline: a.inline ?? false,
    ...(a.bytes === undefined ? {} : { bytes: a.bytes }),
  };
  return a.contentId === undefined ? base : { ...base, contentId: a.contentId };
}

/** Runs the given rules over a snapshot holding just these attachments. */
export function withAttachments(rules: Rule | readonly Rule[], ...atts: readonly Att[]): Analysis {
  const list = Array.isArray(rules) ? rules : [rules as Rule];
  return runRules(makeSnapshot({ subject: "test", attachments: atts.map(attachment) }), list);
}

/** The finding of `rule` for a single attachment, or undefined when it stays quiet. */
export function fire(rule: Rule, att: Att): Finding | undefined {
  return findingOf(withAttachments(rule, att), rule.id);
}

export function values(finding: Finding | undefined): string[] {
  return (finding?.evidence ?? []).map((e) => e.value);
}

/** One MIME part of a multipart body: its header lines and (already encoded) content. */
export interface Part {
  readonly headers: readonly string[];
  readonly body: string;
}

const BOUNDARY = "=_ctm_test_boundary";

/** A multipart/mixed .eml: a short text body followed by the given parts. */
export function multipartEml(parts: readonly Part[], boundary = BOUNDARY): string {
  const text: Part = { headers: ["Content-Type: text/plain; charset=utf-8"], body: "See the attached file." };
  const body = [text, ...parts].map((p) => `--${boundary}\r\n${p.headers.join("\r\n")}\r\n\r\n${p.body}\r\n`).join("") + `--${boundary}--\r\n`;
  return eml(
    ["From: Sender <sender@example.jp>", "To: someone@example.jp", "Subject: attachment test", "MIME-Version: 1.0", `Content-Type: multipart/mixed; boundary="${boundary}"`],
    body,
  );
}

export function filePart(name: string, type: string, body = "SGVsbG8="): Part {
  return {
    headers: [`Content-Type: ${type}; name="${name}"`, "Content-Transfer-Encoding: base64", `Content-Disposition: attachment; filename="${name}"`],
    body,
  };
}

export async function analyzeEmlWith(rules: readonly Rule[], source: string): Promise<Analysis> {
  return runRules(await snapshotFromEml(source), rules);
}
