// @ts-check
// Builds the Thunderbird add-on (a MailExtension, Manifest V3) into dist-thunderbird/: the
// unpacked add-on that `npm run build:thunderbird` then packs into dist-xpi/*.xpi and
// `npm run lint:thunderbird` checks with web-ext lint. The popup is src/hosts/thunderbird/popup.ts
// with the task pane's view and report flow (shared, not copied) and the same analysis engine
// chunk; the IP-to-country table is packaged and read only when a mail's origin needs placing.
//
//   ADDIN_CONFIG=our-config.json npm run build:thunderbird
//
// ADDIN_CONFIG plays one part here: when it names `securityDesk.intakeUrl`, that URL's origin is
// added to the popup's connect-src (the rest of the settings come from the administrator's
// policy, storage.managed, at run time — the same schema).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { typescriptBuild } from "./scripts/lib/webpack-typescript.js";

const root = path.dirname(fileURLToPath(import.meta.url));
const EXTENSION = "src/hosts/thunderbird/extension";

/** The intake origin the popup may POST to (from ADDIN_CONFIG), or none. */
function intakeOrigin() {
  const file = process.env.ADDIN_CONFIG;
  if (!file) return undefined;
  const config = JSON.parse(readFileSync(path.resolve(root, file), "utf8"));
  const url = config?.securityDesk?.intakeUrl;
  if (typeof url !== "string" || url === "") return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:") throw new Error(`securityDesk.intakeUrl must be https:// (${url})`);
  return parsed.origin;
}

/**
 * The popup's policy: the manifest's content_security_policy.extension_pages and the popup's meta
 * element alike. Thunderbird requires script-src 'self' and object-src 'none' at least; the rest
 * narrows it further (no connections but the add-in's own files and the intake).
 */
export function popupCsp(intake = intakeOrigin()) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${intake ? ` ${intake}` : ""}`,
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * manifest.json of the build: the package's version and the policy above.
 * @param {Buffer} content
 */
function manifest(content) {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const m = JSON.parse(content.toString("utf8"));
  m.version = pkg.version;
  m.content_security_policy = { extension_pages: popupCsp() };
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** @type {(env: Record<string, unknown>, argv: { mode?: string }) => import("webpack").Configuration} */
export default (env, argv) => {
  const production = (argv.mode ?? "production") === "production";
  if (!existsSync(path.join(root, "assets/geo/ip-country.bin"))) throw new Error("assets/geo/ip-country.bin is missing: run npm run build:geo");
  return {
    mode: production ? "production" : "development",
    context: root,
    entry: { popup: "./src/hosts/thunderbird/popup.ts" },
    output: {
      path: path.join(root, "dist-thunderbird"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      publicPath: "",
      clean: true,
    },
    // No eval-based devtool (the add-on's policy forbids eval); no source maps in the package.
    devtool: false,
    ...typescriptBuild(root),
    performance: { hints: false },
    stats: env.quiet ? "errors-warnings" : "normal",
    plugins: [
      new HtmlWebpackPlugin({ filename: "popup.html", template: `./${EXTENSION}/popup.html`, chunks: ["popup"], scriptLoading: "defer", csp: popupCsp() }),
      new CopyWebpackPlugin({
        patterns: [
          { from: `${EXTENSION}/manifest.json`, to: "manifest.json", transform: manifest },
          { from: `${EXTENSION}/_locales`, to: "_locales" },
          { from: `${EXTENSION}/popup.css`, to: "popup.css" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "assets/icon-{16,32,64}.png", to: "assets/[name][ext]" },
          { from: "assets/geo/ip-country.bin", to: "assets/geo/ip-country.bin" },
        ],
      }),
    ],
  };
};
