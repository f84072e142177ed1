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
});
