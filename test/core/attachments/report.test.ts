import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/core/analyze.js";
import { digestAttachments, webCryptoSha256 } from "../../../src/core/attachments/digest.js";
import { analyzeEml, snapshotFromEml } from "../../../src/hosts/eml/index.js";
import { nodeSha256 } from "../../../src/hosts/node/sha256.js";
import { FIXED_NOW, makeSnapshot } from "../../helpers/build.js";
import { buildZip } from "../../helpers/zip.js";
import * as f from "../../helpers/formats.js";
import { filePart, multipartEml } from "../../rules/attachments/fixtures.js";

const zip = buildZip([{ name: "請求書.pdf.exe", data: f.pe(), method: 8 }, ...Array.from({ length: 150 }, (_, i) => ({ name: `page${i}.txt`, data: "x" }))]);
const b64 = Buffer.from(zip).toString("base64").replace(/(.{76})/g, "$1\r\n");

describe("attachments in the analysis", () => {
  it("carries the SHA-256 (WebCrypto, via analyzeEml) and a content summary of every attachment", async () => {
    const analysis = await analyzeEml(multipartEml([filePart("documents.zip", "application/zip", b64)]), { now: FIXED_NOW });
    const [a] = analysis.attachments;
    expect(a?.sha256).toBe(createHash("sha256").update(zip).digest("hex"));
    expect(a?.content).toMatchObject({ kind: "zip", description: "ZIP archive", entryCount: 151, complete: true });
    expect(a?.content?.entries).toHaveLength(100);
    expect(a?.content?.entries[0]).toEqual({ name: "請求書.pdf.exe", size: 512, encrypted: false, directory: false, depth: 0, kind: "pe-executable" });
    expect(a?.content?.indicators.map((i) => i.code)).toEqual(["executable-entry", "disguised-entry"]);
    expect(analysis.findings.find((x) => x.id === "ATT_ARCHIVE_WITH_EXECUTABLE")?.severity).toBe("high");
    // The whole analysis is what the CLI prints as JSON.
    expect(JSON.parse(JSON.stringify(analysis)).attachments[0].sha256).toBe(a?.sha256);
  });

  it("is complete without the digests except for the hashes (analyze stays synchronous)", async () => {
    const snapshot = await snapshotFromEml(multipartEml([filePart("documents.zip", "application/zip", b64)]));
    const analysis = analyze(snapshot, { now: FIXED_NOW });
    expect(analysis.attachments[0]?.sha256).toBeUndefined();
    expect(analysis.attachments[0]?.content?.kind).toBe("zip");
    const digests = await digestAttachments(snapshot);
    expect(analyze(snapshot, { now: FIXED_NOW, attachmentDigests: digests }).attachments[0]?.sha256).toBe(digests[0]);
  });

  it("hashes with the host's SHA-256 when it gives one (node:crypto in the command line), the same as WebCrypto", async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) & 0xff);
    const expected = createHash("sha256").update(bytes).digest("hex");
    expect(await webCryptoSha256(bytes)).toBe(expected);
    expect(await nodeSha256(bytes)).toBe(expected);
    const eml = multipartEml([filePart("documents.zip", "application/zip", b64)]);
    const viaNode = await analyzeEml(eml, { now: FIXED_NOW, sha256: nodeSha256 });
    expect(viaNode.attachments[0]?.sha256).toBe((await analyzeEml(eml, { now: FIXED_NOW })).attachments[0]?.sha256);
    // A hash that fails leaves that attachment without one, never the analysis.
    const failing = await analyzeEml(eml, { now: FIXED_NOW, sha256: () => Promise.reject(new Error("no hash")) });
    expect(failing.attachments[0]?.sha256).toBeUndefined();
    expect(failing.attachments[0]?.content?.kind).toBe("zip");
  });

  it("has no content and no hash when the host gave no bytes, and the rules say so", async () => {
    const snapshot = makeSnapshot({ attachments: [{ name: "a.zip", declaredType: "application/zip", size: 10, inline: false }] });
    expect(await digestAttachments(snapshot)).toEqual([undefined]);
    const analysis = analyze(snapshot, { now: FIXED_NOW });
    expect(analysis.attachments[0]).not.toHaveProperty("content");
    expect(analysis.attachments[0]?.contentAvailable).toBe(false);
    expect(analysis.diagnostics.map((d) => d.code)).toContain("ATTACHMENT_CONTENT_NOT_INSPECTED");
  });

  it("marks the analysis incomplete when an inspection limit is hit, and names the attachment", () => {
    const snapshot = makeSnapshot({ attachments: [{ name: "big.zip", declaredType: "application/zip", size: zip.length, inline: false, bytes: zip }] });
    const analysis = analyze(snapshot, { now: FIXED_NOW, limits: { maxArchiveEntries: 20 } });
    expect(analysis.incomplete).toBe(true);
    const d = analysis.diagnostics.find((x) => x.code === "ATTACHMENT_CONTENT_LIMIT");
    expect(d?.message.en).toBe('Attachment "big.zip" was only partly inspected because a limit was reached: only the first 20 entries were listed.');
    expect(d?.message.ja).toBe("添付ファイル「big.zip」は検査の上限に達したため、一部しか調べていません: 中のファイルは最初の 20 件だけを確認しました。");
    expect(analysis.attachments[0]?.content?.complete).toBe(false);
  });

  it("validates the new limits like the others", () => {
    expect(() => analyze(makeSnapshot(), { limits: { maxInflatedBytes: -1 } })).toThrow(RangeError);
  });
});
