import type { Rule } from "../core/rule.js";

const START = "<!-- rules:start -->";
const END = "<!-- rules:end -->";
const GROUP_NAMES = { links: "Links", sender: "Sender and origin", attachments: "Attachments" } as const;

/** The README's rule table, generated from the rule modules so documentation cannot drift. */
export function rulesTable(rules: readonly Rule[]): string {
  const lines = ["| ID | group | default severity | what it means | 日本語 |", "|---|---|---|---|---|"];
  for (const r of rules) lines.push(`| \`${r.id}\` | ${GROUP_NAMES[r.group]} | ${r.severity} | ${r.title.en} | ${r.title.ja} |`);
  return lines.join("\n");
}

export function replaceRulesSection(readme: string, rules: readonly Rule[]): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${rulesTable(rules)}\n${readme.slice(end)}`;
}
