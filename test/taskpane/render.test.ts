// @vitest-environment jsdom
/**
 * The task pane's view (src/taskpane/view) over real analyses of the bundled samples, hostile
 * analyses (script-injection payloads in every field that carries mail content) and large ones.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Analysis, Finding, LinkInfo } from "../../src/core/analysis.js";
import { parseConfig, type Config } from "../../src/core/config.js";
import { createCountryLookup, type CountryLookup } from "../../src/core/geo/index.js";
import { makeControlsVisible } from "../../src/core/visible.js";
import { analyzeEml } from "../../src/hosts/eml/index.js";
import { elementBuilder } from "../../src/taskpane/view/h.js";
import { isAllowedHref, mountView, renderAnalysis, renderStatus } from "../../src/taskpane/view/index.js";
import { FIXED_NOW } from "../helpers/build.js";

const SAMPLES = ["case1-government-sender-from-abroad.eml", "case2-plain-text-link-to-other-domain.eml", "case3-internal-mail-reused-from-outside.eml", "newsletter-ordinary.eml"] as const;
// Paths from strings: under jsdom the global URL resolves relative URLs against the page, not the file.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const read = (name: string): Buffer => readFileSync(join(ROOT, "samples", name));

let config: Config;
let lookupCountry: CountryLookup;
const analyses = new Map<string, Analysis>();

beforeAll(async () => {
  const parsed = parseConfig(read("config.example.json").toString("utf8"));
  if (!parsed.ok) throw new Error("samples/config.example.json is invalid");
  config = parsed.config;
  // The bundled table, as loadCountryLookup (src/hosts/node/geo.ts) reads it but copied into a
  // Uint8Array of this realm: under jsdom, globals such as Uint8Array are the DOM window's, so a
  // Node Buffer fails the table reader's instanceof check.
  lookupCountry = createCountryLookup(new Uint8Array(readFileSync(join(ROOT, "assets/geo/ip-country.bin"))));
  for (const name of SAMPLES) analyses.set(name, await analyzeEml(read(name), { config, now: FIXED_NOW, lookupCountry }));
});

const sample = (name: (typeof SAMPLES)[number]): Analysis => analyses.get(name)!;
const all = (root: ParentNode, selector: string): Element[] => Array.from(root.querySelectorAll(selector));

/** Tags the view creates; anything else in a rendered view came from somewhere it must not. */
const VIEW_TAGS = new Set([
  "A", "ARTICLE", "ASIDE", "BUTTON", "CAPTION", "CODE", "DD", "DETAILS", "DIV", "DL", "DT", "EM", "FOOTER", "H1", "H2", "H3",
  "H4", "HEADER", "LI", "MARK", "NAV", "OL", "P", "SECTION", "SMALL", "SPAN", "STRONG", "SUMMARY", "TABLE", "TBODY", "TD", "TH",
  "THEAD", "TIME", "TR", "UL", "WBR",
]);

/** Every invariant a view must keep whatever the mail says (violations collected, asserted once). */
function expectInert(view: Element): void {
  const elements = [view, ...all(view, "*")];
  const problems: string[] = [];
  for (const element of elements) {
    if (!VIEW_TAGS.has(element.tagName)) problems.push(`element <${element.tagName}>`);
    for (const name of element.getAttributeNames()) {
      if (name.startsWith("on") || FORBIDDEN.has(name)) problems.push(`<${element.tagName} ${name}>`);
    }
    const href = element.getAttribute("href");
    if (href !== null && !isAllowedHref(href)) problems.push(`href ${href}`);
  }
  expect(problems).toEqual([]);
  expect(all(view, "img, script, iframe, svg, object, embed, style, link, form, input, meta, base, frame")).toHaveLength(0);
}

const FORBIDDEN = new Set(["style", "src", "srcdoc", "action", "formaction"]);

describe("renderAnalysis over the bundled samples", () => {
  it.each(SAMPLES)("%s: verdict, every finding by rule ID, grouped, in both languages", (name) => {
    const analysis = sample(name);
    for (const lang of ["ja", "en"] as const) {
      const view = renderAnalysis(document, analysis, lang);
      expect(view.getAttribute("lang")).toBe(lang);
      const banners = all(view, "[data-verdict]");
      expect(banners).toHaveLength(1);
      expect(banners[0]!.getAttribute("data-verdict")).toBe(analysis.verdict);
      expect(banners[0]!.closest("[role=status]")?.getAttribute("aria-live")).toBe("polite");

      const shown = all(view, "[data-rule-id]");
      expect(shown.map((e) => e.getAttribute("data-rule-id"))).toEqual(
        ["links", "sender", "attachments"].flatMap((g) => analysis.findings.filter((f) => f.group === g).map((f) => f.id)),
      );
      for (const finding of analysis.findings) {
        const element = view.querySelector(`[data-rule-id="${finding.id}"]`)!;
        expect(element.getAttribute("data-severity")).toBe(finding.severity);
        expect(element.closest("[data-group]")?.getAttribute("data-group")).toBe(finding.group);
        expect(element.textContent).toContain(finding.title[lang]);
        expect(element.textContent).toContain(finding.explanation[lang]);
      }
      // Groups in a fixed order; headings under a single level-2 outline.
      expect(all(view, "section[data-group]").map((s) => s.getAttribute("data-group"))).toEqual(["links", "sender", "attachments"]);
      expectInert(view);
    }
  });

  it("shows danger, caution and 'no indicators found' in words, never calling a mail safe", () => {
    const headline = (name: (typeof SAMPLES)[number], lang: "ja" | "en"): string =>
      renderAnalysis(document, sample(name), lang).querySelector("[data-verdict]")!.textContent ?? "";
    expect(headline("case1-government-sender-from-abroad.eml", "ja")).toContain("危険");
    expect(headline("case1-government-sender-from-abroad.eml", "en")).toContain("Danger");
    expect(headline("case2-plain-text-link-to-other-domain.eml", "ja")).toContain("注意");
    expect(headline("newsletter-ordinary.eml", "ja")).toContain("問題となる特徴は見つかりませんでした");
    expect(headline("newsletter-ordinary.eml", "en")).toContain("No indicators found");
    for (const name of SAMPLES) {
      expect(renderAnalysis(document, sample(name), "en").textContent).not.toMatch(/\bsafe\b/i);
      expect(renderAnalysis(document, sample(name), "ja").textContent).not.toContain("安全です");
    }
  });

  it("tells what to do next for danger and caution, with a Report button that calls the hook", () => {
    const onReport = vi.fn();
    const view = renderAnalysis(document, sample("case1-government-sender-from-abroad.eml"), "ja", { onReport });
    const next = view.querySelector(".ctm-next")!;
    expect(next.querySelectorAll("ol > li")).toHaveLength(4);
    expect(next.textContent).toContain("自分で調べた連絡先");
    const button = next.querySelector<HTMLButtonElement>("button[data-action=report]")!;
    expect(button.type).toBe("button");
    button.click();
    expect(onReport).toHaveBeenCalledTimes(1);

    expect(renderAnalysis(document, sample("case2-plain-text-link-to-other-domain.eml"), "en").querySelector(".ctm-next")).not.toBeNull();
    // Without a hook there is nothing to press; a clean result has no "what to do" box.
    expect(renderAnalysis(document, sample("case1-government-sender-from-abroad.eml"), "ja").querySelector("button")).toBeNull();
    const clean = renderAnalysis(document, sample("newsletter-ordinary.eml"), "ja", { onReport });
    expect(clean.querySelector(".ctm-next")).toBeNull();
    clean.querySelector<HTMLButtonElement>("button[data-action=report]")!.click();
    expect(onReport).toHaveBeenCalledTimes(2);
  });

  it("lists the deciding findings under the verdict as links to their cards", () => {
    const view = renderAnalysis(document, sample("case1-government-sender-from-abroad.eml"), "en");
    const links = all(view, ".ctm-reasons a");
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const target = view.querySelector(link.getAttribute("href")!);
      expect(target?.hasAttribute("data-rule-id")).toBe(true);
    }
  });

  it("shows the links table: shown text against the real destination, registrable domain in bold, never clickable", () => {
    const view = renderAnalysis(document, sample("case1-government-sender-from-abroad.eml"), "ja");
    const table = view.querySelector("section[data-group=links] table")!;
    expect(all(table, "th[scope=col]").map((th) => th.textContent)).toEqual(["表示されている文字", "実際のリンク先"]);
    const row = table.querySelector("tbody tr")!;
    expect(row.querySelector(".ctm-links__shown")!.textContent).toBe("https://www.kikou-sample.go.jp/chotatsu/2027.html");
    expect(row.querySelector(".ctm-links__shown strong")!.textContent).toBe("kikou-sample.go.jp");
    expect(row.querySelector(".ctm-links__target strong.ctm-url__domain")!.textContent).toBe("203.0.113.7");
    expect(row.querySelector(".ctm-links__target")!.textContent).toContain("http://203.0.113.7/download/youryou.php");
    expect(row.getAttribute("data-flagged")).toBe("high");
    expect(row.querySelector(".ctm-links__differs")).not.toBeNull();
    // Mail links are text: the only anchors are in-page links and the DB-IP attribution.
    for (const a of all(view, "a")) expect(isAllowedHref(a.getAttribute("href") ?? "")).toBe(true);
  });

  it("shows the route from the origin to the organisation, unverified hops marked, with the DB-IP attribution", () => {
    const analysis = sample("case1-government-sender-from-abroad.eml");
    const view = renderAnalysis(document, analysis, "ja");
    const sender = view.querySelector("section[data-group=sender]")!;
    const hops = all(sender, ".ctm-route > li");
    // Oldest first: the claimed desktop, the origin, the organisation's relay, then the mailbox server.
    expect(hops.map((li) => li.getAttribute("data-hop-kind"))).toEqual(["claimed", "origin", "received", "delivered"]);
    const unverified = all(sender, ".ctm-route > li[data-verified=false]");
    expect(unverified).toHaveLength(analysis.route.hops.filter((h) => h.unverified).length);
    for (const li of unverified) {
      expect(li.classList.contains("ctm-hop--unverified")).toBe(true);
      expect(li.textContent).toContain("未確認");
    }
    const origin = sender.querySelector("[data-hop-kind=origin]")!;
    expect(origin.textContent).toContain("60.26.146.23");
    expect(origin.querySelector("[data-country]")?.getAttribute("data-country")).toBe("CN");
    expect(origin.textContent).toContain("中国");
    expect(analysis.route.origin?.countrySource).toBe("lookup");
    const attribution = sender.querySelector<HTMLAnchorElement>("a[href='https://db-ip.com']")!;
    expect(attribution.textContent).toContain("IP Geolocation by DB-IP");
    expect(attribution.rel).toContain("noopener");
    // Authentication in words and symbols, not colour alone.
    const auth = all(sender, "[data-auth-method]").map((li) => [li.getAttribute("data-auth-method"), li.getAttribute("data-auth-result")]);
    expect(auth).toEqual([["spf", "fail"], ["dkim", "none"], ["dmarc", "fail"]]);
    expect(sender.querySelector("[data-auth-method=spf]")!.textContent).toContain("失敗");
  });

  it("shows no attribution where no country from the IP database is shown", () => {
    const analysis = sample("newsletter-ordinary.eml");
    expect(analysis.route.origin?.countrySource).not.toBe("lookup");
    const view = renderAnalysis(document, { ...analysis, route: { ...analysis.route, hops: analysis.route.hops.map((h) => ({ ...h, fromCountry: undefined })) } }, "en");
    expect(view.querySelector("a[href='https://db-ip.com']")).toBeNull();
  });

  it("lists attachments with type, size and the hash when the core computed one", () => {
    const view = renderAnalysis(document, sample("case1-government-sender-from-abroad.eml"), "en");
    const item = view.querySelector("section[data-group=attachments] .ctm-attachment")!;
    expect(item.textContent).toContain("調達要領.pdf.exe");
    expect(item.textContent).toContain("application/octet-stream");
    expect(item.textContent).toContain("120 B");
    expect(item.getAttribute("data-flagged")).toBe("high");
    const sha256 = sample("case1-government-sender-from-abroad.eml").attachments[0]!.sha256;
    if (sha256 !== undefined) expect(item.querySelector(".ctm-hash")!.textContent).toBe(sha256);
  });

  it("folds what could not be checked into a closed <details>", () => {
    const view = renderAnalysis(document, sample("case3-internal-mail-reused-from-outside.eml"), "en");
    const details = view.querySelector<HTMLDetailsElement>("details.ctm-diagnostics");
    const analysis = sample("case3-internal-mail-reused-from-outside.eml");
    if (analysis.diagnostics.length === 0) expect(details).toBeNull();
    else {
      expect(details!.open).toBe(false);
      expect(all(details!, "[data-code]").map((li) => li.getAttribute("data-code"))).toEqual(analysis.diagnostics.map((d) => d.code));
    }
  });
});

describe("a mail that could not be fully checked", () => {
  // 2,001 empty parts before an executable: the parts after the limit are never read.
  const padded = `From: a@example.jp\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${"--b\r\n\r\n".repeat(2001)}--b\r\nContent-Type: application/octet-stream; name=a.exe\r\n\r\nMZ\r\n--b--\r\n`;

  it("is never green: its own headline, with what was not checked beside it", async () => {
    const analysis = await analyzeEml(padded, { now: FIXED_NOW });
    for (const [lang, headline] of [["ja", "すべては確認できませんでした"], ["en", "Could not be fully checked"]] as const) {
      const view = renderAnalysis(document, analysis, lang);
      const verdict = view.querySelector("[data-verdict]")!;
      expect(verdict.getAttribute("data-verdict")).toBe("incomplete");
      expect(verdict.className).not.toContain("clean");
      expect(verdict.textContent).toContain(headline);
      const unchecked = all(verdict, ".ctm-verdict__unchecked-list li").map((li) => li.textContent);
      expect(unchecked.join(" ")).toContain(lang === "ja" ? "MIME パート" : "MIME parts");
      expect(view.querySelector(".ctm-next")).not.toBeNull();
    }
  });

  it("without headers from the client, states no fact about the route the client did not give", () => {
    const base = sample("newsletter-ordinary.eml");
    const withheld: Analysis = {
      ...base,
      route: { hops: [] },
      authentication: { results: [] },
      diagnostics: [...base.diagnostics, { code: "NO_HEADERS", level: "warning", message: { ja: "ヘッダーなし", en: "The mail's headers were not available." } }],
      incomplete: true,
      verdict: "incomplete",
    };
    const view = renderAnalysis(document, withheld, "en");
    expect(view.textContent).not.toContain("has no route records");
    expect(view.querySelector('[data-withheld="headers"]')!.textContent).toContain("does not give the add-in the mail's headers");
    expect(view.querySelector("[data-verdict]")!.textContent).toContain("The mail's headers were not available.");
  });
});

describe("renderAnalysis of crafted mail", () => {
  const RLO_MAIL = [
    'From: "Partner Sales" <sales@partner.example>',
    "To: yamada@example.co.jp",
    "Subject: =?utf-8?B?6KuL5rGC5pu4?= \u202Eabc",
    "Date: Thu, 26 Nov 2026 10:00:00 +0900",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="b"',
    "",
    "--b",
    "Content-Type: text/html; charset=utf-8",
    "",
    '<p><a href="https://jpn01.safelinks.protection.outlook.com/?url=https%3A%2F%2Flogin.evil.example%2Fsign-in&data=05%7C02%7Cu%40example.co.jp&sdata=x&reserved=0">https://www.partner.example/login</a></p>',
    "--b",
    "Content-Type: application/octet-stream; name*=utf-8''invoice%E2%80%AEfdp.exe",
    "Content-Disposition: attachment; filename*=utf-8''invoice%E2%80%AEfdp.exe",
    "Content-Transfer-Encoding: base64",
    "",
    "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAA=",
    "--b--",
    "",
  ].join("\r\n");

  it("writes hidden characters out as visible markers (RLO shows as [U+202E]) and never puts them in the page", async () => {
    const analysis = await analyzeEml(RLO_MAIL, { config, now: FIXED_NOW, lookupCountry });
    expect(analysis.findings.map((f) => f.id)).toContain("ATT_BIDI_TRICK");
    const view = renderAnalysis(document, analysis, "ja");
    expect(view.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    const name = view.querySelector(".ctm-attachment .ctm-attachment__file")!;
    expect(name.textContent).toBe("invoice[U+202E]fdp.exe");
    const marker = name.querySelector(".ctm-hidden")!;
    expect(marker.getAttribute("data-hidden")).toBe("202E");
    expect(marker.getAttribute("title")).toContain("RIGHT-TO-LEFT OVERRIDE");
    expect(name.getAttribute("dir")).toBe("ltr");
    expect(view.querySelector("[data-rule-id=ATT_BIDI_TRICK]")!.textContent).toContain("[U+202E]");
  });

  it("marks an unwrapped Safe Links link with the wrapper and shows the real target's domain", async () => {
    const analysis = await analyzeEml(RLO_MAIL, { config, now: FIXED_NOW, lookupCountry });
    const view = renderAnalysis(document, analysis, "en");
    const row = view.querySelector("section[data-group=links] tbody tr")!;
    expect(row.querySelector(".ctm-links__wrapped")!.textContent).toContain("Microsoft Safe Links");
    expect(row.querySelector(".ctm-links__target > .ctm-url strong")!.textContent).toBe("evil.example");
    expect(row.querySelector(".ctm-links__target > .ctm-url")!.textContent).toBe("https://login.evil.example/sign-in");
    expect(row.querySelector(".ctm-links__wrapper-url")!.textContent).toContain("safelinks.protection.outlook.com");
  });

  it("counts out a run of spaces that hides the real extension", () => {
    const base = sample("case1-government-sender-from-abroad.eml");
    const padded = `資料.pdf${" ".repeat(40)}.exe`;
    const view = renderAnalysis(document, { ...base, attachments: [{ ...base.attachments[0]!, name: padded }] }, "en");
    expect(view.querySelector(".ctm-attachment__file")!.textContent).toBe("資料.pdf[40 spaces].exe");
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile content: mail text is written by the attacker.

const PAYLOADS = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(document.domain)</script>",
  "javascript:alert(1)",
  "\"><svg onload=alert(1)>",
  "'><iframe srcdoc=\"<script>alert(1)</script>\">",
  "<a href=\"javascript:alert(1)\">x</a>",
  "gpj.\u202Eexe.pdf",
  "{{constructor.constructor('alert(1)')()}}",
  "constructor",
  "__proto__",
];

/**
 * An analysis carrying the payloads in every field that holds mail content. With `share` > 1,
 * each field gets every share-th payload (so a long list is spread out instead of repeated).
 */
function hostileAnalysis(base: Analysis, all: readonly string[], share = 1): Analysis {
  const p = (i: number): string => all[i % all.length]!;
  const part = (k: number): readonly string[] => (share === 1 ? all : all.filter((_, i) => i % share === k % share));
  const payloads = part(0);
  const links: LinkInfo[] = payloads.map((payload, i) => ({
    source: "html",
    element: i % 2 ? "a" : payload.slice(0, 20),
    shownText: payload,
    shownKind: "url",
    shownHost: payload,
    shownRegistrableDomain: payload,
    href: payload,
    target: { url: `javascript:${payload}`, scheme: "javascript", host: payload, hostUnicode: payload, registrableDomain: payload },
    ...(i % 3 === 0 ? { unwrapped: { url: payload, scheme: "https", host: null, registrableDomain: null, wrapper: payload } } : {}),
  }));
  const finding = (group: Finding["group"], id: string): Finding => ({
    id,
    severity: "high",
    group,
    title: { ja: p(1), en: p(1) },
    explanation: { ja: p(0), en: p(0) },
    evidence: part(1).map((payload) => ({ label: { ja: payload, en: payload }, value: payload })),
  });
  return {
    ...base,
    verdict: "danger",
    findings: [finding("links", "LINK_TEXT_MISMATCH"), finding("sender", "AUTH_FAIL"), finding("attachments", "ATT_BIDI_TRICK")],
    message: { subject: p(0), from: { name: p(1), address: p(2) }, date: p(3), messageId: p(4) },
    links,
    route: {
      hops: part(2).map((payload, i) => ({
        index: i,
        raw: payload,
        trusted: i < 2,
        unverified: i >= 2,
        parsed: i !== 1,
        fromHelo: payload,
        fromHost: p(i + 1),
        fromIp: payload,
        by: payload,
        fromCountry: payload,
      })),
      origin: { hopIndex: 1, ip: p(0), host: p(1), country: p(2), countrySource: "lookup", countryByLookup: p(3) },
      claimedClientIp: p(5),
      enteredFromOutside: true,
    },
    authentication: { results: [], spf: p(0), dkim: "constructor", dmarc: "__proto__" },
    attachments: part(3).map((payload, i) => ({
      index: i,
      name: payload,
      declaredType: payload,
      size: i * 1000,
      inline: i % 2 === 0,
      extension: payload,
      contentAvailable: i % 2 === 1,
      sha256: payload,
      content: {
        kind: "zip",
        description: payload,
        entries: [{ name: payload, depth: 0, encrypted: true, size: 3 }],
        entryCount: 40,
        indicators: [],
        complete: false,
      },
    })),
    diagnostics: part(4).map((payload) => ({ code: "HEADER_UNPARSED", level: "warning", message: { ja: payload, en: payload }, detail: payload })),
    incomplete: true,
  };
}

describe("hostile content", () => {
  it("never becomes markup: no elements, attributes or links but the view's own; payloads appear as text", () => {
    const analysis = hostileAnalysis(sample("case1-government-sender-from-abroad.eml"), PAYLOADS);
    for (const lang of ["ja", "en"] as const) {
      const view = renderAnalysis(document, analysis, lang, { onReport: () => undefined });
      document.body.replaceChildren(view);
      expectInert(view);
      expect(document.querySelectorAll("img, script, iframe, svg").length).toBe(0);
      const text = view.textContent ?? "";
      for (const payload of PAYLOADS) expect(text).toContain(payload.replace("\u202E", "[U+202E]"));
      expect(text).not.toContain("\u202E");
      // Mail text lands in text nodes only: no attribute value carries it.
      for (const element of all(view, "*")) {
        for (const name of element.getAttributeNames()) expect(element.getAttribute(name)).not.toMatch(/alert|<|javascript:/i);
      }
    }
    document.body.replaceChildren();
  });

  it("status views take any text as text", () => {
    const payload = PAYLOADS.join(" ");
    const error = renderStatus(document, { kind: "error", message: { ja: payload, en: payload }, detail: payload }, "en");
    const config = renderStatus(document, { kind: "config-error", errors: [{ path: payload, message: { ja: payload, en: payload } }] }, "ja");
    for (const view of [error, config]) {
      expectInert(view);
      expect(view.textContent).toContain("<img src=x onerror=alert(1)>");
    }
  });

  const CORPUS = join(ROOT, "../shared/corpora/xss/ALL_PAYLOADS_dedup.txt");
  it("renders every payload of the XSS corpus (../shared/corpora/xss) inertly", () => {
    expect(existsSync(CORPUS), `The XSS corpus is missing at ${CORPUS} (it lives outside the repository; CI provides it).`).toBe(true);
    const payloads = readFileSync(CORPUS, "utf8").split("\n").filter((line) => line !== "");
    expect(payloads.length).toBeGreaterThan(1000);
    const analysis = hostileAnalysis(sample("case1-government-sender-from-abroad.eml"), payloads, 5);
    const view = renderAnalysis(document, analysis, "en");
    expectInert(view);
    // Each payload appears exactly as written (hidden characters and long blank runs are written out).
    const plain = (payload: string): boolean => makeControlsVisible(payload) === payload && !/\s{3}/.test(payload);
    const shown = new Set(all(view, ".ctm-links__shown .ctm-mail").map((e) => e.textContent));
    const names = new Set(all(view, ".ctm-attachment__file").map((e) => e.textContent));
    const links = analysis.links.filter((l) => plain(l.shownText));
    const files = analysis.attachments.filter((a) => a.name !== "" && plain(a.name));
    expect(links.length).toBeGreaterThan(1000);
    for (const link of links) expect(shown.has(link.shownText), link.shownText).toBe(true);
    for (const file of files) expect(names.has(file.name), file.name).toBe(true);
  }, 120_000);
});

describe("the element builder", () => {
  const h = elementBuilder(document);
  it("refuses event handlers, inline style, loading tags and any href but the attribution and in-page anchors", () => {
    expect(() => h("div", { onclick: "alert(1)" })).toThrow(/event-handler/);
    expect(() => h("div", { ONCLICK: "x" })).toThrow();
    expect(() => h("div", { style: "color:red" })).toThrow();
    expect(() => h("img" as "div")).toThrow(/tag not allowed/);
    expect(() => h("script" as "div")).toThrow(/tag not allowed/);
    expect(() => h("a", { href: "javascript:alert(1)" })).toThrow(/href/);
    expect(() => h("a", { href: "https://db-ip.com.evil.example" })).toThrow(/href/);
    expect(() => h("a", { href: "https://example.com/" })).toThrow(/href/);
    expect(h("a", { href: "https://db-ip.com" }).getAttribute("href")).toBe("https://db-ip.com");
    expect(h("a", { href: "#ctm1-finding-X" }).getAttribute("href")).toBe("#ctm1-finding-X");
    expect(h("p", null, "<b>x</b>").children).toHaveLength(0);
  });
});

describe("status views and mounting", () => {
  it("renders loading, error and configuration errors, never a blank pane", () => {
    const loading = renderStatus(document, { kind: "loading" }, "ja");
    expect(loading.querySelector("[role=status]")!.textContent).toContain("確認しています");
    const error = renderStatus(document, { kind: "error", message: { ja: "読めません", en: "Unreadable" }, detail: "stack" }, "en");
    expect(error.textContent).toContain("Unreadable");
    expect(error.querySelector("details")!.textContent).toContain("stack");
    const config = renderStatus(document, { kind: "config-error", errors: [{ path: "securityDesk.address", message: { ja: "必須です", en: "required" } }] }, "ja");
    expect(config.textContent).toContain("securityDesk.address");
    expect(config.textContent).toContain("必須です");
  });

  it("renders a neutral notice with its own title, not as a failure", () => {
    const notice = renderStatus(document, { kind: "notice", title: { ja: "メールが選択されていません", en: "No mail selected" }, message: { ja: "選んでください", en: "Select a mail to check it." } }, "en");
    expect(notice.querySelector("[data-status=notice]")).not.toBeNull();
    expect(notice.textContent).toContain("No mail selected");
    expect(notice.textContent).toContain("Select a mail to check it.");
    expect(notice.textContent).not.toContain("could not be checked");
  });

  it("mountView keeps the live region in the page and changes only its content", () => {
    const container = document.createElement("main");
    document.body.replaceChildren(container);
    mountView(container, renderStatus(document, { kind: "loading" }, "en"));
    const live = container.querySelector("[role=status]")!;
    mountView(container, renderAnalysis(document, sample("case1-government-sender-from-abroad.eml"), "en"));
    expect(container.querySelector("[role=status]")).toBe(live);
    expect(live.isConnected).toBe(true);
    expect(live.querySelector("[data-verdict]")!.getAttribute("data-verdict")).toBe("danger");
    expect(container.querySelectorAll("[data-rule-id]").length).toBe(sample("case1-government-sender-from-abroad.eml").findings.length);
    expect(container.firstElementChild!.getAttribute("data-view")).toBe("analysis");
    mountView(container, renderAnalysis(document, sample("newsletter-ordinary.eml"), "ja"));
    expect(container.querySelector("[role=status]")).toBe(live);
    expect(live.querySelector("[data-verdict]")!.getAttribute("data-verdict")).toBe("clean");
    expect(container.querySelectorAll("[role=status]")).toHaveLength(1);
    expect(container.querySelectorAll("[data-rule-id]")).toHaveLength(0);
    expect(container.firstElementChild!.getAttribute("lang")).toBe("ja");
    document.body.replaceChildren();
  });
});

describe("speed", () => {
  function manyLinks(n: number): Analysis {
    const base = sample("newsletter-ordinary.eml");
    const links: LinkInfo[] = Array.from({ length: n }, (_, i) => ({
      source: "html",
      element: "a",
      shownText: i % 5 === 0 ? "こちら" : `https://www.site${i}.example/page`,
      shownKind: i % 5 === 0 ? "text" : "url",
      ...(i % 5 === 0 ? {} : { shownHost: `www.site${i}.example`, shownRegistrableDomain: `site${i}.example` }),
      href: `https://track${i}.example/c/${i}`,
      target: { url: `https://track${i}.example/c/${i}`, scheme: "https", host: `track${i}.example`, registrableDomain: `track${i}.example` },
    }));
    const finding: Finding = {
      id: "LINK_TEXT_MISMATCH",
      severity: "high",
      group: "links",
      title: { ja: "t", en: "t" },
      explanation: { ja: "e", en: "e" },
      evidence: links.filter((_, i) => i % 2 === 0).map((l) => ({ label: { ja: "リンク", en: "Link" }, value: l.target.url })),
    };
    return { ...base, verdict: "danger", links, findings: [finding] };
  }

  it("renders the core's limit of 2,000 links, every one a row", () => {
    // No time is asserted (speed is the benchmarks' job): a quadratic table would stall the suite.
    const analysis = manyLinks(2000);
    const view = renderAnalysis(document, analysis, "ja");
    expect(view.querySelectorAll("tbody tr").length).toBe(2000);
  });
});
