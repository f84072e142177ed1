// @ts-check
// How both webpack builds (webpack.config.js for Outlook and the demo, webpack.thunderbird.config.js
// for the add-on) turn the TypeScript sources into browser code: the same target, resolution
// and loader, so the pane and the popup are built from the same modules the same way.
import path from "node:path";

/** @param {string} root the repository */
export function typescriptBuild(root) {
  return {
    target: ["web", "es2022"],
    resolve: {
      extensions: [".ts", ".js"],
      // The sources import "./x.js" (Node ESM style) for files that are x.ts.
      extensionAlias: { ".js": [".ts", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // Our modules only declare things: unused re-exports may be dropped from the bundle.
          sideEffects: false,
          use: { loader: "ts-loader", options: { configFile: path.join(root, "tsconfig.bundle.json"), transpileOnly: true } },
        },
      ],
    },
  };
}
