import { describe, expect, it } from "vitest";
import { languageOf } from "../../src/hosts/outlook/display-language.js";
import { loadConfig } from "../../src/taskpane/config.js";
import { embeddingStandIn, STAND_IN_KEY } from "../../src/taskpane/embedding.js";
import { versionAtLeast } from "../../src/demo/office-standin.js";

const response = (status: number, body = ""): Response => new Response(body, { status });
const fetchOf = (r: Response | Error) => (async () => {
  if (r instanceof Error) throw r;
  return r;
}) as unknown as typeof fetch;

describe("config.json beside the pane", () => {
  const base = "https://addin.example.co.jp/pane/taskpane.html";

  it("a valid file is the configuration", async () => {
    const result = await loadConfig(base, fetchOf(response(200, '{"organization":{"domains":["example.co.jp"]}}')));
    expect(result).toEqual({ kind: "ok", config: { organization: { domains: ["example.co.jp"] } } });
  });

  it("no file (404) means no configuration: the checks that need one say so", async () => {
    expect(await loadConfig(base, fetchOf(response(404)))).toEqual({ kind: "ok" });
  });

  it("a broken file gives every error with its path", async () => {
    const result = await loadConfig(base, fetchOf(response(200, '{"organization":{"domians":[]},"massRecipientThreshold":0}')));
    expect(result.kind).toBe("invalid");
    expect(result.kind === "invalid" && result.errors.map((e) => e.path)).toEqual(["organization.domians", "massRecipientThreshold"]);
    const notJson = await loadConfig(base, fetchOf(response(200, "{ organization: ")));
    expect(notJson.kind).toBe("invalid");
  });

  it("a server error or no network is 'unreadable', with the reason", async () => {
    expect(await loadConfig(base, fetchOf(response(500)))).toMatchObject({ kind: "unreadable", detail: expect.stringContaining("HTTP 500") });
    expect(await loadConfig(base, fetchOf(new TypeError("Failed to fetch")))).toEqual({ kind: "unreadable", detail: "TypeError: Failed to fetch" });
  });

  it("is fetched from the pane's own folder", async () => {
    let asked = "";
    await loadConfig(base, (async (url: string) => {
      asked = url;
      return response(404);
    }) as unknown as typeof fetch);
    expect(asked).toBe("https://addin.example.co.jp/pane/config.json");
  });
});

describe("the Office stand-in offered by an embedding page", () => {
  const hook = { install: () => undefined };
  const win = (parent: unknown, origin = "https://addin.example") => {
    const self = { location: { origin }, parent } as unknown as Window;
    return self;
  };

  it("is taken from a same-origin parent that offers one", () => {
    const parent = { location: { origin: "https://addin.example" }, [STAND_IN_KEY]: hook };
    expect(embeddingStandIn(win(parent))).toBe(hook);
  });

  it("is never taken from Outlook's frame (another origin: reading it throws)", () => {
    const parent = {
      get location(): never {
        throw new DOMException("Blocked a frame with origin", "SecurityError");
      },
      [STAND_IN_KEY]: hook,
    };
    expect(embeddingStandIn(win(parent))).toBeUndefined();
    expect(embeddingStandIn(win({ location: { origin: "https://evil.example" }, [STAND_IN_KEY]: hook }))).toBeUndefined();
  });

  it("is absent in a top-level window or without a hook", () => {
    const self = { location: { origin: "https://addin.example" } } as unknown as Window & { parent: Window };
    (self as unknown as { parent: unknown }).parent = self;
    expect(embeddingStandIn(self)).toBeUndefined();
    expect(embeddingStandIn(win({ location: { origin: "https://addin.example" } }))).toBeUndefined();
  });
});

describe("small rules", () => {
  it("Outlook's display language: ja* is Japanese, anything else English", () => {
    expect(["ja-JP", "ja", "JA-jp", "en-US", "de-DE", "", undefined].map(languageOf)).toEqual(["ja", "ja", "ja", "en", "en", "en", "en"]);
  });

  it("requirement set versions compare as numbers (1.14 is newer than 1.8)", () => {
    expect(versionAtLeast("1.14", "1.8")).toBe(true);
    expect(versionAtLeast("1.8", "1.14")).toBe(false);
    expect(versionAtLeast("1.8", "1.8")).toBe(true);
  });
});
