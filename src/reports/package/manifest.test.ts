import { describe, expect, it } from "vitest";
import { packagePathProblem, parseManifest, serializeManifest } from "./manifest.js";
import { sampleHeader } from "./test-fixtures.js";
import type { ManifestFile, PackageManifest } from "./types.js";
import { packageFormat } from "./types.js";

function file(path: string, extra: Partial<ManifestFile> = {}): ManifestFile {
  return { path, sha256: "a".repeat(64), size: 3, mediaType: "text/plain", source: { kind: "generated" }, ...extra };
}

function manifest(files: ManifestFile[]): PackageManifest {
  return { format: packageFormat, ...sampleHeader(), files };
}

describe("package paths", () => {
  it.each(["index.html", "controls/A.5.15/evidence/E-004 iam (2026).json", "documents/Politique de sécurité.pdf", "a/b/c/d.txt", ".hidden"])("accepts %j", (path) => {
    expect(packagePathProblem(path)).toBeUndefined();
  });

  it.each([
    ["/abs", "absolute"],
    ["a/../b", '".."'],
    ["a\\b", "backslash"],
    ["a//b", "empty segment"],
    ["./a", '"."'],
    ["a\u0000b", "control character"],
  ])("refuses %j (%s)", (path, why) => {
    expect(packagePathProblem(path)).toContain(why);
  });
});

describe("the manifest's bytes", () => {
  it("are pretty JSON with keys in a fixed order, files sorted by path and absent fields left out", () => {
    const shuffled: ManifestFile = { size: 3, path: "b.txt", mediaType: "text/plain", sha256: "b".repeat(64), source: { uploader: "dana", kind: "upload", account: undefined } };
    const text = serializeManifest(manifest([shuffled, file("a.txt", { collectedAt: undefined })])).toString("utf8");
    const parsed: unknown = JSON.parse(text);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).not.toContain("undefined");
    expect(text).not.toContain("collectedAt");
    expect(text).not.toContain("account");
    expect(parsed).toMatchObject({ files: [{ path: "a.txt" }, { path: "b.txt", source: { kind: "upload", uploader: "dana" } }] });
    expect(text.indexOf('"path": "b.txt"')).toBeLessThan(text.indexOf('"sha256": "bbbb'));
    expect(text.indexOf('"kind": "upload"')).toBeLessThan(text.indexOf('"uploader": "dana"'));
  });

  it("sort by code points, not by the machine's locale", () => {
    const text = serializeManifest(manifest([file("b.txt"), file("B.txt"), file("a.txt"), file("é.txt")])).toString("utf8");
    const paths = [...text.matchAll(/"path": "([^"]+)"/g)].map((match) => match[1]);
    expect(paths).toEqual(["B.txt", "a.txt", "b.txt", "é.txt"]);
  });

  it("parse back to the same manifest", () => {
    const original = manifest([file("a.txt", { collectedAt: "2026-11-02T08:00:00.000Z", period: { start: "2026-11-01", end: "2026-11-02" } }), file("b.txt")]);
    expect(parseManifest(serializeManifest(original), "p.zip: manifest.json")).toEqual(original);
  });
});

describe("parsing a manifest", () => {
  it("refuses files listed twice or out of order", () => {
    const bytes = Buffer.from(JSON.stringify(manifest([file("b.txt"), file("a.txt")])));
    expect(() => parseManifest(bytes, "p.zip: manifest.json")).toThrow(/p.zip: manifest.json is not an OpenISMS evidence package manifest .* at files.1.path: "a.txt" is listed twice or out of order/);
  });

  it("refuses a hash that is not a SHA-256", () => {
    const bytes = Buffer.from(JSON.stringify(manifest([file("a.txt", { sha256: "abc" })])));
    expect(() => parseManifest(bytes, "manifest.json")).toThrow(/at files.0.sha256: expected a SHA-256 hash/);
  });
});
