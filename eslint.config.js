// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import regexp from "eslint-plugin-regexp";
import { builtinModules } from "node:module";

/** Imports the pure core may never use: Node built-ins, Office.js, DOM-bound libraries. */
const HOST_ONLY_MODULES = [...builtinModules, "@microsoft/office-js", "office-js", "jsdom", "playwright-core"];
const HOST_ONLY_PATTERNS = ["node:*", "@microsoft/office-js/*", "@types/office-js"];

const PURE_CORE = "The core is pure: no Node, Office.js or DOM imports (see DESIGN.md, 'Shape of the code').";

/** Globals that belong to a host (browser, Node, Office), not to the core. */
const HOST_GLOBALS = [
  "window", "document", "navigator", "localStorage", "sessionStorage", "fetch", "XMLHttpRequest",
  "Office", "OfficeRuntime", "Excel", "Word", "Outlook",
  "process", "Buffer", "require", "module", "__dirname", "__filename", "global", "setImmediate",
].map((name) => ({ name, message: "The core is pure: hosts pass data in (see src/core/index.ts)." }));

export default tseslint.config(
  { ignores: ["lib/", "dist/", "coverage/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs["flat/recommended"],
  {
    rules: {
      // Super-linear backtracking on attacker-written mail would stall the pane.
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
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
);
