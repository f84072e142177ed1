import type { RuleHit } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { hostToUnicode, isIdnHost } from "../../net/domain.js";
import { skeleton } from "../../net/lookalike.js";
import { distinctBy, effectiveTarget, linkEvidence } from "./common.js";

/** Scripts that matter for spoofing, tested per character (Unicode Script property, UTS #24). */
const SCRIPTS: readonly (readonly [string, RegExp])[] = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Armenian", /\p{Script=Armenian}/u],
  ["Han", /\p{Script=Han}/u],
  ["Hiragana", /\p{Script=Hiragana}/u],
  ["Katakana", /\p{Script=Katakana}/u],
  ["Hangul", /\p{Script=Hangul}/u],
  ["Bopomofo", /\p{Script=Bopomofo}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Thai", /\p{Script=Thai}/u],
];

export function scriptsOf(label: string): Set<string> {
  const found = new Set<string>();
  for (const char of label) {
    const hit = SCRIPTS.find(([, re]) => re.test(char));
    if (hit) found.add(hit[0]);
    else if (/\p{L}/u.test(char)) found.add("Other");
  }
  return found;
}

/**
 * Script mixes a real name can have (UTS #39 §5.2 "Highly Restrictive"): Japanese (Latin + Han +
 * Hiragana + Katakana), Chinese (Latin + Han + Bopomofo), Korean (Latin + Han + Hangul). Any
 * other mix — above all Latin with Cyrillic or Greek — is a spoofing signal.
 */
const ALLOWED_MIXES: readonly ReadonlySet<string>[] = [
  new Set(["Latin", "Han", "Hiragana", "Katakana"]),
  new Set(["Latin", "Han", "Bopomofo"]),
  new Set(["Latin", "Han", "Hangul"]),
];

export function isMixedScript(scripts: ReadonlySet<string>): boolean {
  if (scripts.size < 2) return false;
  return !ALLOWED_MIXES.some((allowed) => [...scripts].every((s) => allowed.has(s)));
}

/** A label written entirely in look-alike letters of another script ("аррӏе" in Cyrillic reads as "apple"). */
export function isWholeScriptConfusable(label: string, scripts: ReadonlySet<string>): boolean {
  if (scripts.size !== 1 || scripts.has("Latin")) return false;
  const [script] = scripts;
  if (script !== "Cyrillic" && script !== "Greek" && script !== "Armenian") return false;
  return /^[\d\-a-z]+$/.test(skeleton(label));
}

/**
 * LINK_PUNYCODE — the link's host is an internationalised domain name (xn--, RFC 5890). High when
 * a label mixes scripts in a way no real name does, or is written wholly in letters that pass for
 * Latin; low otherwise (Japanese IDNs such as "日本語.jp" are real, and look-alikes of known
 * domains are LINK_LOOKALIKE's business).
 */
export const LINK_PUNYCODE = defineRule({
  id: "LINK_PUNYCODE",
  group: "links",
  severity: "low",
  title: localized("国際化ドメイン名(xn--)へのリンクがあります", "A link uses an internationalised domain name (xn--)"),
  explanation: localized(
    "リンク先のドメイン名に英数字以外の文字が使われています(内部では xn-- で始まる名前になります)。ラテン文字とキリル文字のように見た目のよく似た文字を混ぜると、有名なドメインとほとんど同じに見える別のドメインを作れます。表示されている名前をうのみにせず、実際の名前を確かめてください。",
    "The link's domain name contains characters other than plain letters and digits (it is encoded as xn-- internally). Mixing look-alike letters from different alphabets, such as Latin and Cyrillic, makes a domain that looks almost identical to a well-known one. Do not trust the name as displayed; check the real one.",
  ),
  check(context) {
    const hits: RuleHit[] = [];
    const idn = context.body.links.filter((link) => isIdnHost(effectiveTarget(link).host));
    for (const link of distinctBy(idn, (l) => effectiveTarget(l).host!)) {
      const host = effectiveTarget(link).host!;
      let spoof = false;
      const mixed = new Set<string>();
      for (const label of host.split(".")) {
        if (!label.startsWith("xn--")) continue;
        const unicode = hostToUnicode(label);
        const scripts = scriptsOf(unicode);
        if (isMixedScript(scripts)) {
          spoof = true;
          scripts.forEach((s) => mixed.add(s));
        } else if (isWholeScriptConfusable(unicode, scripts)) {
          spoof = true;
        }
      }
      const ev = [...linkEvidence(link), evidence(LABEL.idnDisplay, `${hostToUnicode(host)} = ${host}`)];
      if (mixed.size > 0) ev.push(evidence(LABEL.scripts, [...mixed].join(" + ")));
      hits.push({ severity: spoof ? "high" : undefined, evidence: ev });
    }
    return hits;
  },
});
