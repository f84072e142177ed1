// @vitest-environment jsdom
/**
 * A look at the pane without Outlook: renders the bundled samples (and a few crafted mails) with
 * the real view and stylesheet into static HTML files, for a person — or scripts/preview-pane.js,
 * which screenshots them in Chromium at pane widths. Runs only when asked:
 *
 *   npm run preview:pane            (writes /tmp/ctm-preview/*.html and *.png)
 *
 * Static files: the report button does nothing there, and nothing is committed.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import type { Analysis } from "../../src/core/analysis.js";
import { parseConfig } from "../../src/core/config.js";
import { createCountryLookup } from "../../src/core/geo/index.js";
import type { Language } from "../../src/core/i18n.js";
import { analyzeEml } from "../../src/hosts/eml/index.js";
import { renderAnalysis, renderStatus } from "../../src/taskpane/view/index.js";
import { FIXED_NOW } from "../helpers/build.js";

// Not part of `npm test` (it writes files for a person to look at): run by vitest.preview.config.ts.
const OUT = process.env.CTM_PREVIEW_DIR ?? "/tmp/ctm-preview";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const CRAFTED = [
  'From: "Partner Sales (sales@partner.example)" <sales@partner-example.top>',
  "To: yamada@example.co.jp",
  "Reply-To: billing@partner-example.top",
  "Subject: =?utf-8?B?6KuL5rGC5pu444Gu44GU56K66KqN?=",
  "Date: Thu, 26 Nov 2026 10:00:00 +0900",
  "Message-ID: <x1@partner-example.top>",
  "Received: from mx.example.co.jp (mx.example.co.jp [192.0.2.10]) by mail.example.co.jp (Postfix) with ESMTPS id 1; Thu, 26 Nov 2026 10:00:05 +0900",
  "Received: from out.partner-example.top (out.partner-example.top [185.220.101.1]) by mx.example.co.jp (Postfix) with ESMTP id 2; Thu, 26 Nov 2026 10:00:03 +0900",
  "Received: from [10.0.0.5] (unknown [10.0.0.5]) by out.partner-example.top with ESMTPSA id 3; Thu, 26 Nov 2026 10:00:01 +0900",
  "Authentication-Results: mx.example.co.jp; spf=pass smtp.mailfrom=partner-example.top; dkim=pass header.d=partner-example.top; dmarc=pass header.from=partner-example.top",
  "MIME-Version: 1.0",
  'Content-Type: multipart/mixed; boundary="b"',
  "",
  "--b",
  "Content-Type: text/html; charset=utf-8",
  "",
  '<p>請求書をご確認ください。<a href="https://jpn01.safelinks.protection.outlook.com/?url=https%3A%2F%2Flogin.partner.example.evil-host.top%2Fsign-in&data=05%7C02%7Cu%40example.co.jp&sdata=x&reserved=0">https://www.partner.example/login</a></p>',
  '<p><a href="https://bit.ly/3abcde">こちら</a> / <a href="http://xn--pple-43d.com/">apple.com</a></p>',
  "--b",
  "Content-Type: application/octet-stream; name*=utf-8''invoice%E2%80%AEfdp.exe",
  "Content-Disposition: attachment; filename*=utf-8''invoice%E2%80%AEfdp.exe",
  "Content-Transfer-Encoding: base64",
  "",
  "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=",
  "--b",
  'Content-Type: application/pdf; name="見積書.pdf                                        .exe"',
  'Content-Disposition: attachment; filename="見積書.pdf                                        .exe"',
  "Content-Transfer-Encoding: base64",
  "",
  "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=",
  "--b--",
  "",
].join("\r\n");

function page(view: HTMLElement, lang: Language, title: string): string {
  const doc = document.implementation.createHTMLDocument(title);
  doc.documentElement.setAttribute("lang", lang);
  const meta = doc.createElement("meta");
  meta.setAttribute("charset", "utf-8");
  doc.head.prepend(meta);
  const css = doc.createElement("link");
  css.setAttribute("rel", "stylesheet");
  css.setAttribute("href", "taskpane.css");
  doc.head.append(css);
  const main = doc.createElement("main");
  main.setAttribute("id", "app");
  main.setAttribute("class", "ctm-app");
  main.append(doc.importNode(view, true));
  doc.body.append(main);
  return `<!doctype html>\n${new XMLSerializer().serializeToString(doc.documentElement)}`;
}

describe("pane preview", () => {
  it("writes the samples, crafted mails and status views as static pages", async () => {
    const out = OUT;
    mkdirSync(out, { recursive: true });
    copyFileSync(join(ROOT, "src/taskpane/taskpane.css"), join(out, "taskpane.css"));
    const parsed = parseConfig(readFileSync(join(ROOT, "samples/config.example.json"), "utf8"));
    if (!parsed.ok) throw new Error("config");
    const options = {
      config: parsed.config,
      now: FIXED_NOW,
      lookupCountry: createCountryLookup(new Uint8Array(readFileSync(join(ROOT, "assets/geo/ip-country.bin")))),
    };
    const mails: [string, Uint8Array | string][] = [
      ["case1", readFileSync(join(ROOT, "samples/case1-government-sender-from-abroad.eml"))],
      ["case2", readFileSync(join(ROOT, "samples/case2-plain-text-link-to-other-domain.eml"))],
      ["case3", readFileSync(join(ROOT, "samples/case3-internal-mail-reused-from-outside.eml"))],
      ["newsletter", readFileSync(join(ROOT, "samples/newsletter-ordinary.eml"))],
      ["crafted", CRAFTED],
    ];
    const corpus = join(ROOT, "../shared/corpora/phish/phishing_pot/sample-1762.eml");
    if (existsSync(corpus)) mails.push(["corpus-links", readFileSync(corpus)]);
    const written: string[] = [];
    for (const [name, bytes] of mails) {
      const analysis: Analysis = await analyzeEml(bytes, options);
      for (const lang of ["ja", "en"] as const) {
        const file = join(out, `${name}-${lang}.html`);
        writeFileSync(file, page(renderAnalysis(document, analysis, lang, { onReport: () => undefined }), lang, name));
        written.push(file);
      }
    }
    const statuses = {
      loading: { kind: "loading" },
      error: { kind: "error", message: { ja: "このメールのチェック中にエラーが起きました。", en: "Something went wrong while checking this mail." }, detail: "TypeError: x is undefined" },
      config: { kind: "config-error", errors: [{ path: "securityDesk.address", message: { ja: "メールアドレスを指定してください", en: "must be an e-mail address" } }] },
    } as const;
    for (const [name, status] of Object.entries(statuses)) {
      for (const lang of ["ja", "en"] as const) {
        const file = join(out, `status-${name}-${lang}.html`);
        writeFileSync(file, page(renderStatus(document, status, lang), lang, name));
        written.push(file);
      }
    }
    writeFileSync(join(out, "pages.json"), JSON.stringify(written, null, 2));
    console.info(`pane preview: ${written.length} pages in ${out}`);
  });
});
