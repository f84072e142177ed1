/**
 * The report's item 8 — the operating system and the mail client of the person's PC — filled in
 * as far as the pane can know it, for the person to check and correct in the form:
 *
 * - Office: `Office.context.mailbox.diagnostics` (Mailbox 1.1: hostName, hostVersion; see
 *   src/hosts/outlook/mailbox-diagnostics.ts) and the platform Office.onReady reports (PC, Mac,
 *   OfficeOnline, iOS, Android). In Outlook on the web and new Outlook on Windows, hostVersion is
 *   the Exchange server's version: the form says so (`serverVersion`).
 * - The browser or web view the pane runs in: `navigator.userAgentData` where it exists (Edge,
 *   Chrome, WebView2 — so classic and new Outlook on Windows too), whose high-entropy
 *   `platformVersion` tells Windows 11 (13 and above) from Windows 10 (1 to 10), which the
 *   user-agent string cannot ("Windows NT 10.0" for both); otherwise the user-agent string.
 *
 * Every regular expression here is anchored on a literal and has no nested repetition (linear).
 */
import type { ReportEnvironment } from "../core/report/index.js";
import type { MailboxDiagnostics } from "../hosts/outlook/mailbox-diagnostics.js";

/** What the browser says about itself. */
export interface BrowserFacts {
  readonly userAgent: string;
  /** userAgentData.platform: "Windows", "macOS", "Linux", "Chrome OS", "Android"... */
  readonly platform?: string;
  /** userAgentData high-entropy platformVersion ("15.0.0" on Windows 11, "14.5.0" on macOS 14.5). */
  readonly platformVersion?: string;
  /** "Microsoft Edge 131.0.2903.70", "Google Chrome 130.0.6723.91", "Safari 17.4"... */
  readonly browser?: string;
}

interface Brand {
  readonly brand: string;
  readonly version: string;
}

interface UserAgentData {
  readonly platform?: string;
  readonly brands?: readonly Brand[];
  getHighEntropyValues?(hints: string[]): Promise<{ platformVersion?: string; fullVersionList?: readonly Brand[] }>;
}

/** Brands worth naming, most specific first (the list also holds "Chromium" and a GREASE brand). */
const KNOWN_BRANDS = ["Microsoft Edge WebView2", "Microsoft Edge", "Google Chrome", "Opera", "Brave", "Vivaldi", "Chromium"];

function pickBrand(brands: readonly Brand[] | undefined): string | undefined {
  if (!brands) return undefined;
  for (const name of KNOWN_BRANDS) {
    const found = brands.find((b) => b.brand === name);
    if (found) return `${found.brand} ${found.version}`.trim();
  }
  return undefined;
}

/** The browser from a user-agent string, when userAgentData is missing (Safari, Firefox, WKWebView). */
function browserFromUserAgent(ua: string): string | undefined {
  const edge = /\bEdg\/([\d.]+)/.exec(ua);
  if (edge) return `Microsoft Edge ${edge[1]}`;
  const firefox = /\bFirefox\/([\d.]+)/.exec(ua);
  if (firefox) return `Firefox ${firefox[1]}`;
  const chrome = /\bChrome\/([\d.]+)/.exec(ua);
  if (chrome) return `Chrome ${chrome[1]}`;
  const safari = /\bSafari\//.test(ua) ? /\bVersion\/([\d.]+)/.exec(ua) : null;
  if (safari) return `Safari ${safari[1]}`;
  return undefined;
}

/** Reads the browser's facts; never rejects, never waits more than `timeoutMs` for the high-entropy values. */
export async function browserFacts(nav: Pick<Navigator, "userAgent">, timeoutMs = 500): Promise<BrowserFacts> {
  const ua = typeof nav.userAgent === "string" ? nav.userAgent : "";
  const data = (nav as { userAgentData?: UserAgentData }).userAgentData;
  let platformVersion: string | undefined;
  let fullVersionList: readonly Brand[] | undefined;
  if (data && typeof data.getHighEntropyValues === "function") {
    try {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
      const values = await Promise.race([data.getHighEntropyValues(["platformVersion", "fullVersionList"]), timeout]);
      clearTimeout(timer);
      platformVersion = typeof values?.platformVersion === "string" && values.platformVersion !== "" ? values.platformVersion : undefined;
      fullVersionList = Array.isArray(values?.fullVersionList) ? values.fullVersionList : undefined;
    } catch {
      // refused (a permissions policy) or unsupported: the low-entropy values will do
    }
  }
  const platform = typeof data?.platform === "string" && data.platform !== "" ? data.platform : undefined;
  return {
    userAgent: ua,
    ...(platform ? { platform } : {}),
    ...(platformVersion ? { platformVersion } : {}),
    ...((): { browser?: string } => {
      const browser = pickBrand(fullVersionList) ?? pickBrand(data?.brands) ?? browserFromUserAgent(ua);
      return browser ? { browser } : {};
    })(),
  };
}

const major = (version: string | undefined): number | undefined => {
  const n = Number.parseInt(version ?? "", 10);
  return Number.isFinite(n) ? n : undefined;
};

/** Windows versions by the NT version of a user-agent string. */
const WINDOWS_NT: Readonly<Record<string, string>> = {
  "10.0": "Windows 10 or 11",
  "6.3": "Windows 8.1",
  "6.2": "Windows 8",
  "6.1": "Windows 7",
};

/** The operating system, in the words a desk uses ("Windows 11", "macOS 14.5.0"); "" when nothing says. */
export function describeOperatingSystem(facts: BrowserFacts, officePlatform?: string | null): string {
  const { platform, platformVersion } = facts;
  if (platform === "Windows") {
    // Microsoft's documented mapping of platformVersion: 13+ Windows 11, 1–10 Windows 10, 0 older.
    const v = major(platformVersion);
    if (v === undefined) return "Windows";
    return v >= 13 ? "Windows 11" : v >= 1 ? "Windows 10" : "Windows 7, 8 or 8.1";
  }
  if (platform === "macOS") return platformVersion ? `macOS ${platformVersion}` : "macOS";
  if (platform === "Android" || platform === "Chrome OS" || platform === "ChromeOS") return platformVersion ? `${platform} ${platformVersion}` : platform;
  if (platform) return platform;
  const ua = facts.userAgent;
  const nt = /\bWindows NT (\d+\.\d+)/.exec(ua);
  if (nt) return WINDOWS_NT[nt[1]!] ?? `Windows NT ${nt[1]}`;
  if (/\b(?:iPhone|iPad)\b/.test(ua)) return "iOS / iPadOS";
  // Browsers freeze the macOS version in the user-agent string at 10.15.7: name the system only.
  if (/\bMac OS X\b/.test(ua)) return "macOS";
  const android = /\bAndroid (\d+(?:\.\d+)?)/.exec(ua);
  if (android) return `Android ${android[1]}`;
  if (/\bCrOS\b/.test(ua)) return "Chrome OS";
  if (/\bLinux\b/.test(ua)) return "Linux";
  switch (officePlatform) {
    case "PC":
      return "Windows";
    case "Mac":
      return "macOS";
    case "iOS":
      return "iOS / iPadOS";
    case "Android":
      return "Android";
    default:
      return "";
  }
}

/** Outlook clients by Office.context.mailbox.diagnostics.hostName. */
const CLIENT_NAMES: Readonly<Record<string, string>> = {
  newOutlookWindows: "new Outlook for Windows",
  OutlookWebApp: "Outlook on the web",
  OutlookIOS: "Outlook for iOS",
  OutlookAndroid: "Outlook for Android",
};

/** hostName values whose hostVersion is the Exchange server's, not the client's. */
const SERVER_VERSION_HOSTS: ReadonlySet<string> = new Set(["OutlookWebApp", "newOutlookWindows"]);

export interface ClientDescription {
  readonly clientVersion: string;
  /** hostVersion is the mail server's version (Outlook on the web, new Outlook): the form says so. */
  readonly serverVersion: boolean;
}

export function describeClient(diagnostics: MailboxDiagnostics, officePlatform: string | null | undefined, facts: BrowserFacts): ClientDescription {
  const { hostName, hostVersion } = diagnostics;
  const serverVersion = hostName !== undefined && SERVER_VERSION_HOSTS.has(hostName);
  const name =
    hostName === "Outlook"
      ? officePlatform === "Mac"
        ? "Outlook for Mac"
        : officePlatform === "PC"
          ? "Outlook for Windows (classic)"
          : "Outlook"
      : hostName !== undefined
        ? (CLIENT_NAMES[hostName] ?? hostName)
        : officePlatform === "OfficeOnline"
          ? "Outlook on the web"
          : "Outlook";
  if (serverVersion) {
    const server = hostVersion ? ` (Exchange server ${hostVersion})` : "";
    const browser = facts.browser ? `; ${facts.browser}` : "";
    return { clientVersion: `${name}${server}${browser}`, serverVersion };
  }
  return { clientVersion: hostVersion ? `${name} ${hostVersion}` : name, serverVersion };
}

/** Everything item 8 needs, with the facts it came from. */
export function reportEnvironment(diagnostics: MailboxDiagnostics, officePlatform: string | null | undefined, facts: BrowserFacts): ReportEnvironment & { readonly serverVersion: boolean } {
  const client = describeClient(diagnostics, officePlatform, facts);
  return {
    operatingSystem: describeOperatingSystem(facts, officePlatform),
    clientVersion: client.clientVersion,
    ...(diagnostics.hostName ? { hostName: diagnostics.hostName } : {}),
    ...(officePlatform ? { platform: officePlatform } : {}),
    serverVersion: client.serverVersion,
  };
}
