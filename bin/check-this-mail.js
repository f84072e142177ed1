#!/usr/bin/env node
// Entry point of the command line; the implementation is compiled to lib/ (npm run build:lib,
// run automatically by `npm ci` / `npm install` through the "prepare" script).
import { main } from "../lib/cli/main.js";

// The reader of the output went away (`check-this-mail dir/ | head -1`): nothing more can be
// written, and that is no error of ours. Stop writing and end quietly, as cat and grep do,
// instead of dying on an unhandled EPIPE with a stack trace.
const closed = new Set();
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    closed.add(stream);
  });
}
const write = (stream) => (text) => {
  if (!closed.has(stream)) stream.write(text);
};

const exitCode = await main(process.argv.slice(2), {
  stdout: write(process.stdout),
  stderr: write(process.stderr),
  env: process.env,
  stdoutIsTty: Boolean(process.stdout.isTTY),
  stderrIsTty: Boolean(process.stderr.isTTY),
  outputClosed: () => closed.has(process.stdout),
});
process.exitCode = exitCode;
