import { describe, expect, it } from "vitest";
import { parseMailDate } from "../../../src/core/route/date.js";

const iso = (text: string): string | undefined => {
  const d = parseMailDate(text);
  return d === undefined ? undefined : new Date(d.time).toISOString();
};

describe("parseMailDate", () => {
  it("reads RFC 5322 dates with numeric and named zones", () => {
    expect(iso("Tue, 3 Nov 2026 10:20:30 +0900")).toBe("2026-11-03T01:20:30.000Z");
    expect(iso("3 Nov 2026 10:20 +0900")).toBe("2026-11-03T01:20:00.000Z");
    expect(iso("Fri, 19 Jul 2002 12:00:00 EDT")).toBe("2002-07-19T16:00:00.000Z");
    expect(iso("Mon, 26 Mar 2018 13:35:36.102 +0000 (UTC)")).toBe("2018-03-26T13:35:36.000Z");
    expect(parseMailDate("Tue, 3 Nov 2026 10:20:30 +0900")?.offsetMinutes).toBe(540);
    expect(parseMailDate("Tue, 3 Nov 2026 10:20:30 -0500")?.offsetMinutes).toBe(-300);
  });

  it("reads the forms gateways write instead", () => {
    expect(iso("2018-04-22 02:54:17.028704749 +0000 UTC")).toBe("2018-04-22T02:54:17.000Z");
    expect(iso("4/20/2018 11:01:32 PM -0400 (EDT)")).toBe("2018-04-21T03:01:32.000Z");
    expect(iso("Apr 21 2018 3:01:32 +0000")).toBe("2018-04-21T03:01:32.000Z");
    expect(iso("Saturday, 21 Apr 2018 03:01:32 +0000")).toBe("2018-04-21T03:01:32.000Z");
    expect(iso("21 Apr 02 03:01:32 +0000")).toBe("2002-04-21T03:01:32.000Z");
  });

  it("marks -0000 as an unknown local zone and leaves zone-less dates without an offset", () => {
    expect(parseMailDate("1 Jan 2024 00:00:00 -0000")?.unknownLocalZone).toBe(true);
    expect(parseMailDate("21/08/2002 10:54:49")?.offsetMinutes).toBeUndefined();
  });

  it("rejects what is not a date", () => {
    for (const text of ["", "22 Apr 2018", "31 Feb 2024 10:00:00 +0000", "hello world", "(((", "99 Foo 2024 25:61:00 +0000"]) {
      expect(parseMailDate(text), text).toBeUndefined();
    }
  });
});
