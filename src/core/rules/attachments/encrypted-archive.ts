import { LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { inspectedAttachments } from "./content.js";
import { attachmentEvidence, contentEvidence, indicatorEvidence, indicatorsOf } from "./shared.js";

/**
 * ATT_ENCRYPTED_ARCHIVE: an archive or document nobody can look into — a zip with encrypted
 * entries (traditional or AES), a RAR or 7z whose headers are encrypted, an encrypted archive
 * inside the attachment, a password-protected Office document. Read from the content; a name
 * alone cannot tell, so without the bytes the rule records ATTACHMENT_CONTENT_NOT_INSPECTED
 * for each archive instead of guessing. Medium, not high: in Japan zips with a password sent
 * separately are routine, and calling them all dangerous would train people to ignore the pane.
 */
export const ATT_ENCRYPTED_ARCHIVE = defineRule({
  id: "ATT_ENCRYPTED_ARCHIVE",
  group: "attachments",
  severity: "medium",
  title: localized("中身を確認できない圧縮ファイルや文書(パスワード付きなど)です", "An archive or document whose contents cannot be checked (password-protected or similar)"),
  explanation: localized(
    "パスワード付きの ZIP や文書など、ウイルス対策ソフトやメールサーバーが中身を調べられないファイルです。攻撃者はこれを使って検査をすり抜けます。パスワードが同じメールや続けて届いたメールに書かれていても、送信者に別の手段で確かめるまで開いたり展開したりしないでください。",
    "This archive or document (a password-protected ZIP or similar) cannot be examined by antivirus software or the mail server. Attackers use this to slip past those checks. Even if the password is given in this mail or in the next one, do not open or extract it until you have confirmed with the sender by other means.",
  ),
  check(context): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const { attachment: a, inspection } of inspectedAttachments(context, "archive")) {
      const found = indicatorsOf(inspection, "encrypted-entry", "encrypted-headers", "encrypted-document");
      if (found.length === 0) continue;
      hits.push({ evidence: attachmentEvidence(a, contentEvidence(inspection), ...indicatorEvidence(LABEL.encryptedEntry, found, 5)) });
    }
    return hits;
  },
});
