import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { ARCHIVE_CONTENT_RULES, isArchive } from "./content.js";
import { checkedAttachments, reportContentNotInspected } from "./shared.js";

/**
 * ATT_ENCRYPTED_ARCHIVE: a password-protected zip or another archive nobody can look into.
 *
 * Whether an archive is encrypted is written inside it (the zip entry flags), so a name alone
 * cannot tell. Until attachment content is inspected, this rule never produces a finding: it
 * records ATTACHMENT_CONTENT_NOT_INSPECTED for each archive instead. Reporting every zip as
 * "suspicious archive" would be a guess presented as a check, and in Japan, where zips with a
 * password sent separately are routine, it would train people to ignore the pane.
 */
export const ATT_ENCRYPTED_ARCHIVE = defineRule({
  id: "ATT_ENCRYPTED_ARCHIVE",
  group: "attachments",
  severity: "medium",
  title: localized("中身を確認できない圧縮ファイル(パスワード付きなど)です", "An archive whose contents cannot be checked (password-protected or similar)"),
  explanation: localized(
    "パスワード付きの ZIP など、ウイルス対策ソフトやメールサーバーが中身を調べられない圧縮ファイルです。攻撃者はこれを使って検査をすり抜けます。パスワードが同じメールや続けて届いたメールに書かれていても、送信者に別の手段で確かめるまで展開しないでください。",
    "This archive (a password-protected ZIP or similar) cannot be examined by antivirus software or the mail server. Attackers use this to slip past those checks. Even if the password is given in this mail or in the next one, do not extract it until you have confirmed with the sender by other means.",
  ),
  check(context): RuleHit[] {
    for (const a of checkedAttachments(context)) if (isArchive(a)) reportContentNotInspected(context, a, ARCHIVE_CONTENT_RULES);
    return [];
  },
});
