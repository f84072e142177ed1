import type { Analysis } from "../../core/analysis.js";
import type { Language } from "../../core/i18n.js";

/**
 * The one line put in the message's own notification bar (item.notificationMessages): short,
 * no mail content (nothing the attacker wrote reaches Outlook's own UI), at most 150 characters
 * (Office throws beyond that). Undefined for "clean": nothing to warn about, any earlier line is
 * removed.
 */
export const NOTIFICATION_MAX_CHARS = 150;

const TEXT = {
  danger: {
    ja: "Check This Mail: 標的型攻撃メールの特徴が {count} 件あります。リンクや添付ファイルを開かず、作業ウィンドウの説明を確認してください。",
    en: "Check This Mail: {count} signs of a targeted attack. Do not open links or attachments; see the task pane.",
  },
  caution: {
    ja: "Check This Mail: 不審な点が {count} 件あります。リンクや添付ファイルを開く前に作業ウィンドウを確認してください。",
    en: "Check This Mail: {count} suspicious points. Check the task pane before opening links or attachments.",
  },
  incomplete: {
    ja: "Check This Mail: このメールはすべては確認できませんでした。リンクや添付ファイルを開く前に作業ウィンドウを確認してください。",
    en: "Check This Mail: this mail could not be fully checked. See the task pane before opening links or attachments.",
  },
} as const;

export function notificationText(analysis: Pick<Analysis, "verdict" | "findings">, lang: Language): string | undefined {
  if (analysis.verdict === "clean") return undefined;
  // What raised the verdict: high and medium findings (low and info never do).
  const count = analysis.findings.filter((f) => f.severity === "high" || f.severity === "medium").length;
  const text = TEXT[analysis.verdict][lang].replace("{count}", String(count));
  return text.length <= NOTIFICATION_MAX_CHARS ? text : `${text.slice(0, NOTIFICATION_MAX_CHARS - 1)}…`;
}
