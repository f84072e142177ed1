import { LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule, type RuleHit } from "../../rule.js";
import { inspectedAttachments } from "./content.js";
import { attachmentEvidence, contentEvidence, indicatorEvidence, indicatorsOf } from "./shared.js";

/**
 * ATT_REMOTE_TEMPLATE (high): a document that fetches something from another machine as soon
 * as it is opened — an attached template on a web server or network share ("remote template
 * injection": the document itself is clean, the macros come with the template), an OLE object
 * or frame linked to a URL (CVE-2017-0199, Follina CVE-2022-30190), a linked object in RTF, or
 * a picture on a network share (Windows sends the user's password hash to it). Templates and
 * links on the local disk are ordinary and not reported.
 */
export const ATT_REMOTE_TEMPLATE = defineRule({
  id: "ATT_REMOTE_TEMPLATE",
  group: "attachments",
  severity: "high",
  title: localized("開くと外部から何かを読み込む文書です(リモートテンプレート)", "The document loads something from another computer when opened (remote template)"),
  explanation: localized(
    "この文書には、開いた瞬間にインターネット上のサーバーや共有フォルダーからテンプレートやオブジェクトを読み込む設定が含まれています。文書そのものには怪しい部分がなくても、読み込まれる側にマクロや攻撃用のプログラムを仕込む手口です。共有フォルダーへの接続では、Windows のパスワード情報が送られてしまうこともあります。開かずに報告してください。",
    "This document is set up to load a template or an object from a server on the internet or a network share the moment it is opened. The document itself may look clean; the macros or the exploit come with what it loads. Connecting to a network share can also send the computer's Windows password hash to that machine. Do not open it; report the mail.",
  ),
  check(context): RuleHit[] {
    const hits: RuleHit[] = [];
    for (const { attachment: a, inspection } of inspectedAttachments(context, "document")) {
      const found = indicatorsOf(inspection, "remote-template", "external-object");
      if (found.length === 0) continue;
      hits.push({ evidence: attachmentEvidence(a, contentEvidence(inspection), ...indicatorEvidence(LABEL.loadsFrom, found, 5)) });
    }
    return hits;
  },
});
