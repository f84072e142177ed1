// @vitest-environment jsdom
/**
 * The demo's reading pane document (src/demo/inert-html.ts): what could reach the network is out
 * of the mail's HTML, what a reader needs stays, and the markup handed to the frame parses back
 * to the same stripped tree. The net-log test (test/browser/dns-leak.browser.ts) shows the same
 * in Chromium; this one says which rule does what, quickly.
 */
import { describe, expect, it } from "vitest";
import { READING_PANE_CSP, readingPaneDocument } from "../../src/demo/inert-html.js";

const parse = (markup: string): Document => new DOMParser().parseFromString(markup, "text/html");
const shown = (html: string): Document => parse(readingPaneDocument(html));

describe("the reading pane's document", () => {
  it("starts with the policy, DNS prefetch off and a <base target=_blank>, before anything of the mail's", () => {
    const doc = shown(`<html><head><meta http-equiv="Content-Security-Policy" content="default-src *"></head><body>x</body></html>`);
    const head = Array.from(doc.head.children);
    expect(head[0]?.getAttribute("http-equiv")).toBe("Content-Security-Policy");
    expect(head[0]?.getAttribute("content")).toBe(READING_PANE_CSP);
    expect(head[1]?.getAttribute("http-equiv")).toBe("x-dns-prefetch-control");
    expect(head[1]?.getAttribute("content")).toBe("off");
    expect(head[2]?.outerHTML).toBe('<base target="_blank">');
    // The mail's own policy, meta refresh, prefetch control: all metas of the mail are gone.
    expect(doc.querySelectorAll("meta").length).toBe(2);
    expect(doc.body.textContent).toBe("x");
  });

  it("drops every <link>, <base>, frame, plug-in, script, template and SVG animation, anywhere", () => {
    const html = [
      `<head><base href="https://base.example/"><meta http-equiv="refresh" content="0; url=https://refresh.example/">`,
      `<meta http-equiv="x-dns-prefetch-control" content="on">`,
      ...["dns-prefetch", "preconnect", "prefetch", "preload", "prerender", "modulepreload", "stylesheet", "icon", "PRECONNECT dns-prefetch"].map((rel) => `<link rel="${rel}" href="https://${rel.replace(" ", "-")}.example/">`),
      `<script type="speculationrules">{"prefetch":[{"source":"list","urls":["https://spec.example/"]}]}</script></head>`,
      `<body><p>text</p><link rel="preconnect" href="https://in-body.example/">`,
      `<iframe src="https://iframe.example/"></iframe><object data="https://object.example/"></object><embed src="https://embed.example/">`,
      `<portal src="https://portal.example/"></portal><frameset><frame src="https://frame.example/"></frameset>`,
      `<template shadowrootmode="open"><link rel="dns-prefetch" href="//shadow.example"></template>`,
      `<svg><a><set attributeName="href" to="https://smil.example/"/><animate attributeName="href" values="https://smil2.example/"/><text>t</text></a><link href="https://svg-link.example/"/></svg>`,
      `</body>`,
    ].join("");
    const out = readingPaneDocument(html);
    expect(out).not.toMatch(/\.example/);
    const doc = parse(out);
    for (const tag of ["link", "iframe", "object", "embed", "portal", "frame", "frameset", "script", "template", "set", "animate"]) expect(doc.getElementsByTagName(tag).length, tag).toBe(0);
    expect(doc.querySelectorAll("base").length).toBe(1);
    expect(doc.body.textContent).toContain("text");
  });

  it("keeps a link's text and where it pointed as data-href and title, but no href, ping or target to follow", () => {
    const doc = shown(
      `<a id="a" href="https://self.example/" target="_self" ping="https://ping.example/">Pay now</a>` +
        `<a id="b" href="https://b.example/" title="Their title">b</a>` +
        `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAACAkQBADs=" usemap="#m"><map name="m"><area id="c" href="//area.example/"></map>` +
        `<svg><a id="d" xlink:href="https://xlink.example/"><text>d</text></a></svg>`,
    );
    const a = doc.getElementById("a")!;
    expect(a.textContent).toBe("Pay now");
    expect(a.hasAttribute("href")).toBe(false);
    expect(a.hasAttribute("ping")).toBe(false);
    expect(a.getAttribute("data-href")).toBe("https://self.example/");
    expect(a.getAttribute("title")).toBe("https://self.example/");
    expect(doc.getElementById("b")!.getAttribute("title")).toBe("Their title");
    expect(doc.getElementById("c")!.getAttribute("data-href")).toBe("//area.example/");
    const d = doc.getElementById("d")!;
    expect(Array.from(d.attributes, (x) => x.localName).sort()).toEqual(["data-href", "id", "title"]);
    expect(doc.querySelectorAll("[href]").length).toBe(0);
  });

  it("keeps inline images and in-document references; takes out every other URL attribute", () => {
    const gif = "data:image/gif;base64,R0lGODlhAQABAAAAACwAAAAAAQABAAACAkQBADs=";
    const doc = shown(
      `<img id="inline" src="${gif}" srcset="https://srcset.example/ 2x"><img id="remote" src="https://img.example/" attributionsrc="https://ar.example/">` +
        `<img id="cid" src="cid:part1@mail"><video id="v" poster="https://poster.example/" src="https://video.example/"></video>` +
        `<table id="t" background="https://bg.example/"></table><form id="f" action="https://form.example/"><button id="fb" formaction="https://fa.example/">go</button><input id="i" type="image" src="https://input.example/"></form>` +
        `<svg><defs><linearGradient id="g"/></defs><use id="u" href="#g"/><image id="si" href="https://svg-image.example/"/></svg>`,
    );
    expect(doc.getElementById("inline")!.getAttribute("src")).toBe(gif);
    expect(doc.getElementById("inline")!.hasAttribute("srcset")).toBe(false);
    for (const id of ["remote", "cid", "v", "i"]) expect(doc.getElementById(id)!.hasAttribute("src"), id).toBe(false);
    expect(doc.getElementById("remote")!.hasAttribute("attributionsrc")).toBe(false);
    expect(doc.getElementById("v")!.hasAttribute("poster")).toBe(false);
    expect(doc.getElementById("t")!.hasAttribute("background")).toBe(false);
    expect(doc.getElementById("f")!.hasAttribute("action")).toBe(false);
    expect(doc.getElementById("fb")!.hasAttribute("formaction")).toBe(false);
    expect(doc.getElementById("u")!.getAttribute("href")).toBe("#g");
    expect(doc.getElementById("si")!.hasAttribute("href")).toBe(false);
  });

  it("hands over markup that parses back to a tree with nothing left to take out", () => {
    // Markup whose tree changes shape when written and parsed again (the mutation-XSS family):
    // whatever the second parse makes of it, the frame gets no element or attribute above.
    const tricky = [
      `<svg></p><style><a id="</style><link rel=dns-prefetch href=//mx1.example>">`,
      `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;link rel=preconnect href=https://mx2.example&gt;">`,
      `<form><math><mtext></form><form><mglyph><style></math><iframe src=https://mx3.example>`,
      `<noscript><p title="</noscript><link rel=dns-prefetch href=//mx4.example>">`,
      `<svg><foreignobject><p><style><a id="</style><iframe src=https://mx5.example>"></a></style></p></foreignobject></svg>`,
    ];
    // Each after a <link>, so that the first round has something to take out and writes the tree back.
    for (const html of tricky.flatMap((t) => [t, `<link rel="icon" href="https://force.example/">${t}`])) {
      const out = readingPaneDocument(html);
      const doc = parse(out);
      const bad = Array.from(doc.querySelectorAll("link, iframe, meta:not([http-equiv]), [href], [src]"), (e) => e.outerHTML);
      expect(bad, html).toEqual([]);
      // Handed over as it parses: writing it back out again changes nothing.
      expect(readingPaneDocument(out.slice(out.indexOf("</style>") + "</style>".length))).toBe(out);
    }
  });

  it("leaves ordinary mail HTML as it was, but its links", () => {
    const html = `<div style="color: #333; font-family: sans-serif"><h1>News</h1><table><tr><td style="background: #eee">cell</td></tr></table><p>Read <a href="https://news.example/a">more</a>.</p></div>`;
    const doc = shown(html);
    expect(doc.querySelector("h1")?.textContent).toBe("News");
    expect(doc.querySelector("td")?.getAttribute("style")).toBe("background: #eee");
    expect(doc.querySelector("a")?.getAttribute("data-href")).toBe("https://news.example/a");
  });
});
