import { describe, expect, it } from "vitest";
import { opaqueWrapperOf, unwrap, unwrapStep } from "../../../src/core/body/unwrap.js";

// Wrapper URLs below are built by hand in each service's documented shape; none is copied from mail.
describe("unwrapStep", () => {
  it("decodes Microsoft Safe Links", () => {
    const href =
      "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.example.co.jp%2Flogin%3Fa%3D1&data=05%7C01%7Cuser%40example.jp%7Cabc&sdata=xyz%3D&reserved=0";
    expect(unwrapStep(href)).toEqual({ wrapper: "Microsoft Safe Links", inner: "https://www.example.co.jp/login?a=1" });
  });

  it("decodes Proofpoint URL Defense v1, v2 and v3", () => {
    expect(unwrapStep("https://urldefense.proofpoint.com/v1/url?u=http%3A%2F%2Fwww.example.com%2Fa&k=abc%3D%0A&r=def")).toEqual({
      wrapper: "Proofpoint URL Defense",
      inner: "http://www.example.com/a",
    });
    expect(unwrapStep("https://urldefense.proofpoint.com/v2/url?u=https-3A__www.example.com_path_page-3Fa-3D1-26b-3D2&d=DwMFaQ&c=abc&r=def&m=ghi&s=jkl&e=")).toEqual({
      wrapper: "Proofpoint URL Defense",
      inner: "https://www.example.com/path/page?a=1&b=2",
    });
    expect(unwrapStep("https://urldefense.com/v3/__https://example.com/login__;!!AbCd!EfGh$")).toEqual({
      wrapper: "Proofpoint URL Defense",
      inner: "https://example.com/login",
    });
  });

  it("puts Proofpoint v3's escaped characters back, single ones and runs", () => {
    expect(unwrapStep("https://urldefense.com/v3/__https://example.com/*a=1*b=2__;PyY!!AbCd!EfGh$")?.inner).toBe("https://example.com/?a=1&b=2");
    expect(unwrapStep("https://urldefense.com/v3/__https://example.com/path**Aend__;YWI!!AbCd!EfGh$")?.inner).toBe("https://example.com/pathabend");
    // More placeholders than escaped characters: not a valid v3 link, left alone.
    expect(unwrapStep("https://urldefense.com/v3/__https://example.com/***__;PyY!!AbCd$")).toBeUndefined();
  });

  it("decodes Google's redirector, Barracuda, Trend Micro, Cisco, Sophos", () => {
    expect(unwrapStep("https://www.google.com/url?q=https://evil.example/&sa=D&source=editors&ust=1&usg=AOv")?.inner).toBe("https://evil.example/");
    expect(unwrapStep("https://www.google.co.jp/url?url=https%3A%2F%2Fevil.example%2Fa&sa=t")?.inner).toBe("https://evil.example/a");
    expect(unwrapStep("https://linkprotect.cudasvc.com/url?a=https%3a%2f%2fexample.org%2fdoc&c=E,1,abc&typo=1")).toEqual({
      wrapper: "Barracuda Link Protection",
      inner: "https://example.org/doc",
    });
    expect(unwrapStep("https://imsva91-ctp.trendmicro.com:443/wis/clicktime/v1/query?url=https%3a%2f%2fexample.net%2f&umid=abc&auth=def")).toEqual({
      wrapper: "Trend Micro Email Security",
      inner: "https://example.net/",
    });
    expect(unwrapStep("https://secure-web.cisco.com/1AbCdEf123/https%3A%2F%2Fexample.org%2Fpage")).toEqual({
      wrapper: "Cisco Secure Email",
      inner: "https://example.org/page",
    });
    expect(unwrapStep("https://eu-west-1.protection.sophos.com/?d=example.org&u=aHR0cHM6Ly9leGFtcGxlLm9yZy9wYWdl&i=abc&t=def")).toEqual({
      wrapper: "Sophos Email",
      inner: "https://example.org/page",
    });
  });

  it("marks Mimecast as a wrapper whose destination cannot be known", () => {
    expect(unwrapStep("https://protect-eu.mimecast.com/s/AbCdEfGhIjKl?domain=example.org")).toEqual({ wrapper: "Mimecast URL Protect" });
    expect(opaqueWrapperOf("https://url.uk.m.mimecastprotect.com/s/AbCdEf?domain=example.org")).toBe("Mimecast URL Protect");
    expect(opaqueWrapperOf("https://www.mimecast.com/products/")).toBeUndefined();
  });

  it("leaves look-alike but non-decoding URLs alone", () => {
    expect(unwrapStep("https://nam12.safelinks.protection.outlook.com/?data=abc")).toBeUndefined();
    expect(unwrapStep("https://www.google.com/search?q=https://evil.example/")).toBeUndefined();
    expect(unwrapStep("https://safelinks.protection.outlook.com.evil.example/?url=https%3A%2F%2Fx.example")).toBeUndefined();
    expect(unwrapStep("https://www.google.com/url?q=javascript:alert(1)")).toBeUndefined();
    expect(unwrapStep("not a url")).toBeUndefined();
  });
});

describe("unwrap", () => {
  it("follows nested wrappers from the outside in", () => {
    const inner = "https://urldefense.proofpoint.com/v2/url?u=https-3A__evil.example_x&d=DwMFaQ";
    const href = `https://apc01.safelinks.protection.outlook.com/?url=${encodeURIComponent(inner)}&data=05`;
    expect(unwrap(href)).toEqual({ wrappers: ["Microsoft Safe Links", "Proofpoint URL Defense"], inner: "https://evil.example/x", opaque: false });
  });

  it("stops at an opaque wrapper inside another", () => {
    const href = `https://nam02.safelinks.protection.outlook.com/?url=${encodeURIComponent("https://protect-us.mimecast.com/s/XyZ")}&data=05`;
    expect(unwrap(href)).toEqual({ wrappers: ["Microsoft Safe Links", "Mimecast URL Protect"], inner: "https://protect-us.mimecast.com/s/XyZ", opaque: true });
  });

  it("returns undefined for an ordinary link", () => {
    expect(unwrap("https://www.example.co.jp/")).toBeUndefined();
  });
});
