import { describe, expect, it } from "vitest";
import { extractBody } from "../../../src/core/body/extract.js";
import { refreshUrl } from "../../../src/core/body/html.js";
import type { Diagnostic } from "../../../src/core/diagnostics.js";
import { DEFAULT_LIMITS, type Limits } from "../../../src/core/options.js";
import { analyze } from "../../../src/core/analyze.js";
import { FIXED_NOW, makeSnapshot } from "../../helpers/build.js";

function extract(fields: { html?: string; text?: string }, limits: Partial<Limits> = {}) {
  const diagnostics: Diagnostic[] = [];
  const facts = extractBody(makeSnapshot(fields), { ...DEFAULT_LIMITS, ...limits }, (d) => diagnostics.push(d));
  return { facts, codes: diagnostics.map((d) => d.code), diagnostics };
}

describe("extractBody — HTML", () => {
  it("collects <a> and <area> links with their visible text and normalised targets", () => {
    const { facts } = extract({
      html: `<p><a href="HTTPS://Example.CO.JP:443/a/../b?x=1">  ログイン\n  ページ </a></p>
             <map><area href="http://map.example.com/" alt="地図"></map>`,
    });
    expect(facts.hasHtml).toBe(true);
    expect(facts.links).toEqual([
      {
        source: "html",
        element: "a",
        shownText: "ログイン ページ",
        shownKind: "text",
        href: "HTTPS://Example.CO.JP:443/a/../b?x=1",
        target: { url: "https://example.co.jp/b?x=1", scheme: "https", host: "example.co.jp", registrableDomain: "example.co.jp" },
      },
      {
        source: "html",
        element: "area",
        shownText: "地図",
        shownKind: "image",
        href: "http://map.example.com/",
        target: { url: "http://map.example.com/", scheme: "http", host: "map.example.com", registrableDomain: "example.com" },
      },
    ]);
  });

  it("classifies what the link shows: url, domain, text, image (alt text), empty", () => {
    const { facts } = extract({
      html: `<a href="https://a.example/">https://www.example.com/login</a>
             <a href="https://a.example/">Amazon.co.jp</a>
             <a href="https://a.example/">Click.here</a>
             <a href="https://a.example/"><img src="cid:logo" alt=" 会社 ロゴ "></a>
             <a href="https://a.example/"><img src="cid:logo"></a>
             <a href="https://a.example/"></a>`,
    });
    expect(facts.links.map((l) => [l.shownKind, l.shownText, l.shownRegistrableDomain])).toEqual([
      ["url", "https://www.example.com/login", "example.com"],
      ["domain", "Amazon.co.jp", "amazon.co.jp"],
      ["text", "Click.here", undefined],
      ["image", "会社 ロゴ", undefined],
      ["image", "", undefined],
      ["empty", "", undefined],
    ]);
  });

  it("leaves out text hidden with display:none, hidden or font-size:0, and script/style content", () => {
    const { facts } = extract({
      html: `<a href="https://evil.example/"><span style="display: none">https://www.bank.example/</span>こちら<span hidden>x</span><span style="font-size:0px">y</span><style>a{}</style></a>
             <a href="https://evil.example/"><span style="font-size:0.9em">見える</span></a>`,
    });
    expect(facts.links.map((l) => [l.shownText, l.shownKind])).toEqual([
      ["こちら", "text"],
      ["見える", "text"],
    ]);
  });

  it("reads <noscript> content as shown (mail runs no script)", () => {
    const { facts } = extract({ html: `<noscript><a href="https://x.example/">https://y.example/</a></noscript>` });
    expect(facts.links[0]).toMatchObject({ shownKind: "url", shownHost: "y.example" });
  });

  it("resolves relative hrefs against the first absolute <base href> and records which", () => {
    const { facts } = extract({
      html: `<head><base href="https://evil.example/kit/"><base href="https://ignored.example/"></head>
             <a href="login.php">ログイン</a><a href="https://ok.example/">ok</a>`,
    });
    expect(facts.base).toBe("https://evil.example/kit/");
    expect(facts.baseHrefs).toEqual(["https://evil.example/kit/", "https://ignored.example/"]);
    expect(facts.links.map((l) => l.target.url)).toEqual(["https://evil.example/kit/login.php", "https://ok.example/"]);
    expect(facts.baseResolvedLinks).toEqual([0]);
  });

  it("opens scheme-less www. and //host hrefs as http, reports other relative hrefs, skips anchors", () => {
    const { facts, diagnostics } = extract({
      html: `<a href="www.example.com/a">a</a><a href="//cdn.example.net/x">b</a><a href="/relative">c</a><a href="#top">d</a><a href="">e</a><a href="/relative">f</a>`,
    });
    expect(facts.links.map((l) => l.target.url)).toEqual(["http://www.example.com/a", "http://cdn.example.net/x", "/relative", "/relative"]);
    expect(facts.links[2]!.target).toEqual({ url: "/relative", scheme: "", host: null, registrableDomain: null });
    expect(diagnostics.filter((d) => d.code === "URL_UNPARSED").map((d) => d.detail)).toEqual(["/relative", "/relative"]);
  });

  it("turns UNC paths into file targets and keeps dangerous schemes as written", () => {
    const { facts } = extract({ html: `<a href="\\\\files.example\\share\\doc.lnk">doc</a><a href="java&#9;script:alert(1)">x</a>` });
    expect(facts.links[0]!.target).toMatchObject({ scheme: "file", host: "files.example", url: "\\\\files.example\\share\\doc.lnk" });
    expect(facts.links[1]!.target.scheme).toBe("javascript");
  });

  it("gives IDN hosts in punycode and Unicode", () => {
    const { facts } = extract({ html: `<a href="https://аррӏе.com/">x</a>` });
    expect(facts.links[0]!.target).toMatchObject({ host: "xn--80ak6aa92e.com", hostUnicode: "аррӏе.com", registrableDomain: "xn--80ak6aa92e.com" });
  });

  it("unwraps Safe Links and keeps the wrapper", () => {
    const href = `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent("https://www.example.co.jp/a")}&data=05`;
    const { facts } = extract({ html: `<a href="${href}">https://www.example.co.jp/a</a>` });
    expect(facts.links[0]!.target.host).toBe("nam12.safelinks.protection.outlook.com");
    expect(facts.links[0]!.unwrapped).toEqual({
      url: "https://www.example.co.jp/a",
      scheme: "https",
      host: "www.example.co.jp",
      registrableDomain: "example.co.jp",
      wrapper: "Microsoft Safe Links",
    });
  });

  it("marks links whose destination Mimecast keeps on its server", () => {
    const href = `https://nam12.safelinks.protection.outlook.com/?url=${encodeURIComponent("https://protect-eu.mimecast.com/s/AbC")}&data=05`;
    const { facts } = extract({ html: `<a href="https://a.example/">a</a><a href="https://protect-eu.mimecast.com/s/XyZ?domain=b.example">b</a><a href="${href}">c</a>` });
    expect(facts.opaqueLinks).toEqual([
      { index: 1, wrapper: "Mimecast URL Protect" },
      { index: 2, wrapper: "Mimecast URL Protect" },
    ]);
    expect(facts.links[2]!.unwrapped).toMatchObject({ host: "protect-eu.mimecast.com", wrapper: "Microsoft Safe Links" });
  });

  it("collects forms with method, password fields and data fields, and lists their actions as links", () => {
    const { facts } = extract({
      html: `<form action="https://collect.example/p" method="POST"><input name="id"><input type="password" name="pw"><input type="hidden" name="t"><select><option>1</option></select><input type="submit"></form>
             <form><input type="search" name="q"></form>`,
    });
    expect(facts.forms).toEqual([
      {
        action: "https://collect.example/p",
        method: "post",
        hasPasswordField: true,
        dataFields: 2,
        target: { url: "https://collect.example/p", scheme: "https", host: "collect.example", registrableDomain: "collect.example" },
      },
      { action: "", method: "get", hasPasswordField: false, dataFields: 1 },
    ]);
    expect(facts.links.map((l) => [l.element, l.shownKind, l.target.url])).toEqual([["form", "empty", "https://collect.example/p"]]);
  });

  it("collects meta refresh targets", () => {
    const { facts } = extract({ html: `<meta http-equiv="Refresh" content="0; URL='https://evil.example/r'"><meta http-equiv="refresh" content="30">` });
    expect(facts.metaRefreshTargets).toEqual(["https://evil.example/r"]);
    expect(facts.links.map((l) => [l.element, l.target.url])).toEqual([["meta", "https://evil.example/r"]]);
  });

  it("ignores the text part of an HTML mail", () => {
    const { facts } = extract({ html: "<p>no links</p>", text: "https://only-in-text.example/" });
    expect(facts.links).toEqual([]);
  });

  it("respects maxHtmlChars and maxLinks with diagnostics", () => {
    const many = Array.from({ length: 5 }, (_, i) => `<a href="https://l${i}.example/">${i}</a>`).join("");
    const { facts, codes, diagnostics } = extract({ html: many }, { maxLinks: 3 });
    expect(facts.links.map((l) => l.target.host)).toEqual(["l0.example", "l1.example", "l2.example"]);
    expect(codes).toEqual(["TOO_MANY_LINKS"]);
    expect(diagnostics[0]!.message.en).toContain("first 3");

    const cut = extract({ html: `<a href="https://a.example/">a</a><a href="https://b.example/">b</a>` }, { maxHtmlChars: 40 });
    expect(cut.codes).toEqual(["HTML_TOO_LARGE"]);
    expect(cut.facts.links.map((l) => l.target.host)).toEqual(["a.example"]);
  });

  it("marks an analysis cut short by a limit as incomplete and dedupes URL_UNPARSED", () => {
    const snapshot = makeSnapshot({ html: `<a href="/x">1</a><a href="/x">2</a>${'<a href="https://a.example/">a</a>'.repeat(3)}` });
    const analysis = analyze(snapshot, { now: FIXED_NOW, limits: { maxLinks: 4 } });
    expect(analysis.incomplete).toBe(true);
    expect(analysis.diagnostics.filter((d) => d.code === "URL_UNPARSED")).toHaveLength(1);
    expect(analysis.links).toHaveLength(4);
  });

  it("walks deeply nested markup without overflowing the stack", () => {
    const depth = 50_000;
    const html = `${"<div>".repeat(depth)}<a href="https://deep.example/">deep</a>${"</div>".repeat(depth)}`;
    // Above the default node limit (maxHtmlNodes): this checks the walk, not the limit.
    expect(extract({ html }, { maxHtmlNodes: 2 * depth }).facts.links.map((l) => l.target.host)).toEqual(["deep.example"]);
  });
});

describe("extractBody — plain text", () => {
  it("finds URLs in a text-only mail, as shown URLs", () => {
    const { facts } = extract({ text: "詳しくは https://example.jp/info をご覧ください。www.example.com も。" });
    expect(facts.hasHtml).toBe(false);
    expect(facts.links.map((l) => [l.source, l.element, l.shownKind, l.target.url, l.shownRegistrableDomain])).toEqual([
      ["text", "text", "url", "https://example.jp/info", "example.jp"],
      ["text", "text", "url", "http://www.example.com/", "example.com"],
    ]);
  });

  it("says the body was not available instead of finding nothing", () => {
    const diagnostics: Diagnostic[] = [];
    const facts = extractBody(makeSnapshot({ available: { headers: true, body: false, attachmentContent: true } }), DEFAULT_LIMITS, (d) => diagnostics.push(d));
    expect(facts.links).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(["NO_BODY"]);
  });
});

describe("refreshUrl", () => {
  it("parses the refresh declaration like a browser", () => {
    expect(refreshUrl("0; url=https://a.example/")).toBe("https://a.example/");
    expect(refreshUrl("5;URL = 'https://a.example/q'")).toBe("https://a.example/q");
    expect(refreshUrl('0,"https://a.example/"')).toBe("https://a.example/");
    expect(refreshUrl("0;https://a.example/")).toBe("https://a.example/");
    expect(refreshUrl("30")).toBeNull();
    expect(refreshUrl("url=https://a.example/")).toBeNull();
  });
});
