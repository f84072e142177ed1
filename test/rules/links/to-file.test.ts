import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { fileNameOf, fileSeverity, LINK_TO_FILE } from "../../../src/core/rules/links/to-file.js";
import { findings, htmlMail, only, safeLinks, textMail, valuesOf } from "./helpers.js";

const rule = LINK_TO_FILE;

describe("LINK_TO_FILE", () => {
  it("fires high for programs and scripts, medium for archives and disk images", () => {
    expect(findings(rule, htmlMail(`<a href="https://files.example/請求書.exe">請求書</a>`))).toEqual([["LINK_TO_FILE", "high"]]);
    expect(findings(rule, htmlMail(`<a href="https://files.example/a/invoice.zip?dl=1">請求書</a>`))).toEqual([["LINK_TO_FILE", "medium"]]);
    expect(findings(rule, textMail("https://files.example/setup.iso"))).toEqual([["LINK_TO_FILE", "medium"]]);
  });

  it("sees through percent-encoding, trailing dots and Safe Links, and names the file", () => {
    const finding = only(rule, htmlMail(`<a href="${safeLinks("https://files.example/doc/invoice%2Epdf%2Ejs")}">invoice.pdf</a>`));
    expect(finding?.severity).toBe("high");
    expect(valuesOf(finding, LABEL.fileName)).toEqual(["invoice.pdf.js"]);
    expect(fileSeverity("report.exe. ")).toBe("high");
  });

  it("is low for Unix source tarballs and silent for web pages and query-string names", () => {
    expect(findings(rule, textMail("https://downloads.example.org/tool-1.2.tar.gz"))).toEqual([["LINK_TO_FILE", "low"]]);
    expect(findings(rule, htmlMail(`<a href="https://a.example/index.html">x</a><a href="https://a.example/get.php?f=x.exe">y</a><a href="https://a.example/dir/">z</a>`))).toEqual([]);
    expect(fileNameOf("https://a.example/dir/")).toBe("");
  });

  it("reads the path of a serialised URL as the URL parser does", () => {
    const hrefs = [
      "https://a.example/dir/setup.exe?x=/y.zip#/z.iso",
      "http://user:p%40ss@a.example:8080/a%20b/c.msi",
      "https://a.example?q=/evil.exe",
      "https://a.example#/evil.exe",
      "http://[2001:db8::1]/x/file.lnk",
      "ftp://files.example/pub/tool.exe",
      "file://server/share/run.bat",
    ];
    for (const href of hrefs) {
      const url = new URL(href);
      const path = url.pathname;
      expect(fileNameOf(url.href), href).toBe(decodeURIComponent(path.slice(path.lastIndexOf("/") + 1)));
    }
  });
});
