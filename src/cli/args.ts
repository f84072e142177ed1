import type { Language } from "../core/i18n.js";

export type OutputFormat = "text" | "json";
export type FailOn = "high" | "medium";
/** "check": the analysis (the plain command); "report": the report to the security desk (`check-this-mail report …`). */
export type Command = "check" | "report";

export interface CliArgs {
  readonly command: Command;
  readonly files: readonly string[];
  readonly configPath?: string;
  readonly format: OutputFormat;
  readonly lang: Language;
  readonly failOn?: FailOn;
  readonly color: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export class UsageError extends Error {}

/** The language of the environment's locale (LC_ALL > LC_MESSAGES > LANG, POSIX order): Japanese for ja*, else English. */
export function languageFromEnvironment(env: Readonly<Record<string, string | undefined>>): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("ja") ? "ja" : "en";
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) throw new UsageError(`${option} needs a value: ${allowed.join(" | ")}`);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${option} must be one of ${allowed.join(", ")} (got "${value}")`);
  }
  return value as T;
}

/**
 * Parses argv (without node and script). Accepts "--opt value" and "--opt=value"; "--" ends
 * options. A first argument "report" selects the report subcommand (a mail file of that name is
 * still reachable as "./report" or after "--").
 */
export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, isTty: boolean): CliArgs {
  const command: Command = argv[0] === "report" ? "report" : "check";
  const files: string[] = [];
  let configPath: string | undefined;
  let format: OutputFormat = "text";
  let lang = languageFromEnvironment(env);
  let failOn: FailOn | undefined;
  let color = isTty && !env.NO_COLOR;
  let help = false;
  let version = false;
  let optionsEnded = false;

  for (let i = command === "report" ? 1 : 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (optionsEnded || arg === "-" || !arg.startsWith("-")) {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inlineValue = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => inlineValue ?? argv[++i];
    switch (name) {
      case "--":
        optionsEnded = true;
        break;
      case "-h":
      case "--help":
        help = true;
        break;
      case "-V":
      case "--version":
        version = true;
        break;
      case "-c":
      case "--config": {
        const path = value();
        if (!path) throw new UsageError("--config needs a file path");
        configPath = path;
        break;
      }
      case "-f":
      case "--format":
        format = oneOf("--format", value(), ["text", "json"] as const);
        break;
      case "-l":
      case "--lang":
        lang = oneOf("--lang", value(), ["ja", "en"] as const);
        break;
      case "--fail-on":
        // The report is for the desk whatever the verdict; scripts gate on the plain command.
        if (command === "report") throw new UsageError("--fail-on is not an option of report (use it without report)");
        failOn = oneOf("--fail-on", value(), ["high", "medium"] as const);
        break;
      case "--color":
        color = true;
        break;
      case "--no-color":
        color = false;
        break;
      default:
        throw new UsageError(`unknown option ${name} (see --help)`);
    }
  }
  if (!help && !version && files.length === 0) throw new UsageError("no input: give one or more .eml files, folders, or - for standard input");
  // Standard input is read once: a second "-" would read what the first left (nothing, or an aborted stream).
  if (files.filter((f) => f === "-").length > 1) throw new UsageError("- (standard input) can be given only once");
  return { command, files, configPath, format, lang, failOn, color, help, version };
}
