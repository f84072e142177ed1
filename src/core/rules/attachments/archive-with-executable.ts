import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { ARCHIVE_CONTENT_RULES, isArchive } from "./content.js";
import { checkedAttachments, reportContentNotInspected } from "./shared.js";

/**
 * ATT_ARCHIVE_WITH_EXECUTABLE: an archive whose entries include a program. The entry names
 * come from the archive itself (the zip central directory), so by name and declared type this
 * rule has nothing to go on: it produces no finding and records ATTACHMENT_CONTENT_NOT_INSPECTED
 * for each archive, so the person and the desk see that the inside was not looked at.
 */
export const ATT_ARCHIVE_WITH_EXECUTABLE = defineRule({
  id: "ATT_ARCHIVE_WITH_EXECUTABLE",
  group: "attachments",
  severity: "high",
  title: localized("圧縮ファイルの中にプログラムが入っています", "An archive contains a program"),
  explanation: localized(
    "添付の圧縮ファイルの中に、開くとプログラムとして動くファイル(.exe、.js、.lnk など)が入っています。圧縮して送るのは、メールサーバーでの検査を避けるためによく使われる手口です。展開したり中のファイルを開いたりせず、報告してください。",
    "The attached archive contains a file that runs as a program when opened (.exe, .js, .lnk and similar). Packing it into an archive is a common way to get past the mail server's checks. Do not extract it or open anything inside; report the mail.",
  ),
  check(context): RuleHit[] {
    for (const a of checkedAttachments(context)) if (isArchive(a)) reportContentNotInspected(context, a, ARCHIVE_CONTENT_RULES);
    return [];
  },
});
