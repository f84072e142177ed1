import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { extensionFamily, typeFamily, type FileFamily } from "../../attachments/names.js";
import { isFileSharingHost } from "../../body/services.js";
import { defineRule } from "../../rule.js";
import { clipUrl, effectiveTarget, isClickable, isWeb } from "../links/common.js";
import { isFreemail } from "./domains.js";

/**
 * FREEMAIL_ATTACHMENT: a document, archive, web page or program sent from a free mail address,
 * outside any conversation. Work documents come from work addresses; a free address that
 * anyone can open in a minute, with a file attached and no thread behind it, is the shape of
 * targeted mail that Japan's IPA lists among the signs (sender on a free mail service, unknown
 * to the reader, with an attachment). Beyond the DESIGN.md catalogue.
 *
 * A link to a file on a sharing service (Google Drive, Dropbox, OneDrive, WeTransfer…) is the
 * same file sent another way, and the way most such mail now carries it: it counts too.
 *
 * Medium: enough for "check before opening", never "danger" on its own. Quiet for replies
 * (In-Reply-To / References present), pictures, calendar invitations and nameless parts
 * (delivery reports).
 */
const DOCUMENT_FAMILIES: ReadonlySet<FileFamily> = new Set(["executable", "html", "pdf", "office", "archive"]);

/** Most shared-file links shown as evidence. */
const MAX_SHARED_LINKS = 5;

export const FREEMAIL_ATTACHMENT = defineRule({
  id: "FREEMAIL_ATTACHMENT",
  group: "sender",
  severity: "medium",
  title: localized(
    "フリーメールのアドレスからファイルが送られてきています",
    "A file was sent from a free mail address",
  ),
  explanation: localized(
    "誰でも無料で作れるメールアドレス(Gmail、Yahoo! メールなど)から、やり取りの途中ではない新しいメールで文書や圧縮ファイル、またはファイル共有サービス上のファイルへのリンクが届いています。標的型攻撃メールによく見られる形です。心当たりのない相手なら添付ファイルを開かず、相手の正式な連絡先で送信の事実を確かめてください。",
    "A document or archive, or a link to a file on a sharing service, arrived from a free mail address that anyone can create (Gmail, Yahoo! Mail and the like), in a new mail rather than a reply in an ongoing conversation. This is a common shape of targeted attack mail. If you do not know the sender, do not open the attachment; confirm with them through their official contact details.",
  ),
  check(context) {
    const { sender, snapshot } = context;
    if (!isFreemail(sender.domain)) return [];
    if (snapshot.inReplyTo || snapshot.references.length > 0) return [];
    const files = context.attachments.filter((a) => {
      if (a.name === "" || a.inline) return false;
      const family = extensionFamily(a.extension) ?? typeFamily(a.declaredType);
      return family !== undefined && DOCUMENT_FAMILIES.has(family);
    });
    const shared = context.body.links.filter((link) => isClickable(link) && isWeb(effectiveTarget(link)) && isFileSharingHost(effectiveTarget(link).host));
    if (files.length === 0 && shared.length === 0) return [];
    const sharedUrls = [...new Set(shared.map((link) => clipUrl(effectiveTarget(link).url)))].slice(0, MAX_SHARED_LINKS);
    return [
      {
        evidence: [
          evidence(LABEL.from, sender.from?.address ?? ""),
          ...files.map((a) => evidence(LABEL.attachment, a.name)),
          ...sharedUrls.map((url) => evidence(LABEL.sharedFileLink, url)),
        ],
      },
    ];
  },
});
