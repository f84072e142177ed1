import type { Severity } from "../../analysis.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { defineRule } from "../../rule.js";
import { brandNamed, isBrandDomain } from "./brands.js";
import { isFreemail, providerBrands } from "./domains.js";

/**
 * A free mail address (anyone can open one in a minute) whose display name or signature speaks
 * for a company, a bank or a government office. Real organisations write from their own domains.
 *
 * Display name: government → high, company/bank/service desk → medium. A well-known brand in the
 * subject (brands.ts) → medium. Signature (the last
 * lines of the text body): government → medium, company → low (people do sign personal mail
 * with their employer's name).
 */

/** Government and public bodies (ja substrings, en words). */
const GOV_JA = ["役所", "役場", "県庁", "都庁", "府庁", "道庁", "内閣", "警察", "税務署", "国税", "年金機構", "大使館", "領事館", "独立行政法人", "税関"];
const GOV_EN = ["ministry", "government", "embassy", "consulate", "police", "irs", "customs", "federal", "municipal"];

/** Companies, banks, service desks. */
const ORG_JA = [
  "株式会社", "(株)", "㈱", "有限会社", "合同会社", "社団法人", "財団法人", "協会", "組合", "銀行", "信用金庫", "証券", "保険",
  "カード", "サポート", "カスタマー", "事務局", "運営", "管理者", "お客様センター", "窓口", "郵便", "運輸", "急便",
];
const ORG_EN = [
  "inc", "ltd", "llc", "corp", "corporation", "company", "gmbh", "bank", "banking", "support", "helpdesk", "customer", "billing",
  "security", "administrator", "admin", "webmaster", "postmaster", "official", "department", "dept", "service", "services",
  "paypal", "apple", "microsoft", "amazon", "netflix", "docusign", "dhl", "fedex", "usps", "ups", "office365", "outlook",
];
/** Suffix words strong enough to count in a signature (not "support": bodies say it all the time). */
const SIGNATURE_JA = ["株式会社", "(株)", "㈱", "有限会社", "合同会社", "社団法人", "財団法人", "銀行", "信用金庫"];
const SIGNATURE_EN = ["inc", "ltd", "llc", "corp", "corporation", "gmbh", "bank"];

function isCjk(c: string | undefined): boolean {
  if (!c) return false;
  const code = c.codePointAt(0)!;
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** "省"/"庁" ending a word ("外務省", "デジタル庁"), not inside one ("省エネ"). */
function endsWithOfficeSuffix(text: string): string | undefined {
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if ((c === "省" || c === "庁") && isCjk(text[i - 1]) && !isCjk(text[i + 1])) return text.slice(Math.max(0, i - 6), i + 1);
  }
  return undefined;
}

function englishWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) if (w) words.add(w);
  return words;
}

type Claim = "gov" | "org";

function claimOf(text: string, orgJa: readonly string[], orgEn: readonly string[], own: readonly string[]): Claim | undefined {
  const normalized = text.normalize("NFKC");
  const words = englishWords(normalized);
  for (const brand of own) words.delete(brand);
  if (endsWithOfficeSuffix(normalized) || GOV_JA.some((k) => normalized.includes(k)) || GOV_EN.some((k) => words.has(k))) return "gov";
  if (orgJa.some((k) => normalized.includes(k.normalize("NFKC"))) || orgEn.some((k) => words.has(k))) return "org";
  return undefined;
}

/** The service's own system mailboxes (RFC 5321 §4.5.1 postmaster, bounce daemons) speak for it. */
const SYSTEM_LOCAL_PARTS = new Set(["postmaster", "mailer-daemon", "abuse"]);

/** The signature block: the last non-empty short lines of the text body. */
function signatureLines(text: string | undefined): string[] {
  if (!text) return [];
  const lines = text.slice(-4000).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && l.length <= 80);
  return lines.slice(-12);
}

export const FREEMAIL_ORG_CLAIM = defineRule({
  id: "FREEMAIL_ORG_CLAIM",
  group: "sender",
  severity: "medium",
  title: localized(
    "フリーメールのアドレスなのに、企業や官公庁を名乗っています",
    "A free mail address claims to be a company or public office",
  ),
  explanation: localized(
    "差出人は Gmail や Yahoo! メールなど、誰でも無料で作れるメールアドレスですが、表示名や署名では企業・銀行・官公庁などの組織を名乗っています。実在の組織は通常、自分のドメインのアドレスからメールを送ります。組織の公式な連絡先(ウェブサイトや電話番号)で確認してください。",
    "The sender uses a free mail address that anyone can create (Gmail, Yahoo! Mail and the like), yet its display name or signature claims to be a company, bank or public office. Real organisations normally write from addresses on their own domain. Check with the organisation through its official website or phone number.",
  ),
  check(context) {
    const from = context.sender;
    if (!from.domain || !isFreemail(from.domain)) return [];
    const address = from.from?.address ?? "";
    if (SYSTEM_LOCAL_PARTS.has(address.slice(0, address.lastIndexOf("@")).toLowerCase())) return [];
    const own = providerBrands(from.domain);
    const name = from.from?.name?.trim() ?? "";
    const nameClaim = name ? claimOf(name, ORG_JA, ORG_EN, own) : undefined;
    if (nameClaim) {
      const severity: Severity = nameClaim === "gov" ? "high" : "medium";
      return [{ severity, evidence: [evidence(LABEL.displayName, name), evidence(LABEL.from, from.from!.address)] }];
    }
    // A well-known organisation named in the subject ("Norton 360 renewal #4611", "PayPal
    // invoice") while the mail comes from a free address: the call-back and invoice scams.
    const subject = context.snapshot.subject ?? "";
    const brand = subject ? brandNamed(subject) : undefined;
    if (brand && !isBrandDomain(from.domain, brand.labels)) {
      return [{ severity: "medium", evidence: [evidence(LABEL.subject, subject), evidence(LABEL.from, from.from!.address)] }];
    }
    for (const line of signatureLines(context.snapshot.text)) {
      const claim = claimOf(line, SIGNATURE_JA, SIGNATURE_EN, own);
      if (!claim) continue;
      const severity: Severity = claim === "gov" ? "medium" : "low";
      return [{ severity, evidence: [evidence(LABEL.signature, line), evidence(LABEL.from, from.from!.address)] }];
    }
    return [];
  },
});
