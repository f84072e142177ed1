// @ts-check
// Builds the Outlook add-in into dist/ for any base URL:
//   ADDIN_BASE_URL=https://mail-check.example.co.jp/addin/ npm run build
// dist/ then holds everything a static HTTPS host serves: manifest.xml (its URLs rewritten to
// the base URL), taskpane.html + its script and CSS, config.json (ADDIN_CONFIG, or the sample
// configuration), the IP-to-country table (fetched by the pane only when a mail needs it), the
// icons, and the demo host (demo.html with the sample mails).
import { Buffer } from "node:buffer";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import CopyWebpackPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack from "webpack";
import { typescriptBuild } from "./scripts/lib/webpack-typescript.js";
import { rebaseManifest } from "./scripts/manifest-check.js";
import { popupCsp } from "./webpack.thunderbird.config.js";

const root = path.dirname(fileURLToPath(import.meta.url));
/** The base URL written in manifest.xml (npm start serves there). */
const MANIFEST_BASE = "https://localhost:3000/";
/** Initial JavaScript of the pane, gzip: the build fails above it. */
const PANE_JS_BUDGET = 150 * 1024;
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** ADDIN_BASE_URL, checked: https, ending in "/". */
function baseUrl() {
  const raw = process.env.ADDIN_BASE_URL?.trim() || MANIFEST_BASE;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL must be https:// (Office loads add-ins over HTTPS only): ${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_BASE_URL must not have a query or fragment: ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * config.json of the build: ADDIN_CONFIG names the organisation's file; without it the sample
 * configuration is copied (replace dist/config.json on the server at any time: the pane reads it
 * on every start). Checked here with the same validator as the pane and the command line.
 */
async function configFile() {
  const file = path.resolve(root, process.env.ADDIN_CONFIG || "samples/config.example.json");
  const text = readFileSync(file, "utf8");
  const lib = path.join(root, "lib/core/config.js");
  if (existsSync(lib)) {
    const { parseConfig } = await import(lib);
    const result = parseConfig(text);
    if (!result.ok) {
      const errors = result.errors.map((e) => `  ${e.path || "(file)"}: ${e.message.en}`).join("\n");
      throw new Error(`${path.relative(root, file)} is not a valid configuration:\n${errors}`);
    }
    return { file, config: result.config };
  }
  return { file, config: JSON.parse(text) };
}

/**
 * The pane's Content-Security-Policy. connect-src is this origin, plus the origin of the
 * intake URL the configuration names: a meta CSP is fixed at build time, so changing intakeUrl
 * to another origin needs a rebuild (npm run validate checks dist/ agrees with its config.json).
 */
function paneCsp(config) {
  const connect = ["'self'"];
  const intake = config?.securityDesk?.intakeUrl;
  if (intake) connect.push(new URL(intake).origin);
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(" ")}`,
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** webpack-dev-server's HTTPS: office-addin-dev-certs' files when they exist, else its own self-signed certificate. */
function httpsServer() {
  const dir = path.join(homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (Object.values(files).every((f) => existsSync(path.join(dir, f)))) {
    return { type: "https", options: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, readFileSync(path.join(dir, f))])) };
  }
  return { type: "https" };
}

/** Emits samples/index.json (the demo's list), dist/build.json, and measures the pane's initial JS. */
class AddinReportPlugin {
  /** @param {{ base: string, configSource: string, quiet: boolean, production: boolean }} options */
  constructor(options) {
    this.options = options;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap("AddinReportPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "AddinReportPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const samples = readdirSync(path.join(root, "samples")).filter((f) => f.endsWith(".eml")).sort();
        compilation.emitAsset("samples/index.json", new RawSource(`${JSON.stringify(samples, null, 2)}\n`));
        const entry = compilation.entrypoints.get("taskpane");
        const initialFiles = ["bridge", "taskpane"].flatMap((name) => [...(compilation.entrypoints.get(name)?.getFiles() ?? [])]).filter((f) => f.endsWith(".js"));
        const lazyFiles = [...new Set((entry?.chunks ?? []).flatMap((c) => [...c.getAllAsyncChunks()].flatMap((a) => [...a.files])))].filter((f) => f.endsWith(".js"));
        const measure = (files) =>
          files.map((f) => {
            const source = compilation.getAsset(f)?.source.buffer() ?? Buffer.alloc(0);
            return { file: f, bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
          });
        const total = (list) => list.reduce((n, f) => n + f.gzipBytes, 0);
        const initial = measure(initialFiles);
        const lazy = measure(lazyFiles);
        const build = {
          baseUrl: this.options.base,
          config: this.options.configSource,
          pane: {
            budgetBytes: PANE_JS_BUDGET,
            initialJs: { gzipBytes: total(initial), files: initial },
            engineJs: { gzipBytes: total(lazy), files: lazy, note: "requested when the pane starts, in parallel with Office.onReady" },
          },
        };
        compilation.emitAsset("build.json", new RawSource(`${JSON.stringify(build, null, 2)}\n`));
        const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
        if (!this.options.production) {
          if (!this.options.quiet) console.log(`Task pane JS, gzip: initial ${kb(total(initial))} + engine ${kb(total(lazy))} (development build, not minified: the budget applies to npm run build)`);
          return;
        }
        if (!this.options.quiet) {
          console.log(
            `Task pane JS, gzip: initial ${kb(total(initial))} (budget ${kb(PANE_JS_BUDGET)}) + analysis engine ${kb(total(lazy))} ` +
              `loaded in parallel = ${kb(total(initial) + total(lazy))} before the first verdict (geo table separate, only when needed)`,
          );
        }
        if (total(initial) > PANE_JS_BUDGET) {
          compilation.errors.push(new webpack.WebpackError(`The task pane's initial JS is ${kb(total(initial))} gzip, over the ${kb(PANE_JS_BUDGET)} budget`));
        }
      });
    });
  }
}

/** Prints, once the dev server has built, where things are and how to sideload. */
class StartBannerPlugin {
  /** @param {string} base */
  constructor(base) {
    this.base = base;
    this.shown = false;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    compiler.hooks.done.tap("StartBannerPlugin", (stats) => {
      if (this.shown || stats.hasErrors()) return;
      this.shown = true;
      const b = this.base;
      console.log(
        [
          "",
          `Check This Mail is served at ${b}`,
          "",
          `  Demo, no Outlook needed:  ${b}demo.html`,
          `  The task pane:            ${b}taskpane.html`,
          "",
          "  The certificate is self-signed unless office-addin-dev-certs made one: open the demo URL",
          "  once and accept it (Outlook will not load the pane until the browser trusts it).",
          "",
          "  Sideload manifest.xml (this folder) into Outlook:",
          "    Outlook on the web / new Outlook: open https://aka.ms/olksideload → My add-ins →",
          "      Custom add-ins → Add a custom add-in → Add from file… → manifest.xml",
          "    Classic Outlook on Windows: Home → Get Add-ins (or File → Manage Add-ins) → My add-ins →",
          "      Custom add-ins → Add a custom add-in → Add from file… → manifest.xml",
          "    Outlook on Mac: Get Add-ins → My add-ins → Custom add-ins → Add from file… → manifest.xml",
          "  Then open a mail and click “Check this mail” (「このメールをチェック」) on the ribbon.",
          "",
        ].join("\n"),
      );
    });
  }
}

/** @type {(env: Record<string, unknown>, argv: { mode?: string }) => Promise<import("webpack").Configuration>} */
export default async (env, argv) => {
  const production = (argv.mode ?? "production") === "production";
  const base = baseUrl();
  const { file: configSource, config } = await configFile();
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    mode: production ? "production" : "development",
    context: root,
    entry: {
      // Runs before office.js in taskpane.html (see src/taskpane/bridge.ts).
      bridge: "./src/taskpane/bridge.ts",
      taskpane: "./src/taskpane/taskpane.ts",
      demo: "./src/demo/demo.ts",
      // The Thunderbird demo host and the Thunderbird popup it embeds (the add-on itself is built
      // by webpack.thunderbird.config.js from the same popup.ts; here it runs beside a stand-in).
      "thunderbird-popup": "./src/hosts/thunderbird/popup.ts",
      "thunderbird-demo": "./src/demo/thunderbird-demo.ts",
    },
    output: {
      path: path.join(root, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "",
      clean: true,
    },
    // Separate .map files for the scripts: the pane's CSP allows no eval, so no eval-based
    // devtool either (the plugin below is devtool: "source-map", limited to .js).
    devtool: false,
    ...typescriptBuild(root),
    // The Outlook pane's engine chunk stays whole: the Thunderbird popup's engine (built here for
    // the Thunderbird demo) shares most of its modules, which must not be split out of it into a
    // third chunk the pane would then have to fetch (vendors are split as before).
    optimization: { splitChunks: { cacheGroups: { default: false } } },
    performance: { hints: false }, // the pane's budget is checked by AddinReportPlugin
    stats: env.quiet || env.start ? "errors-warnings" : "normal",
    plugins: [
      new webpack.SourceMapDevToolPlugin({ test: /\.js$/, filename: "[file].map" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["bridge", "taskpane"],
        inject: false, // the template orders the scripts: bridge, office.js, the pane
        csp: paneCsp(config),
      }),
      new HtmlWebpackPlugin({
        filename: "demo.html",
        template: "./src/demo/demo.html",
        chunks: ["demo"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "thunderbird-popup.html",
        template: "./src/hosts/thunderbird/extension/popup.html",
        chunks: ["thunderbird-popup"],
        scriptLoading: "defer",
        csp: popupCsp(config?.securityDesk?.intakeUrl ? new URL(config.securityDesk.intakeUrl).origin : undefined),
      }),
      new HtmlWebpackPlugin({
        filename: "thunderbird-demo.html",
        template: "./src/demo/thunderbird-demo.html",
        chunks: ["thunderbird-demo"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rebaseManifest(content.toString("utf8"), MANIFEST_BASE, base),
          },
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "assets/geo/ip-country.bin", to: "assets/geo/ip-country.bin" },
          { from: configSource, to: "config.json" },
          { from: "samples/*.eml", to: "samples/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "src/demo/demo.css", to: "demo.css" },
          { from: "src/hosts/thunderbird/extension/popup.css", to: "popup.css" },
        ],
      }),
      new AddinReportPlugin({ base, configSource: path.relative(root, configSource), quiet: Boolean(env.quiet), production }),
      ...(env.start ? [new StartBannerPlugin(serving ? MANIFEST_BASE : base)] : []),
    ],
    devServer: {
      host: "localhost",
      port: 3000,
      server: httpsServer(),
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: false, logging: "warn" },
      // The pages say the same in a meta element; the header covers what the dev server serves.
      headers: { "Cache-Control": "no-cache", "X-DNS-Prefetch-Control": "off" },
    },
  };
};
