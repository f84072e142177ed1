#!/usr/bin/env node
// npm run validate: the add-in manifest against Office's XML schemas (xmllint) and the project's
// own rules (scripts/manifest-check.js), for manifest.xml and, when it has been built,
// dist/manifest.xml (with the base URL it was built for, from dist/build.json). For dist/ also:
// the pane's Content-Security-Policy allows the intake URL that dist/config.json names.
//   npm run validate [-- FILE.xml [--base URL]]
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkManifest } from "./manifest-check.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Where CI puts Office's manifest schemas: beside the repository, in ../shared. */
const SCHEMA_DIR = resolve(root, "../shared/office-manifest-xsd");
const SCHEMA = join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd");
const DEFAULT_BASE = "https://localhost:3000/";

function fail(message) {
  console.error(`validate: ${message}`);
  process.exit(1);
}

if (!existsSync(SCHEMA)) {
  fail(
    `the Office manifest schemas are not at ${SCHEMA_DIR} (../shared/office-manifest-xsd relative to the repository root). ` +
      "CI provides them there; on your machine, put the OfficeAppManifestV1_1.xsd family there " +
      "(from OfficeDev/office-js-docs-pr, docs/overview/schemas) and run again.",
  );
}

/** The pane's notification icon id, read from the source so the manifest and the code agree. */
function notificationIcon() {
  const source = readFileSync(join(root, "src/hosts/outlook/notify.ts"), "utf8");
  const match = /NOTIFICATION_ICON = "([^"]+)"/.exec(source);
  if (!match) fail("src/hosts/outlook/notify.ts does not define NOTIFICATION_ICON");
  return match[1];
}

function schemaCheck(file) {
  try {
    execFileSync("xmllint", ["--noout", "--schema", SCHEMA, file], { stdio: ["ignore", "pipe", "pipe"] });
    return [];
  } catch (error) {
    if (error.code === "ENOENT") fail("xmllint is not installed (Debian: apt-get install libxml2-utils)");
    return String(error.stderr ?? error.message)
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.endsWith("fails to validate"));
  }
}

/** dist/: the pane's CSP connect-src names the origin of config.json's intake URL, if any. */
function distChecks(dir) {
  const problems = [];
  const html = readFileSync(join(dir, "taskpane.html"), "utf8");
  // The build minifies the HTML: attribute quotes may be gone where they are optional.
  const csp = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]*)"/i.exec(html)?.[1];
  if (!csp) return ["dist/taskpane.html has no Content-Security-Policy meta element"];
  const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  if (!directives.get("script-src")?.every((v) => v === "'self'" || v === "https://appsforoffice.microsoft.com")) problems.push(`script-src allows more than this origin and Office's CDN: ${csp}`);
  if (csp.includes("unsafe-eval") || csp.includes("unsafe-inline")) problems.push(`the pane's CSP allows unsafe-*: ${csp}`);
  if (directives.get("object-src")?.join(" ") !== "'none'") problems.push("object-src is not 'none'");
  const configFile = join(dir, "config.json");
  if (existsSync(configFile)) {
    const intake = JSON.parse(readFileSync(configFile, "utf8"))?.securityDesk?.intakeUrl;
    if (intake && !directives.get("connect-src")?.includes(new URL(intake).origin)) {
      problems.push(`config.json's intakeUrl ${intake} is not allowed by connect-src (rebuild with this config.json: npm run build)`);
    }
  }
  return problems;
}

const args = process.argv.slice(2);
const baseArg = args.indexOf("--base");
const explicitBase = baseArg >= 0 ? args.splice(baseArg, 2)[1] : undefined;
const files = args.length > 0 ? args : ["manifest.xml", ...(existsSync(join(root, "dist/manifest.xml")) ? ["dist/manifest.xml"] : [])];

let failed = false;
for (const file of files) {
  const path = resolve(root, file);
  const dir = dirname(path);
  const inDist = existsSync(join(dir, "build.json"));
  const baseUrl = explicitBase ?? (inDist ? JSON.parse(readFileSync(join(dir, "build.json"), "utf8")).baseUrl : DEFAULT_BASE);
  const schemaErrors = schemaCheck(path);
  const result = checkManifest(readFileSync(path, "utf8"), {
    baseUrl,
    readFile: (relative) => (existsSync(join(dir, relative)) ? readFileSync(join(dir, relative)) : undefined),
    requireAllFiles: inDist,
    notificationIcon: notificationIcon(),
  });
  const errors = [...schemaErrors.map((e) => `Office XML schema: ${e}`), ...result.errors, ...(inDist ? distChecks(dir) : [])];
  console.log(`${file} (base ${baseUrl})`);
  if (schemaErrors.length === 0) console.log(`  ✓ Office XML schema (xmllint, ${SCHEMA_DIR})`);
  if (inDist && errors.length === result.errors.length + schemaErrors.length) console.log("  ✓ the pane's Content-Security-Policy (script-src, object-src, no unsafe-*, intake URL)");
  for (const p of result.passed) console.log(`  ✓ ${p}`);
  for (const e of errors) console.log(`  ✗ ${e}`);
  failed ||= errors.length > 0;
}
process.exit(failed ? 1 : 0);
