#!/usr/bin/env node
// Entry point of the command line; the implementation is compiled to lib/ (npm run build:lib,
// run automatically by `npm ci` / `npm install` through the "prepare" script).
import { main } from "../lib/cli/main.js";

const exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdoutIsTty: Boolean(process.stdout.isTTY),
  stderrIsTty: Boolean(process.stderr.isTTY),
});
process.exitCode = exitCode;
