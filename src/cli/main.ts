import { readFile } from "node:fs/promises";
import type { Analysis, Severity } from "../core/analysis.js";
import { parseConfig, type Config } from "../core/config.js";
import { notMail, notMailDiagnostic } from "../core/input-kind.js";
import { DEFAULT_LIMITS } from "../core/options.js";
import type { Language } from "../core/i18n.js";
import { defaultAnswers } from "../core/report/answers.js";
import { buildReport } from "../core/report/build.js";
import { reportSubject, reportText } from "../core/report/text.js";
import { REPORT_TEXT } from "../core/report/strings.js";
import type { MessageSnapshot } from "../core/snapshot.js";
import { analyzeEml } from "../hosts/eml/index.js";
import { nodeCountryLookup } from "../hosts/node/geo.js";
import { nodeSha256 } from "../hosts/node/sha256.js";
import { parseArgs, UsageError, type CliArgs } from "./args.js";
import { expandInputs, reasonOf, type CliFs } from "./inputs.js";
import { cannotRead, noMailFound, notMailMessage, problemMessage, visiblePath } from "./messages.js";
import { formatTextReport } from "./text-report.js";
import { makeControlsVisible } from "../core/visible.js";

/** Exit codes: documented in README and --help; scripts depend on them. */
export const EXIT = {
  ok: 0,
  /** An input could not be read, or is not a mail (the others were still analysed). */
  unreadable: 1,
  /** Bad command line or configuration. */
  usage: 2,
  /** --fail-on threshold reached by at least one input. */
  findings: 3,
} as const;

const HELP: Record<Language, string> = {
  en: `Usage: check-this-mail [options] FILE.eml... | FOLDER... | -
       check-this-mail report [--lang ja|en] [--format text|json] [--config FILE] FILE.eml...

Checks mail for the marks of a targeted attack (links whose text and destination differ,
a sender domain that does not fit where the mail came from, risky attachments).
Analysis runs locally; nothing is sent anywhere.

"report" prints the report to the security desk instead: the nine-item checklist of IPA's
guidance on targeted attack mail, filled from the mail (what only the recipient knows is left
blank, sharing with vendors "no"), then the findings, indicators and full headers. Links are
defanged (hxxp://, example[.]com). With --format json, one report document per line
(docs/report.schema.json), the original message included as base64.

Options:
  -c, --config FILE        organisation settings (JSON; see README "Configuration")
  -f, --format text|json   text for people (default), json for one JSON object per line
  -l, --lang ja|en         language of the text report (default: from LANG)
      --fail-on high|medium
                           exit 3 when any mail has a finding of this severity or higher
                           (not with report)
      --color, --no-color  colour the verdict (default: when writing to a terminal)
  -h, --help               this help
  -V, --version            version

Inputs are read up to 64 MiB each (the rest is not analysed, and the result says so);
devices, FIFOs and sockets are refused unless given as - (standard input).

Exit status: 0 all inputs analysed, 1 an input could not be read or is not a mail
(an Outlook .msg, a program, an empty file...; the others are still analysed),
2 usage or configuration error, 3 --fail-on threshold reached.
`,
  ja: `使い方: check-this-mail [オプション] ファイル.eml... | フォルダー... | -
       check-this-mail report [--lang ja|en] [--format text|json] [--config ファイル] ファイル.eml...

メールに標的型攻撃の特徴(表示とリンク先が異なるリンク、送信元と合わない差出人ドメイン、
危険な添付ファイルなど)がないかを調べます。解析はこのコンピューター内だけで行い、外部には何も送りません。

report を付けると、セキュリティ窓口への報告を出力します。IPA の標的型攻撃メールの手引きにある
9 項目をメールから分かる範囲で埋め(受信者にしか分からない項目は空欄、ベンダーへの提供は「いいえ」)、
検出事項、指標(IOC)、ヘッダー全文を続けます。リンクは hxxp:// や example[.]com の形に無効化します。
--format json では 1 行に 1 件の報告(docs/report.schema.json)を、元のメールを base64 で含めて出力します。

オプション:
  -c, --config ファイル    組織の設定(JSON。README の「Configuration」を参照)
  -f, --format text|json   text は人が読む形式(既定)、json は 1 行 1 メールの JSON
  -l, --lang ja|en         テキスト出力の言語(既定: 環境変数 LANG から判断)
      --fail-on high|medium
                           この重要度以上の検出事項があれば終了コード 3 で終わる(report では使えない)
      --color, --no-color  判定に色を付ける(既定: 端末に出力するとき)
  -h, --help               このヘルプ
  -V, --version            バージョン

入力は 1 件につき先頭 64 MiB まで読みます(それ以降は解析せず、結果にその旨を示します)。
デバイス、FIFO、ソケットは - (標準入力)として渡したときだけ読みます。

終了コード: 0 すべて解析できた、1 読めない入力かメールでない入力(Outlook の .msg、
プログラム、空のファイルなど)があった(ほかの入力は解析します)、2 使い方か設定の誤り、
3 --fail-on の基準に達した。
`,
};

const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1, info: 0 };

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTty: boolean;
  readonly stderrIsTty: boolean;
  /** The report's time (tests fix it); the system clock when absent. */
  readonly now?: () => Date;
  /** The file system (tests make a call fail); node:fs when absent. */
  readonly fs?: CliFs;
  /** Standard input; process.stdin when absent. */
  readonly stdin?: AsyncIterable<Uint8Array>;
  /** Bytes of each input analysed (tests use a small one); Limits.maxInputBytes when absent. */
  readonly maxInputBytes?: number;
  /** true once the reader of stdout has gone (`| head`): the run then stops, quietly. */
  readonly outputClosed?: () => boolean;
  /** Random bytes for the report's id (tests fix them); WebCrypto's when absent. */
  readonly random?: (bytes: Uint8Array<ArrayBuffer>) => unknown;
}

async function packageVersion(): Promise<string> {
  const text = await readFile(new URL("../../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}

async function loadConfig(path: string, io: Io, lang: Language): Promise<Config | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    io.stderr(`check-this-mail: cannot read config ${visiblePath(path)}: ${reasonOf(error)[lang]}\n`);
    return undefined;
  }
  const result = parseConfig(text);
  if (result.ok) return result.config;
  // The keys and values named come from the file: shown like any other text from outside.
  for (const e of result.errors) io.stderr(`check-this-mail: ${visiblePath(path)}: ${makeControlsVisible(`${e.path} ${e.message[lang]}`)}\n`);
  return undefined;
}

function reachesThreshold(analysis: Analysis, failOn: CliArgs["failOn"]): boolean {
  if (!failOn) return false;
  // A mail that could not be fully checked counts like a medium finding: padding a mail past a
  // limit must not get it through a gate that a caution would stop.
  if (analysis.verdict === "incomplete" && SEVERITY_RANK.medium >= SEVERITY_RANK[failOn]) return true;
  return analysis.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}

/**
 * Bytes of the original per base64 piece written: a multiple of 3, so the pieces join into one
 * base64 text, and small (192 KiB), so each piece and its output buffer are young garbage that
 * the next scavenge frees (3 MiB pieces raised the peak by 40 MB on a 30 MB mail).
 */
const ORIGINAL_CHUNK = 3 << 16;

/**
 * `report`: the report the pane sends to the desk, for the CSIRT's own use. The person's answers
 * are unknowable here and stay blank (the machine running this is the analyst's, not the
 * recipient's, so item 8 is blank too). The snapshot is the one analyzeEml read (onSnapshot), so
 * the findings are exactly the plain command's and the mail is parsed once.
 *
 * The JSON is written in pieces: the report without `original` (its last property), then the
 * original's base64 a piece at a time, with Buffer's encoder, and never one 40 MB string
 * copied again into a JSON text and an output line. The bytes are JSON.stringify's document
 * with `original` (test/cli/report.test.ts compares them).
 */
function writeDeskReport(name: string, bytes: Uint8Array, analysis: Analysis, snapshot: MessageSnapshot, config: Config | undefined, args: CliArgs, io: Io): void {
  const report = buildReport({
    analysis,
    snapshot,
    answers: defaultAnswers({ operatingSystem: "", clientVersion: "" }),
    reportedAt: io.now?.() ?? new Date(),
    config,
    source: "cli",
    ...(io.random ? { random: io.random } : {}),
  });
  if (args.format !== "json") {
    const subject = `${REPORT_TEXT.subject[args.lang]}: ${reportSubject(report, args.lang)}`;
    io.stdout(`== ${makeControlsVisible(name)}\n${subject}\n\n${reportText(report, args.lang)}\n`);
    return;
  }
  const json = JSON.stringify(report);
  io.stdout(`${json.slice(0, -1)},"original":{"encoding":"base64","mediaType":"message/rfc822","size":${bytes.length},"data":"`);
  for (let at = 0; at < bytes.length; at += ORIGINAL_CHUNK) {
    io.stdout(Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(ORIGINAL_CHUNK, bytes.length - at)).toString("base64"));
  }
  io.stdout('"}}\n');
}

/** Runs the command line; returns the exit code (never calls process.exit, so it is testable). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv, io.env, io.stdoutIsTty);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // It may quote an argument, which may hold anything.
    io.stderr(`check-this-mail: ${makeControlsVisible(error.message)}\n`);
    return EXIT.usage;
  }
  if (args.help) {
    io.stdout(HELP[args.lang]);
    return EXIT.ok;
  }
  if (args.version) {
    io.stdout(`${await packageVersion()}\n`);
    return EXIT.ok;
  }
  let config: Config | undefined;
  if (args.configPath !== undefined) {
    config = await loadConfig(args.configPath, io, args.lang);
    if (!config) return EXIT.usage;
  }

  const maxInputBytes = io.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
  const entries = await expandInputs(args.files, { maxBytes: maxInputBytes, fs: io.fs, stdin: io.stdin });
  const count = entries.filter((e) => e.kind === "input").length;
  const showProgress = io.stderrIsTty && count > 20;
  const lineBreak = showProgress ? "\n" : "";
  let exitCode: number = EXIT.ok;
  let thresholdReached = false;
  let done = 0;
  for (const input of entries) {
    // Nobody reads the output any more: analysing the rest would only be written nowhere.
    if (io.outputClosed?.()) break;
    if (input.kind === "problem") {
      io.stderr(`${lineBreak}${problemMessage(input, args.lang)}`);
      if (input.level === "error") exitCode = EXIT.unreadable;
      continue;
    }
    if (showProgress) io.stderr(`\r[${++done}/${count}]`);
    let bytes: Uint8Array;
    try {
      bytes = await input.read();
    } catch (error) {
      io.stderr(`${lineBreak}${cannotRead(input.name, reasonOf(error), args.lang)}`);
      exitCode = EXIT.unreadable;
      continue;
    }
    // An Outlook .msg, a program, an empty file would otherwise come out "No indicators found".
    const other = notMail(bytes);
    if (other) {
      const { code, message } = notMailDiagnostic(other);
      io.stderr(`${lineBreak}${notMailMessage(input.name, message[args.lang])}`);
      if (args.format === "json" && args.command === "check") {
        io.stdout(`${JSON.stringify({ file: input.name, error: { code, kind: other.kind, format: other.format, message } })}\n`);
      }
      exitCode = EXIT.unreadable;
      continue;
    }
    let snapshot: MessageSnapshot | undefined;
    const analysis = await analyzeEml(bytes, {
      config,
      lookupCountry: nodeCountryLookup,
      sha256: nodeSha256,
      limits: { maxInputBytes },
      onSnapshot: (s) => (snapshot = s),
    });
    if (args.command === "report") {
      writeDeskReport(input.name, bytes, analysis, snapshot!, config, args, io);
      continue;
    }
    thresholdReached ||= reachesThreshold(analysis, args.failOn);
    io.stdout(args.format === "json" ? `${JSON.stringify({ file: input.name, ...analysis })}\n` : `${formatTextReport(input.name, analysis, args.lang, args.color)}\n`);
  }
  if (showProgress) io.stderr("\n");
  if (count === 0) {
    // Unless the reason was already given (a missing file, an unreadable folder).
    if (exitCode === EXIT.ok) io.stderr(noMailFound(args.lang));
    return EXIT.unreadable;
  }
  if (exitCode === EXIT.ok && thresholdReached) exitCode = EXIT.findings;
  return exitCode;
}
