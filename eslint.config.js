// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import regexp from "eslint-plugin-regexp";
import { builtinModules } from "node:module";

/** Imports the pure core may never use: Node built-ins, Office.js, DOM-bound libraries. */
const HOST_ONLY_MODULES = [...builtinModules, "@microsoft/office-js", "office-js", "jsdom", "playwright-core"];
const HOST_ONLY_PATTERNS = ["node:*", "@microsoft/office-js/*", "@types/office-js"];

/** Thunderbird's MailExtension API: called from src/hosts/thunderbird only, one call per file. */
const MAILEXTENSION_GLOBALS = ["messenger", "browser"].map((name) => ({
  name,
  message: "MailExtension API calls live in src/hosts/thunderbird, one call per file with the API and Thunderbird version in its header.",
}));

/** Browser code (the Outlook host, the pane, the demo, the Thunderbird host): mail content never becomes markup. */
const NO_MARKUP_PROPERTIES = ["innerHTML", "outerHTML", "insertAdjacentHTML", "createContextualFragment", "setHTMLUnsafe", "srcdoc", "write", "writeln"].map(
  (property) => ({ property, message: "Mail content is only ever set as text (textContent, createElement)." }),
);
/** Browser code: no Node globals, no eval. */
const NO_NODE_GLOBALS = ["process", "Buffer", "require", "module", "__dirname", "__filename", "eval"].map((name) => ({ name, message: "Browser code: no Node globals, no eval." }));

const PURE_CORE = "The core is pure: no Node, Office.js or DOM imports (see DESIGN.md, 'Shape of the code').";

/** Globals that belong to a host (browser, Node, Office), not to the core. */
const HOST_GLOBALS = [
  "window", "document", "navigator", "localStorage", "sessionStorage", "fetch", "XMLHttpRequest",
  "Office", "OfficeRuntime", "Excel", "Word", "Outlook",
  "process", "Buffer", "require", "module", "__dirname", "__filename", "global", "setImmediate",
].map((name) => ({ name, message: "The core is pure: hosts pass data in (see src/core/index.ts)." })).concat(MAILEXTENSION_GLOBALS);

export default tseslint.config(
  { ignores: ["lib/", "dist/", "dist-thunderbird/", "dist-xpi/", "coverage/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs["flat/recommended"],
  {
    // No `files`: these apply to every file ESLint lints — TypeScript and JavaScript in src/ (core,
    // hosts, taskpane, ui, demo), scripts/, bench/ and test/ (test/core/regex.test.ts checks that).
    rules: {
      // Super-linear backtracking on attacker-written mail would stall the pane. "potential" also
      // reports the cases that need a rejecting suffix to blow up; ignoreSticky/ignorePartial off
      // so sticky and partly-used patterns are checked too. Every regex that reads mail is also
      // run on 100,000-character adversarial strings (test/core/regex.test.ts).
      "regexp/no-super-linear-backtracking": ["error", { report: "potential" }],
      "regexp/no-super-linear-move": ["error", { report: "potential", ignoreSticky: false, ignorePartial: false }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Every source file but the Thunderbird host: no MailExtension API (the blocks below, which
    // set their own lists, include these names too).
    files: ["src/**/*.ts"],
    ignores: ["src/hosts/thunderbird/**"],
    rules: { "no-restricted-globals": ["error", ...MAILEXTENSION_GLOBALS] },
  },
  {
    files: ["src/core/**/*.ts", "src/hosts/eml/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: HOST_ONLY_MODULES.map((name) => ({ name, message: PURE_CORE })),
          patterns: [{ group: HOST_ONLY_PATTERNS, message: PURE_CORE }],
        },
      ],
      "no-restricted-globals": ["error", ...HOST_GLOBALS],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    // Shared UI words (the pane and the command line): as pure as the core.
    files: ["src/ui/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: HOST_ONLY_MODULES.map((name) => ({ name, message: PURE_CORE })),
          patterns: [{ group: HOST_ONLY_PATTERNS, message: PURE_CORE }],
        },
      ],
      "no-restricted-globals": ["error", ...HOST_GLOBALS],
    },
  },
  {
    // The pane's view renders attacker-written mail: DOM only through createElement and text
    // (src/taskpane/view/h.ts), never markup; the document is passed in, Office.js stays outside.
    files: ["src/taskpane/view/**/*.ts"],
    languageOptions: {
      globals: { Document: "readonly", Element: "readonly", HTMLElement: "readonly", Node: "readonly", Text: "readonly", Intl: "readonly" },
    },
    rules: {
      "no-restricted-properties": [
        "error",
        ...["innerHTML", "outerHTML", "insertAdjacentHTML", "createContextualFragment", "setHTMLUnsafe", "srcdoc", "write", "writeln"].map(
          (property) => ({ property, message: "Mail content is only ever set as text: build elements with h() (src/taskpane/view/h.ts)." }),
        ),
      ],
      "no-restricted-globals": [
        "error",
        ...["document", "window", "DOMParser", "eval", "Function", "fetch", "XMLHttpRequest", "Office", "OfficeRuntime", "process", "Buffer"].map((name) => ({
          name,
          message: "The view is a pure function of (document, analysis, language): use the document passed in; no parsing, network or Office.js.",
        })),
        ...MAILEXTENSION_GLOBALS,
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: HOST_ONLY_MODULES.map((name) => ({ name, message: "The view runs in the pane: no Node, Office.js or DOM-emulation imports." })),
          patterns: [{ group: HOST_ONLY_PATTERNS, message: "The view runs in the pane: no Node or Office.js imports." }],
        },
      ],
    },
  },
  {
    // The Outlook host, the pane's glue and the demo host run in the browser: no Node; mail content
    // never becomes markup. The demo's sandboxed reading pane is the one srcdoc, marked where it is.
    files: ["src/hosts/outlook/**/*.ts", "src/taskpane/*.ts", "src/demo/**/*.ts"],
    rules: {
      "no-restricted-properties": ["error", ...NO_MARKUP_PROPERTIES],
      "no-restricted-globals": [
        "error",
        ...NO_NODE_GLOBALS,
        ...MAILEXTENSION_GLOBALS,
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [...builtinModules, "jsdom", "playwright-core"].map((name) => ({ name, message: "Browser code: no Node modules." })),
          patterns: [{ group: ["node:*"], message: "Browser code: no Node modules." }],
        },
      ],
    },
  },
  {
    // The Thunderbird host: the one place the MailExtension API (`messenger`) is called, one call
    // per file. Browser code like the Outlook host: no Node, no eval, no Office.js, and mail
    // content never becomes markup.
    files: ["src/hosts/thunderbird/**/*.ts"],
    rules: {
      "no-restricted-properties": ["error", ...NO_MARKUP_PROPERTIES],
      "no-restricted-globals": [
        "error",
        ...NO_NODE_GLOBALS,
        ...["Office", "OfficeRuntime"].map((name) => ({ name, message: "The Thunderbird host does not use Office.js." })),
        { name: "browser", message: "Use the `messenger` namespace (Thunderbird's own), declared in ./messenger.d.ts." },
      ],
      "no-restricted-imports": [
        "error",
        {
          paths: [...builtinModules, "jsdom", "playwright-core", "@microsoft/office-js"].map((name) => ({ name, message: "Browser code: no Node modules, no Office.js." })),
          patterns: [{ group: ["node:*"], message: "Browser code: no Node modules." }],
        },
      ],
    },
  },
  {
    // Scripts that drive Chromium pass functions to the page: those run with browser globals.
    files: ["scripts/browser.js", "scripts/screenshot.js", "bench/addin.bench.js"],
    languageOptions: {
      globals: { document: "readonly", window: "readonly", location: "readonly", performance: "readonly", requestAnimationFrame: "readonly", MutationObserver: "readonly", setTimeout: "readonly", clearTimeout: "readonly" },
    },
  },
);
