import type { RuleHit } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { evidence, LABEL } from "../../evidence.js";
import { localized } from "../../i18n.js";
import { distinctBy, effectiveTarget, isWeb, linkEvidence } from "./common.js";

function userinfoOf(url: string): string | undefined {
  // No "@" anywhere, no user name: most links are not parsed again.
  if (!url.includes("@")) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.username === "" && parsed.password === "") return undefined;
    // Shown decoded: "%40" in a user name is how "www.go.jp@" hides a second "@".
    const raw = parsed.password === "" ? parsed.username : `${parsed.username}:${parsed.password}`;
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  } catch {
    return undefined;
  }
}

/**
 * LINK_USERINFO — "http://www.go.jp@evil.example/": the part before "@" is a user name (RFC 3986
 * §3.2.1), the browser connects to evil.example. Browsers deprecated the form for exactly this
 * abuse; a web link in mail has no honest reason to carry credentials.
 */
export const LINK_USERINFO = defineRule({
  id: "LINK_USERINFO",
  group: "links",
  severity: "high",
  title: localized("URL に「@」を使った偽装があります", "A web address uses “@” to disguise where it goes"),
  explanation: localized(
    "URL の「@」より前の部分はユーザー名として扱われ、実際に接続するのは「@」の後ろのサーバーです。たとえば http://www.go.jp@example.net/ は go.jp ではなく example.net に接続します。信頼できるドメインに見せかけるための手口です。",
    "In a web address everything before “@” is treated as a user name, and the browser connects to what follows it: http://www.go.jp@example.net/ opens example.net, not go.jp. It is a way to make a link look like a trusted domain.",
  ),
  check(context) {
    const hits: RuleHit[] = [];
    const links = context.body.links.filter((link) => isWeb(effectiveTarget(link)) && userinfoOf(effectiveTarget(link).url) !== undefined);
    for (const link of distinctBy(links, (l) => effectiveTarget(l).url)) {
      const target = effectiveTarget(link);
      hits.push({ evidence: [...linkEvidence(link), evidence(LABEL.userinfo, userinfoOf(target.url)!), evidence(LABEL.host, target.hostUnicode ?? target.host!)] });
    }
    return hits;
  },
});
