import type { AttachmentInfo } from "../../analysis.js";
import type { RuleContext } from "../../context.js";
import { internetShortcutTarget, isWebTarget } from "../../attachments/content/internet-shortcut.js";
import { LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { EXECUTABLE_EXTENSIONS, EXECUTABLE_TYPES } from "../../attachments/names.js";
import { attachmentEvidence, checkedAttachments } from "./shared.js";

/**
 * ATT_EXECUTABLE: an attachment that runs, installs or mounts something when opened — by its
 * extension (what Windows goes by) or by a declared type that says "program".
 *
 * An internet shortcut whose content points at an http(s) page is a link in a file: medium,
 * with the target shown. Pointing anywhere else (file://, \\host\share), or unreadable: high.
 */
const INTERNET_SHORTCUT_EXTENSIONS = new Set(["url", "website"]);

function hitFor(context: RuleContext, attachment: AttachmentInfo): RuleHit {
  if (!INTERNET_SHORTCUT_EXTENSIONS.has(attachment.extension)) return { evidence: attachmentEvidence(attachment) };
  const bytes = context.snapshot.attachments[attachment.index]?.bytes;
  const target = bytes ? internetShortcutTarget(bytes) : undefined;
  if (target === undefined) return { evidence: attachmentEvidence(attachment) };
  const evidence = attachmentEvidence(attachment, { label: LABEL.realTarget, value: target });
  return isWebTarget(target) ? { severity: "medium", evidence } : { evidence };
}
export const ATT_EXECUTABLE = defineRule({
  id: "ATT_EXECUTABLE",
  group: "attachments",
  severity: "high",
  title: localized("プログラムとして動くファイルが添付されています", "A file that runs as a program is attached"),
  explanation: localized(
    "この添付ファイルは、開くとパソコン上でプログラムやスクリプトとして動く種類のファイルです(実行ファイル、スクリプト、ショートカット、ディスクイメージなど)。仕事の書類がこの形式で届くことはまずありません。開かずに、セキュリティ担当へ報告してください。差出人に確かめるときは、メールに書かれた連絡先ではなく、自分で調べた電話番号などを使ってください。",
    "This attachment is a kind of file that runs as a program or script when opened (a program, script, shortcut, disk image or similar). Work documents practically never arrive in this form. Do not open it; report the mail to the security desk. If you check with the sender, use a phone number or address you looked up yourself, not one given in the mail.",
  ),
  check(context): RuleHit[] {
    return checkedAttachments(context)
      .filter((a) => EXECUTABLE_EXTENSIONS.has(a.extension) || EXECUTABLE_TYPES.has(a.declaredType))
      .map((a) => hitFor(context, a));
  },
});
