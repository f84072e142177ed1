/**
 * Item 8 prefilled (src/taskpane/environment.ts): the operating system from userAgentData (which
 * tells Windows 11 from 10) or the user-agent string, and the Outlook client from
 * Office.context.mailbox.diagnostics — saying when its version is the mail server's.
 */
import { describe, expect, it } from "vitest";
import { browserFacts, describeClient, describeOperatingSystem, reportEnvironment } from "../../src/taskpane/environment.js";

const EDGE_WIN = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
const SAFARI_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

function uaData(platform: string, platformVersion: string, brands = [{ brand: "Microsoft Edge", version: "131" }, { brand: "Not_A Brand", version: "24" }]) {
  return {
    platform,
    brands,
    getHighEntropyValues: async () => ({ platformVersion, fullVersionList: [{ brand: "Not_A Brand", version: "24.0.0.0" }, { brand: "Microsoft Edge", version: "131.0.2903.70" }] }),
  };
}

describe("the operating system", () => {
  it("Windows 11 and 10 apart, through userAgentData's platformVersion", async () => {
    const win11 = await browserFacts({ userAgent: EDGE_WIN, userAgentData: uaData("Windows", "15.0.0") } as unknown as Navigator);
    expect(win11).toEqual({ userAgent: EDGE_WIN, platform: "Windows", platformVersion: "15.0.0", browser: "Microsoft Edge 131.0.2903.70" });
    expect(describeOperatingSystem(win11)).toBe("Windows 11");
    expect(describeOperatingSystem(await browserFacts({ userAgent: EDGE_WIN, userAgentData: uaData("Windows", "10.0.0") } as unknown as Navigator))).toBe("Windows 10");
    expect(describeOperatingSystem(await browserFacts({ userAgent: EDGE_WIN, userAgentData: uaData("macOS", "14.5.0") } as unknown as Navigator))).toBe("macOS 14.5.0");
  });

  it("from the user-agent string when there is no userAgentData (Safari, Firefox, Mac Outlook's web view)", async () => {
    expect(describeOperatingSystem(await browserFacts({ userAgent: EDGE_WIN }))).toBe("Windows 10 or 11");
    const mac = await browserFacts({ userAgent: SAFARI_MAC });
    expect(mac.browser).toBe("Safari 17.4");
    expect(describeOperatingSystem(mac)).toBe("macOS");
    const linux = await browserFacts({ userAgent: FIREFOX_LINUX });
    expect([describeOperatingSystem(linux), linux.browser]).toEqual(["Linux", "Firefox 133.0"]);
    expect(describeOperatingSystem({ userAgent: "" }, "Mac")).toBe("macOS");
    expect(describeOperatingSystem({ userAgent: "" }, null)).toBe("");
  });

  it("a refusing or hanging getHighEntropyValues does not hold the form up", async () => {
    const refusing = { platform: "Windows", getHighEntropyValues: () => Promise.reject(new Error("NotAllowedError")) };
    expect(await browserFacts({ userAgent: EDGE_WIN, userAgentData: refusing } as unknown as Navigator)).toEqual({ userAgent: EDGE_WIN, platform: "Windows", browser: "Microsoft Edge 131.0.0.0" });
    const hanging = { platform: "Windows", getHighEntropyValues: () => new Promise(() => undefined) };
    const facts = await browserFacts({ userAgent: EDGE_WIN, userAgentData: hanging } as unknown as Navigator, 20);
    expect(describeOperatingSystem(facts)).toBe("Windows");
  });

  it("linear on a hostile user-agent string", async () => {
    const ua = `${"Windows NT ".repeat(20_000)}${"Version/1.".repeat(20_000)}`;
    // No time is asserted (speed is the benchmarks' job): a quadratic scan would stall the suite.
    expect(typeof describeOperatingSystem(await browserFacts({ userAgent: ua }))).toBe("string");
  });
});

describe("the Outlook client", () => {
  const edge = { userAgent: EDGE_WIN, browser: "Microsoft Edge 131.0.2903.70" };

  it("classic Outlook on Windows and Outlook on Mac: the client's own version", () => {
    expect(describeClient({ hostName: "Outlook", hostVersion: "16.0.18129.20116" }, "PC", edge)).toEqual({ clientVersion: "Outlook for Windows (classic) 16.0.18129.20116", serverVersion: false });
    expect(describeClient({ hostName: "Outlook", hostVersion: "16.91" }, "Mac", { userAgent: SAFARI_MAC })).toEqual({ clientVersion: "Outlook for Mac 16.91", serverVersion: false });
  });

  it("Outlook on the web and new Outlook: the version is the Exchange server's, said so, with the browser beside it", () => {
    expect(describeClient({ hostName: "OutlookWebApp", hostVersion: "15.20.8158.20" }, "OfficeOnline", edge)).toEqual({
      clientVersion: "Outlook on the web (Exchange server 15.20.8158.20); Microsoft Edge 131.0.2903.70",
      serverVersion: true,
    });
    expect(describeClient({ hostName: "newOutlookWindows", hostVersion: "15.20.1" }, "OfficeOnline", edge).serverVersion).toBe(true);
  });

  it("item 8 for the report: host name and platform kept beside the editable answers", () => {
    expect(reportEnvironment({ hostName: "OutlookWebApp", hostVersion: "15.20.8158.20" }, "OfficeOnline", { ...edge, platform: "Windows", platformVersion: "15.0.0" })).toEqual({
      operatingSystem: "Windows 11",
      clientVersion: "Outlook on the web (Exchange server 15.20.8158.20); Microsoft Edge 131.0.2903.70",
      hostName: "OutlookWebApp",
      platform: "OfficeOnline",
      serverVersion: true,
    });
    expect(reportEnvironment({}, null, { userAgent: "" })).toEqual({ operatingSystem: "", clientVersion: "Outlook", serverVersion: false });
  });
});
