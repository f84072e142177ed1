import { describe, expect, it } from "vitest";
import { inMemoryBlob, installInMemoryBlob } from "../../src/hosts/outlook/blob.js";

const FastBlob = inMemoryBlob(Blob);
const bytes = async (blob: Blob): Promise<number[]> => [...new Uint8Array(await blob.arrayBuffer())];

describe("the pane's Blob (src/hosts/outlook/blob.ts)", () => {
  it("joins parts already in memory itself, byte for byte as the native Blob does", async () => {
    const buffer = Uint8Array.of(1, 2, 3).buffer;
    const view = new Uint8Array([9, 8, 7, 6]).subarray(1, 3);
    const parts = [buffer, view, new DataView(Uint8Array.of(5).buffer)];
    expect(await bytes(new FastBlob(parts))).toEqual(await bytes(new Blob(parts)));
    expect(await bytes(new FastBlob(parts))).toEqual([1, 2, 3, 8, 7, 5]);
    expect(await bytes(new FastBlob())).toEqual([]);
  });

  it("leaves other parts to the native Blob, and stays a Blob", async () => {
    const mixed = new FastBlob(["あ", Uint8Array.of(0x41)], { type: "text/plain" });
    expect(await bytes(mixed)).toEqual([0xe3, 0x81, 0x82, 0x41]);
    expect(mixed).toBeInstanceOf(Blob);
    expect(mixed.size).toBe(4);
    expect(mixed.type).toBe("text/plain");
    expect(await mixed.slice(3).text()).toBe("A");
  });

  it("is what postal-mime gets once installed", () => {
    const scope = { Blob };
    installInMemoryBlob(scope);
    expect(scope.Blob).not.toBe(Blob);
    expect(new scope.Blob([Uint8Array.of(1)])).toBeInstanceOf(Blob);
  });
});
