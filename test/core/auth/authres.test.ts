import { describe, expect, it } from "vitest";
import { parseAuthenticationResults } from "../../../src/core/auth/authres.js";

describe("parseAuthenticationResults", () => {
  it("reads RFC 8601 fields: authserv-id, results, reasons, properties, comments", () => {
    const h = parseAuthenticationResults(
      'mx.example.net 1; spf=pass (mx.example.net: domain of a@example.org designates 192.0.2.1 as permitted sender) smtp.mailfrom=a@example.org; dkim=fail reason="signature did not verify" header.d=example.org header.s=sel header.b=AbCd; dmarc=fail (p=REJECT sp=REJECT dis=NONE) header.from=example.org',
    );
    expect(h.authservId).toBe("mx.example.net");
    expect(h.results).toHaveLength(3);
    expect(h.results[0]).toMatchObject({ method: "spf", result: "pass", properties: { "smtp.mailfrom": "a@example.org" } });
    expect(h.results[0]!.comment).toContain("designates 192.0.2.1");
    expect(h.results[1]).toMatchObject({ method: "dkim", result: "fail", reason: "signature did not verify", properties: { "header.d": "example.org", "header.s": "sel" } });
    expect(h.results[2]).toMatchObject({ method: "dmarc", result: "fail", comment: "p=REJECT sp=REJECT dis=NONE" });
  });

  it("reads 'none' (no results) and CFWS around '='", () => {
    expect(parseAuthenticationResults("example.org; none")).toEqual({ authservId: "example.org", results: [] });
    const h = parseAuthenticationResults("example.org (comment); spf = pass (x) smtp.mailfrom = (y) b@example.org");
    expect(h.results[0]).toMatchObject({ method: "spf", result: "pass", properties: { "smtp.mailfrom": "b@example.org" } });
  });

  it("reads Microsoft 365's form without an authserv-id, with compauth and action", () => {
    const h = parseAuthenticationResults(
      "spf=none (sender IP is 192.0.2.202) smtp.mailfrom=example.de; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=example.fr;compauth=fail reason=001",
    );
    expect(h.authservId).toBe("");
    expect(h.results.map((r) => `${r.method}=${r.result}`)).toEqual(["spf=none", "dkim=none", "dmarc=none", "compauth=fail"]);
    expect(h.results[2]!.properties).toMatchObject({ action: "none", "header.from": "example.fr" });
    expect(h.results[3]).toMatchObject({ reason: "001" });
  });

  it("takes older outlook.com's bare authserv-id segment", () => {
    const h = parseAuthenticationResults(
      "spf=pass (sender IP is 192.0.2.162) smtp.mailfrom=in.example.com; outlook.com; dkim=pass (signature was verified) header.d=example.com;outlook.com; dmarc=none action=none header.from=example.org;compauth=fail reason=001",
    );
    expect(h.authservId).toBe("outlook.com");
    expect(h.results.map((r) => r.method)).toEqual(["spf", "dkim", "dmarc", "compauth"]);
  });

  it("reads ARC-Authentication-Results with its instance", () => {
    const h = parseAuthenticationResults(
      "i=1; mx.google.com; dkim=pass header.i=@example.ee header.s=default header.b=TXuCNlsq; spf=pass (google.com: domain of a@example.ee designates 192.0.2.33 as permitted sender) smtp.mailfrom=a@example.ee",
      true,
    );
    expect(h).toMatchObject({ authservId: "mx.google.com", instance: 1 });
    expect(h.results[0]).toMatchObject({ method: "dkim", result: "pass", properties: { "header.i": "@example.ee" } });
  });

  it("keeps unquoted values holding '=' (SRS addresses) and quoted values", () => {
    const h = parseAuthenticationResults(
      'mx.example.net; spf=neutral smtp.mailfrom=SRS0=ab=cd=example.com=user@fwd.example; dkim=pass header.i="@example.com" header.b=ab+/cd',
    );
    expect(h.results[0]!.properties["smtp.mailfrom"]).toBe("SRS0=ab=cd=example.com=user@fwd.example");
    expect(h.results[1]!.properties).toMatchObject({ "header.i": "@example.com", "header.b": "ab+/cd" });
  });

  it("labels methods it does not model as 'other'", () => {
    const h = parseAuthenticationResults("x.example; iprev=pass policy.iprev=192.0.2.1; dkim-atps=neutral; auth=pass smtp.auth=alice");
    expect(h.results.map((r) => [r.method, r.methodName])).toEqual([
      ["other", "iprev"],
      ["other", "dkim-atps"],
      ["other", "auth"],
    ]);
  });

  it("never throws on broken or hostile values", () => {
    for (const value of ["", ";", "=", "==;==", '"', "(", "a; b=", `x; ${"(".repeat(20000)}`, `x; ${'"'.repeat(20000)}`, `x; ${"a=b ".repeat(20000)}`]) {
      expect(() => parseAuthenticationResults(value), value.slice(0, 20)).not.toThrow();
    }
  });
});
