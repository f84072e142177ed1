#!/usr/bin/env node
// Proves that assets/geo/ip-country.bin matches the installed @ip-location-db/dbip-country:
//   npm run geo:check [-- --every N]
// 1. the table's source package and version equal the installed package's;
// 2. for every row of the package's "-num" CSVs (or every Nth with --every), the table answers
//    the row's country at its first and last address, and the neighbour's answer (or none, in a
//    gap) one address outside each end;
// 3. for every 1000th row of the address-text CSVs, the product's own parser and screened
//    lookup agree with the row (the path mail addresses take).
// Exits 1 on the first kind of mismatch, printing up to 10 examples.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { readGeoTable, createCountryLookup } from "../lib/core/geo/index.js";
import { parseIp, nonPublicKind, embeddedIpv4 } from "../lib/core/net/ip.js";

const SOURCE = "@ip-location-db/dbip-country";
const tableUrl = new URL("../assets/geo/ip-country.bin", import.meta.url);
const everyArg = process.argv.indexOf("--every");
const every = everyArg >= 0 ? Number(process.argv[everyArg + 1]) : 1;
if (!Number.isSafeInteger(every) || every < 1) {
  console.error("usage: npm run geo:check [-- --every N]");
  process.exit(2);
}

const began = performance.now();
const packageJsonPath = createRequire(import.meta.url).resolve(`${SOURCE}/package.json`);
const sourceDir = dirname(packageJsonPath);
const installed = JSON.parse(readFileSync(packageJsonPath, "utf8")).version;
const bytes = readFileSync(tableUrl);
const table = readGeoTable(bytes);
const lookup = createCountryLookup(bytes);

const problems = [];
const problem = (text) => {
  if (problems.length < 10) console.error(`geo:check: ${text}`);
  problems.push(text);
};

if (table.source.name !== SOURCE || table.source.version !== installed) {
  problem(`the table was built from ${table.source.name}@${table.source.version}, but ${SOURCE}@${installed} is installed: run "npm run build:geo"`);
}

const csv = (file) =>
  readFileSync(join(sourceDir, file), "latin1")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => line.split(","));

const M32 = 0xffffffffn;
/** The table's answer for an address given as a Number (IPv4) or a BigInt (IPv6). */
const tableAnswer = (address) =>
  typeof address === "number"
    ? table.countryOfWords(0, 0, 0xffff, address)
    : table.countryOfWords(Number((address >> 96n) & M32), Number((address >> 64n) & M32), Number((address >> 32n) & M32), Number(address & M32));

let probes = 0;
for (const [file, num, max] of [
  ["dbip-country-ipv4-num.csv", Number, 2 ** 32 - 1],
  ["dbip-country-ipv6-num.csv", BigInt, (1n << 128n) - 1n],
]) {
  const rows = csv(file).map(([start, end, country]) => ({ start: num(start), end: num(end), country }));
  const one = num(1);
  rows.forEach((row, i) => {
    if (i % every !== 0 && i !== rows.length - 1) return;
    const expect = (address, country, what) => {
      probes++;
      const answer = tableAnswer(address);
      if (answer !== country) problem(`${file} row ${i + 1} ${what} ${address}: table says ${answer}, the CSV ${country}`);
    };
    expect(row.start, row.country, "first address");
    expect(row.end, row.country, "last address");
    const before = rows[i - 1];
    if (row.start > num(0)) expect(row.start - one, before && before.end === row.start - one ? before.country : undefined, "address before");
    const after = rows[i + 1];
    if (row.end < max) expect(row.end + one, after && after.start === row.end + one ? after.country : undefined, "address after");
  });
}

// The text CSVs, through parseIp and the screened lookup: what the table says for mail.
let textRows = 0;
for (const [file, numFile] of [
  ["dbip-country-ipv4.csv", "dbip-country-ipv4-num.csv"],
  ["dbip-country-ipv6.csv", "dbip-country-ipv6-num.csv"],
]) {
  const rows = csv(file);
  const numRows = csv(numFile);
  if (rows.length !== numRows.length) problem(`${file} has ${rows.length} rows, ${numFile} ${numRows.length}`);
  for (let i = 0; i < rows.length; i += 1000) {
    textRows++;
    const [startText, , country] = rows[i];
    const ip = parseIp(startText);
    if (!ip) {
      problem(`${file} row ${i + 1}: parseIp cannot read ${startText}`);
      continue;
    }
    const value = ip.bytes.reduce((n, b) => n * 256n + BigInt(b), 0n) & (ip.family === 4 ? M32 : (1n << 128n) - 1n);
    if (value !== BigInt(numRows[i][0])) problem(`${file} row ${i + 1}: ${startText} is ${value}, ${numFile} says ${numRows[i][0]}`);
    const screened = nonPublicKind(ip);
    const embedded = embeddedIpv4(ip);
    const expected = screened ?? (embedded ? table.countryOfBytes(embedded.bytes) : country);
    const answer = lookup(startText);
    if (answer !== expected) problem(`${file} row ${i + 1}: lookup("${startText}") is ${answer}, expected ${expected}`);
  }
}

if (problems.length > 0) {
  console.error(`geo:check: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  process.exit(1);
}
console.log(
  `geo:check: ${tableUrl.pathname.split("/").slice(-3).join("/")} matches ${SOURCE}@${installed}: ` +
    `${probes} addresses from ${every === 1 ? "every row" : `every ${every}th row`} of the numeric CSVs, ` +
    `${textRows} rows of the text CSVs through parseIp and the lookup; ${Math.round(performance.now() - began)} ms`,
);
