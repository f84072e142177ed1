#!/usr/bin/env node
// Regenerates the rule table in README.md from the rule modules (npm run docs:rules).
// test/docs.test.ts fails when the README and the rules disagree.
import { readFile, writeFile } from "node:fs/promises";
import { RULES } from "../lib/index.js";
import { replaceRulesSection } from "../lib/docs/rules-table.js";

const readmeUrl = new URL("../README.md", import.meta.url);
const readme = await readFile(readmeUrl, "utf8");
await writeFile(readmeUrl, replaceRulesSection(readme, RULES));
console.log(`README.md: ${RULES.length} rules`);
