/**
 * The organisation's settings from the administrator's policy (storage.managed): the same schema
 * and validator as config.json; errors named by their place in policies.json; no policy, an
 * empty one or a storage error the add-in cannot read are "not configured", never a crash.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ADDON_ID } from "../../src/hosts/thunderbird/addon-id.js";
import { configFromManaged, loadManagedConfig, POLICY_PATH } from "../../src/hosts/thunderbird/config.js";
import { fakeMessenger, fixture, install } from "./fake-messenger.js";

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

describe("settings from storage.managed", () => {
  it("a valid policy is the configuration", async () => {
    const fake = await fakeMessenger();
    uninstall = install(fake.api);
    const load = await loadManagedConfig();
    expect(load).toEqual({ kind: "ok", config: fixture("storage-managed.json") });
    expect(fake.calls.map((c) => [c.api, ...c.args])).toEqual([["storage.managed.get", null]]);
  });

  it("an invalid policy: every error, with its path under the add-in's policy", async () => {
    uninstall = install((await fakeMessenger({ override: { "storage.managed.get": () => ({ organization: { domians: ["example.co.jp"] }, securityDesk: { address: 42 } }) } })).api);
    const load = await loadManagedConfig();
    expect(load.kind).toBe("invalid");
    const paths = load.kind === "invalid" ? load.errors.map((e) => e.path) : [];
    expect(paths).toEqual(expect.arrayContaining([`${POLICY_PATH}.organization.domians`, `${POLICY_PATH}.securityDesk.address`]));
    expect(POLICY_PATH).toBe(`3rdparty.Extensions["${ADDON_ID}"]`);
    for (const e of load.kind === "invalid" ? load.errors : []) expect(e.message.ja && e.message.en).toBeTruthy();
  });

  it("the whole policy of the wrong type is one error at the policy itself", () => {
    const load = configFromManaged({ ok: true, value: ["not", "an", "object"] });
    expect(load.kind).toBe("invalid");
    expect(load.kind === "invalid" && load.errors[0]?.path).toBe(POLICY_PATH);
  });

  it("no policy (storage.managed rejects), an empty one, or nothing: not configured", async () => {
    uninstall = install((await fakeMessenger({ override: { "storage.managed.get": new Error("Managed storage manifest not found") } })).api);
    expect(await loadManagedConfig()).toEqual({ kind: "ok" });
    expect(configFromManaged({ ok: true, value: {} })).toEqual({ kind: "ok" });
    expect(configFromManaged({ ok: true, value: null })).toEqual({ kind: "ok" });
    uninstall();
    uninstall = undefined;
    expect(await loadManagedConfig()).toEqual({ kind: "ok" }); // no messenger at all
  });

  it("a key named like a member of Object.prototype is an unknown setting under the policy, not a crash", () => {
    for (const key of ["__proto__", "valueOf", "hasOwnProperty", "constructor", "toString"]) {
      const load = configFromManaged({ ok: true, value: JSON.parse(`{"${key}": 1, "securityDesk": {"${key}": 1}}`) });
      expect(load.kind).toBe("invalid");
      expect(load.kind === "invalid" && load.errors.map((e) => e.path)).toEqual([`${POLICY_PATH}.${key}`, `${POLICY_PATH}.securityDesk.${key}`]);
    }
  });

  it("a top-level key that is not a plain name is quoted right after the policy", () => {
    const load = configFromManaged({ ok: true, value: { "\u001b[2J": 1 } });
    expect(load.kind === "invalid" && load.errors[0]?.path).toBe(`${POLICY_PATH}["\\u001b[2J"]`);
  });
});
