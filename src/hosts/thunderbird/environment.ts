/**
 * The report's item 8 in Thunderbird, filled in for the person to check: the operating system
 * from the user-agent string (src/taskpane/environment.ts, as in the Outlook pane) or else
 * runtime.getPlatformInfo, and the mail client from runtime.getBrowserInfo ("Thunderbird
 * 128.5.0esr"). No API call of its own: the popup passes the answers in.
 */
import type { ReportEnvironment } from "../../core/report/index.js";
import { describeOperatingSystem, type BrowserFacts } from "../../taskpane/environment.js";

const PLATFORM_OS: Readonly<Record<string, string>> = { win: "Windows", mac: "macOS", linux: "Linux", openbsd: "OpenBSD", cros: "Chrome OS", android: "Android" };

export function thunderbirdEnvironment(
  browser: { readonly name?: string; readonly version?: string } | undefined,
  platform: { readonly os?: string } | undefined,
  facts: BrowserFacts,
): ReportEnvironment & { readonly serverVersion: boolean } {
  const name = typeof browser?.name === "string" && browser.name !== "" ? browser.name : "Thunderbird";
  const version = typeof browser?.version === "string" ? browser.version : "";
  const os = describeOperatingSystem(facts) || (platform?.os ? (PLATFORM_OS[platform.os] ?? platform.os) : "");
  return {
    operatingSystem: os,
    clientVersion: version ? `${name} ${version}` : name,
    hostName: name,
    ...(platform?.os ? { platform: platform.os } : {}),
    serverVersion: false,
  };
}
