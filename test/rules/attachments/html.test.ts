import { describe, expect, it } from "vitest";
import { ATT_HTML } from "../../../src/core/rules/attachments/index.js";
import { eml } from "../../helpers/build.js";
import { analyzeEmlWith, filePart, fire, multipartEml, values } from "./fixtures.js";

const PAGE = Buffer.from("<html><body><form>password</form></body></html>").toString("base64");

describe("ATT_HTML", () => {
  it("has the stable ID ATT_HTML in the attachments group", () => {
    expect(ATT_HTML).toMatchObject({ id: "ATT_HTML", group: "attachments" });
  });

  it.each(["login.html", "fax.htm", "a.shtml", "a.xhtml", "logo.svg", "archive.mht", "archive.mhtml", "LOGIN.HTML"])("fires medium on %s", (name) => {
    expect(fire(ATT_HTML, { name })?.severity).toBe("medium");
  });

  it.each(["text/html", "image/svg+xml", "application/xhtml+xml"])("fires on a declared %s attachment", (type) => {
    expect(fire(ATT_HTML, { name: "document", type })?.severity).toBe("medium");
  });

  it("keeps names mail servers give to body pieces (ATT00001.htm) at low", () => {
    expect(fire(ATT_HTML, { name: "ATT00001.htm", type: "text/html" })?.severity).toBe("low");
    expect(fire(ATT_HTML, { name: "att24916.htm", type: "text/html" })?.severity).toBe("low");
    expect(fire(ATT_HTML, { name: "ATT00001.htm.exe", type: "text/html" })?.severity).toBe("medium");
  });

  it.each(["report.pdf", "page.txt", "my.file.name.docx", "html", "notes.htmlx"])("stays quiet on %s", (name) => {
    expect(fire(ATT_HTML, { name, type: "application/octet-stream" })).toBeUndefined();
  });

  it("stays quiet on a body resource (inline, with a Content-ID)", () => {
    expect(fire(ATT_HTML, { name: "logo.svg", type: "image/svg+xml", inline: true, contentId: "<logo>" })).toBeUndefined();
  });

  it("fires on an HTML file attached to a real .eml, with what the page contains", async () => {
    const analysis = await analyzeEmlWith([ATT_HTML], multipartEml([filePart("Fax.html", "text/html", PAGE)]));
    // Since content inspection, the evidence also says what the bytes are and what the page holds (a form).
    expect(values(analysis.findings[0])).toEqual(["Fax.html", "text/html", `${Buffer.from(PAGE, "base64").length} B`, "HTML page", "(no action)"]);
    expect(analysis.findings[0]?.severity).toBe("medium");
  });

  it("does not take the HTML body for an attachment", async () => {
    const source = eml(
      ["From: a@example.jp", "Subject: s", "MIME-Version: 1.0", 'Content-Type: multipart/alternative; boundary="alt"'],
      ["--alt", "Content-Type: text/plain", "", "hi", "--alt", "Content-Type: text/html; charset=utf-8", "", "<p>hi</p>", "--alt--", ""].join("\r\n"),
    );
    const analysis = await analyzeEmlWith([ATT_HTML], source);
    expect(analysis.attachments).toEqual([]);
    expect(analysis.findings).toEqual([]);
  });
});
