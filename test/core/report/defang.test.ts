import { describe, expect, it } from "vitest";
import { defang, defangText } from "../../../src/core/index.js";

describe("defang (one URL)", () => {
  it.each([
    ["http://example.com/a.b?x=1#f", "hxxp://example[.]com/a.b?x=1#f"],
    ["HTTPS://www.Example.co.jp/", "hxxps://www[.]Example[.]co[.]jp/"],
    ["ftp://files.example.net/x.zip", "fxp://files[.]example[.]net/x.zip"],
    ["http://203.0.113.7/download/youryou.php", "hxxp://203[.]0[.]113[.]7/download/youryou.php"],
    // The userinfo is part of the disguise: its dots go too.
    ["http://www.bank.example@evil.example.com/login", "hxxp://www[.]bank[.]example@evil[.]example[.]com/login"],
    // Special schemes reach the host whatever the slashes (WHATWG URL).
    ["http:\\\\evil.example.com\\x", "hxxp://evil[.]example[.]com\\x"],
    ["http:evil.example.com", "hxxp://evil[.]example[.]com"],
    ["file://server.example.com/share/a.exe", "file[://]server[.]example[.]com/share/a.exe"],
    ["smb://files.example.com/x", "smb[://]files[.]example[.]com/x"],
    ["javascript:alert(1)", "javascript[:]alert(1)"],
    ["mailto:a@example.com", "mailto[:]a@example.com"],
    ["www.example.com/path.html", "www[.]example[.]com/path.html"],
    ["//cdn.example.com/x.js", "[//]cdn[.]example[.]com/x.js"],
    ["http://[2001:db8::1]:8080/", "hxxp://[2001:db8::1]:8080/"],
    // A URL inside a redirector's query would otherwise be linked on its own.
    ["https://r.example.com/go?u=https://target.example.net/x&v=www.other.example", "hxxps://r[.]example[.]com/go?u=hxxps://target.example.net/x&v=www[.]other.example"],
    ["javascript:location='http://evil.example.com'", "javascript[:]location='hxxp://evil.example.com'"],
  ])("%s → %s", (url, expected) => {
    expect(defang(url)).toBe(expected);
  });

  it("changes nothing the second time", () => {
    for (const url of ["http://example.com/x", "https://a.b.example.org", "hxxp://example[.]com/", "file://h.example.com/x", "www.example.com"]) {
      expect(defang(defang(url))).toBe(defang(url));
    }
  });
});

describe("defangText (free text)", () => {
  it("defangs URLs, www. hosts and bare domain names on a public suffix", () => {
    expect(defangText("詳細は http://mitsumori-share.top/share/a.zip をご覧ください")).toBe("詳細は hxxp://mitsumori-share[.]top/share/a.zip をご覧ください");
    expect(defangText("see www.example.com, or evil.zip.")).toBe("see www[.]example[.]com, or evil[.]zip.");
    expect(defangText("(https://example.com/a_(b))")).toBe("(hxxps://example[.]com/a_(b))");
  });

  it("leaves mail addresses, file names and ordinary words alone", () => {
    const text = "tanaka@sample-shoji.co.jp さんから report.pdf と nl-2026.abc@news.example.com, e.g. v1.2.3";
    expect(defangText(text)).toBe(text);
  });

  it("can leave bare dotted names alone (a detection name, a version), still defanging URLs", () => {
    expect(defangText("Win32/Agent.ABC from http://evil.example.com", { bareHosts: false })).toBe("Win32/Agent.ABC from hxxp://evil[.]example[.]com");
    expect(defangText("Win32/Agent.ABC")).toBe("Win32/Agent[.]ABC");
  });

  it("catches a scheme glued to a word, and other schemes' //", () => {
    expect(defangText("xhttp://evil.example.com/")).toBe("xhttp[://]evil[.]example[.]com/");
    expect(defangText("ftp://a.example.com and smb://b.example.com")).toBe("ftp[://]a[.]example[.]com and smb[://]b[.]example[.]com");
  });

  it("leaves defanged text as it is", () => {
    const done = "hxxp://example[.]com/x, file[://]host[.]example[.]com and example[.]org";
    expect(defangText(done)).toBe(done);
    expect(defangText(defangText("http://a.example.com www.b.example.com c.example.com"))).toBe(defangText("http://a.example.com www.b.example.com c.example.com"));
  });

  it("stays linear on hostile text (a megabyte of near-URLs and dotted words)", () => {
    const hostile = "http://a.".repeat(60_000) + "a.b.".repeat(100_000) + ":// ".repeat(50_000);
    // No time is asserted (speed is the benchmarks' job): quadratic work on a megabyte would stall the suite.
    const out = defangText(hostile);
    expect(out).not.toMatch(/https?:\/\//);
  });
});
