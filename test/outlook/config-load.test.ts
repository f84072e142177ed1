/**
 * config.json beside the pane with settings a careless or hostile edit could hold: each is an
 * "invalid" configuration (the pane's config-error page, every error with its path), never a
 * rejected load (which the pane shows as "could not be checked" for every mail).
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/taskpane/config.js";

const base = "https://addin.example.co.jp/pane/taskpane.html";
const serving = (body: string) => (async () => new Response(body, { status: 200 })) as unknown as typeof fetch;

describe("config.json with hostile settings", () => {
  it.each([
    ['{"__proto__": {"securityDesk": {}}}', "__proto__"],
    ['{"valueOf": 1}', "valueOf"],
    ['{"securityDesk": {"hasOwnProperty": 1}}', "securityDesk.hasOwnProperty"],
    ['{"organization": {"toLocaleString": 1}}', "organization.toLocaleString"],
    ['{"organization": {"__defineGetter__": 1}}', "organization.__defineGetter__"],
    ['{"isPrototypeOf": 1}', "isPrototypeOf"],
    ['{"constructor": 1}', "constructor"],
    ['{"toString": 1}', "toString"],
    ['{"securityDesk": {"subjectPrefix": "[Report]\\u202e"}}', "securityDesk.subjectPrefix"],
    ['{"securityDesk": {"address": "attacker,csirt@example.co.jp"}}', "securityDesk.address"],
    ['{"organization": {"domains": ["co.jp"]}}', "organization.domains[0]"],
    ['{"securityDesk": {"intakeUrl": "https://user:pass@intake.example.co.jp/"}}', "securityDesk.intakeUrl"],
  ])("%s is an invalid configuration at its path", async (body, path) => {
    const load = await loadConfig(base, serving(body));
    expect(load.kind).toBe("invalid");
    expect(load.kind === "invalid" && load.errors.map((e) => e.path)).toEqual([path]);
  });
});
