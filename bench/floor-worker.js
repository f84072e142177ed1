// The parse-only floor of bench/analysis.bench.js with postal-mime as published, in a worker
// thread, printed for information beside the floor the target is judged on. A worker has a module
// graph of its own, so postal-mime here is the library as published: in the benchmark's own
// thread it is the one instance the .eml host's decoders are installed on
// (src/hosts/eml/postal-mime-parts.ts).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { parse } from "parse5";
import PostalMime from "postal-mime";

const mails = workerData.paths.map((path) => new Uint8Array(readFileSync(path)));

parentPort.on("message", async (index) => {
  const start = performance.now();
  try {
    const email = await PostalMime.parse(mails[index], { attachmentEncoding: "arraybuffer" });
    if (email.html) parse(email.html, { scriptingEnabled: false });
  } catch {
    // A mail postal-mime rejects costs what it cost to reject.
  }
  parentPort.postMessage(performance.now() - start);
});
