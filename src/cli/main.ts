import { readFile } from "node:fs/promises";
import type { Analysis, Severity } from "../core/analysis.js";
import { parseConfig, type Config } from "../core/config.js";
import type { Language } from "../core/i18n.js";
import { analyzeEml } from "../hosts/eml/index.js";
import { nodeCountryLookup } from "../hosts/node/geo.js";
import { parseArgs, UsageError, type CliArgs } from "./args.js";
import { expandInputs } from "./inputs.js";
import { formatTextReport } from "./text-report.js";

/** Exit codes: documented in README and --help; scripts depend on them. */
export const EXIT = {
  ok: 0,
  /** An input could not be read (the others were still analysed). */
  unreadable: 1,
  /** Bad command line or configuration. */
  usage: 2,
  /** --fail-on threshold reached by at least one input. */
  findings: 3,
} as const;

const HELP: Record<Language, string> = {
  en: `Usage: check-this-mail [options] FILE.eml... | FOLDER... | -

Checks mail for the marks of a targeted attack (links whose text and destination differ,
a sender domain that does not fit where the mail came from, risky attachments).
Analysis runs locally; nothing is sent anywhere.

Options:
  -c, --config FILE        organisation settings (JSON; see README "Configuration")
  -f, --format text|json   text for people (default), json for one JSON object per line
  -l, --lang ja|en         language of the text report (default: from LANG)
      --fail-on high|medium
                           exit 3 when any mail has a finding of this severity or higher
      --color, --no-color  colour the verdict (default: when writing to a terminal)
  -h, --help               this help
  -V, --version            version

Exit status: 0 all inputs analysed, 1 an input could not be read,
2 usage or configuration error, 3 --fail-on threshold reached.
`,
  ja: `使い方: check-this-mail [オプション] ファイル.eml... | フォルダー... | -

メールに標的型攻撃の特徴(表示とリンク先が異なるリンク、送信元と合わない差出人ドメイン、
危険な添付ファイルなど)がないかを調べます。解析はこのコンピューター内だけで行い、外部には何も送りません。

オプション:
  -c, --config ファイル    組織の設定(JSON。README の「Configuration」を参照)
  -f, --format text|json   text は人が読む形式(既定)、json は 1 行 1 メールの JSON
  -l, --lang ja|en         テキスト出力の言語(既定: 環境変数 LANG から判断)
      --fail-on high|medium
                           この重要度以上の検出事項があれば終了コード 3 で終わる
      --color, --no-color  判定に色を付ける(既定: 端末に出力するとき)
  -h, --help               このヘルプ
  -V, --version            バージョン

終了コード: 0 すべて解析できた、1 読めない入力があった、2 使い方か設定の誤り、
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
    io.stderr(`check-this-mail: cannot read config ${path}: ${(error as Error).message}\n`);
    return undefined;
  }
  const result = parseConfig(text);
  if (result.ok) return result.config;
  for (const e of result.errors) io.stderr(`check-this-mail: ${path}: ${e.path} ${e.message[lang]}\n`);
  return undefined;
}

function reachesThreshold(analysis: Analysis, failOn: CliArgs["failOn"]): boolean {
  if (!failOn) return false;
  return analysis.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}

/** Runs the command line; returns the exit code (never calls process.exit, so it is testable). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv, io.env, io.stdoutIsTty);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`check-this-mail: ${error.message}\n`);
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

  const inputs = await expandInputs(args.files);
  const showProgress = io.stderrIsTty && inputs.length > 20;
  let exitCode: number = EXIT.ok;
  let thresholdReached = false;
  for (const [i, input] of inputs.entries()) {
    if (showProgress) io.stderr(`\r[${i + 1}/${inputs.length}]`);
    let bytes: Uint8Array;
    try {
      bytes = await input.read();
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      io.stderr(`${showProgress ? "\n" : ""}check-this-mail: cannot read ${input.name}: ${reason}\n`);
      exitCode = EXIT.unreadable;
      continue;
    }
    const analysis = await analyzeEml(bytes, { config, lookupCountry: nodeCountryLookup });
    thresholdReached ||= reachesThreshold(analysis, args.failOn);
    io.stdout(args.format === "json" ? `${JSON.stringify({ file: input.name, ...analysis })}\n` : `${formatTextReport(input.name, analysis, args.lang, args.color)}\n`);
  }
  if (showProgress) io.stderr("\n");
  if (inputs.length === 0) {
    io.stderr("check-this-mail: no mail files found in the given folders\n");
    return EXIT.unreadable;
  }
  if (exitCode === EXIT.ok && thresholdReached) exitCode = EXIT.findings;
  return exitCode;
}
