import type { Severity } from "../../analysis.js";
import type { RuleContext } from "../../context.js";
import { evidence, LABEL } from "../../evidence.js";
import { headerValues } from "../../headers/block.js";
import { localized } from "../../i18n.js";
import { defineRule } from "../../rule.js";
import { authOf, headersMissing } from "./common.js";

/**
 * The subject says "Re:" or "Fw:" but the mail carries none of the headers a real reply or
 * forward has: In-Reply-To and References (RFC 5322 §3.6.4), or a Thread-Index with reply blocks
 * (Outlook's conversation index, [MS-OXOMSG] §2.2.1.3: 22 bytes for a new conversation, 5 more
 * per reply). A fake "Re:" makes a first contact look like an ongoing conversation.
 * Medium for replies whose sender the receiver could not authenticate; low otherwise, and for
 * forwards (several clients start forwards as new threads).
 */

/** Prefixes in the languages our users receive mail in, after NFKC (so "ＲＥ：" is "RE:"). */
const REPLY = new Set(["re", "res", "aw", "sv", "vs", "antw", "返信", "回复", "回覆", "답장", "回信"]);
const FORWARD = new Set(["fw", "fwd", "tr", "wg", "rv", "enc", "転送", "转发", "轉寄", "전달"]);

/** "[list] Re[2]: subject" → "re"; undefined when the subject does not start with a prefix. */
export function subjectPrefix(subject: string): string | undefined {
  let s = subject.normalize("NFKC").trimStart();
  // Skip up to three list tags ("[exmh] ", "【重要】").
  for (let k = 0; k < 3; k++) {
    const open = s[0];
    const close = open === "[" ? "]" : open === "【" ? "】" : undefined;
    if (!close) break;
    const end = s.indexOf(close);
    if (end < 0 || end > 60) break;
    s = s.slice(end + 1).trimStart();
  }
  let i = 0;
  while (i < s.length && i < 12 && s[i] !== ":" && s[i] !== "[" && s[i] !== "(" && s[i] !== "^" && s[i] !== " ") i++;
  const word = s.slice(0, i).toLowerCase();
  let rest = s.slice(i);
  // Counters: "Re[2]:", "Re(2):", "Re^2:".
  const counter = /^(?:\[\d{1,3}\]|\(\d{1,3}\)|\^\d{1,3})/.exec(rest);
  if (counter) rest = rest.slice(counter[0].length);
  rest = rest.trimStart();
  if (!rest.startsWith(":")) return undefined;
  return REPLY.has(word) ? "re" : FORWARD.has(word) ? "fw" : undefined;
}

function threadIndexShowsReply(context: RuleContext): boolean {
  for (const value of headerValues(context.snapshot.headers, "thread-index")) {
    try {
      if (atob(value.trim()).length > 22) return true;
    } catch {
      // Not base64: ignore it.
    }
  }
  return false;
}

export const REPLY_WITHOUT_THREAD = defineRule({
  id: "REPLY_WITHOUT_THREAD",
  group: "sender",
  severity: "medium",
  title: localized("「Re:」「Fw:」なのに、返信・転送の記録がありません", "\"Re:\" or \"Fw:\" without any earlier message"),
  explanation: localized(
    "件名は「Re:」(返信)や「Fw:」(転送)で始まっていますが、本物の返信や転送に付く、元のメールとの関連付けの情報がありません。やりとりの続きに見せかけて、初めて送るメールを信用させる手口の可能性があります。本当に自分が送ったメールへの返信かどうか確認してください。",
    "The subject starts with \"Re:\" (reply) or \"Fw:\" (forward), but the mail has none of the information that links a real reply or forward to the earlier message. Making a first contact look like an ongoing conversation is a common trick. Check whether this really answers a mail you sent.",
  ),
  check(context) {
    const subject = context.snapshot.subject;
    if (!subject) return [];
    const prefix = subjectPrefix(subject);
    if (!prefix) return [];
    if (headersMissing(context)) return [];
    const snapshot = context.snapshot;
    if ((snapshot.inReplyTo ?? "").trim() !== "" || snapshot.references.length > 0 || threadIndexShowsReply(context)) return [];
    // A fake "Re:" from an address the receiver could not authenticate is the phishing pattern;
    // from an authenticated sender, or where no receiver evaluated the sender at all (older
    // mail, some clients that drop thread headers), it is only a hint.
    const auth = authOf(context);
    const severity: Severity = prefix === "re" && auth.evaluated && !auth.fromAuthenticated ? "medium" : "low";
    return [{ severity, evidence: [evidence(LABEL.subject, subject), evidence(LABEL.threadHeaders, "—")] }];
  },
});
