import { describe, expect, it } from "vitest";
import { IsmsError } from "../../domain/errors.js";
import { renderControlSummary } from "./html-control.js";
import type { IndexedControl, IndexedFile, PackageIndexModel } from "./types.js";

function file(path: string, more: Partial<IndexedFile> = {}): IndexedFile {
  return { path, title: path.split("/").pop() ?? path, kind: "aws-snapshot", size: 2048, sha256: "5c00f115e0d6".padEnd(64, "9"), ...more };
}

function control(more: Partial<IndexedControl> = {}): IndexedControl {
  return {
    id: "A.5.15",
    title: "Access control",
    theme: "organizational",
    applicability: "applicable",
    status: "implemented",
    owner: "Dana Reyes",
    justification: "Required by risk R-004 and customer contracts.",
    implementation: "Roles in IAM Identity Center.\nQuarterly review.",
    inScope: true,
    folder: "controls/A.5.15/",
    risks: ["R-004 Stolen administrator credentials"],
    checks: [{ id: "iam-mfa", title: "Every console user has MFA", pass: 24, fail: 1, other: 0 }],
    files: [
      file("controls/A.5.15/iam users.json", { title: "IAM users", collectedAt: "2026-03-30T23:10:00Z", period: { start: "2026-01-01", end: "2026-03-31" } }),
      file("evidence/shared/review #2 50%.pdf", { title: "Access review", kind: "upload" }),
    ],
    ...more,
  };
}

const model: PackageIndexModel = {
  header: {
    workspace: { id: "ws-1", name: "Acme ISMS", company: "Acme Cloud Ltd" },
    audit: "stage2",
    period: { start: "2026-01-01", end: "2026-03-31" },
    generatedAt: "2026-03-31T23:59:00.000Z",
    generator: { name: "OpenISMS", version: "0.1.0" },
  },
  auditLabel: "Stage 2 audit",
  keyFingerprint: "ab".repeat(32),
  documents: [],
  controls: [control()],
  requests: [],
};

describe("renderControlSummary", () => {
  it("says what the control is, the SoA decision, who owns it, how it operates and the risks it treats", () => {
    const html = renderControlSummary(control(), model);
    expect(html).toContain("<h1>A.5.15 Access control</h1>");
    expect(html).toContain("<dt>SoA decision</dt><dd>Applicable</dd>");
    expect(html).toContain("<dt>Owner</dt><dd>Dana Reyes</dd>");
    expect(html).toContain("Required by risk R-004 and customer contracts.");
    expect(html).toContain('<p class="prose">Roles in IAM Identity Center.\nQuarterly review.</p>');
    expect(html).toContain("<li>R-004 Stolen administrator credentials</li>");
    expect(html).toContain("Latest verdicts: 24 pass · 1 fail");
  });

  it("links back to the index and to each evidence file relative to the control's folder, segments encoded", () => {
    const html = renderControlSummary(control(), model);
    expect(html).toContain('<a href="../../index.html">← Package index</a>');
    expect(html).toContain('<a href="iam%20users.json">IAM users</a>');
    expect(html).toContain('<a href="../../evidence/shared/review%20%232%2050%25.pdf">Access review</a>');
  });

  it("climbs as many folders as the control's folder is deep", () => {
    const nested = control({ folder: "controls/own/OWN 1/", files: [file("controls/own/OWN 1/a.json")] });
    const html = renderControlSummary(nested, model);
    expect(html).toContain('<a href="../../../index.html">');
    expect(html).toContain('<a href="a.json">');
  });

  it("shows each file's kind, collection time, period, size and the first 12 hex of its SHA-256", () => {
    const html = renderControlSummary(control(), model);
    expect(html).toContain("AWS snapshot");
    expect(html).toContain('<time datetime="2026-03-30T23:10:00Z">2026-03-30 23:10 UTC</time>');
    expect(html).toContain("2026-01-01 to 2026-03-31");
    expect(html).toContain("2.0 KB");
    expect(html).toContain(`<span class="hash" title="${"5c00f115e0d6".padEnd(64, "9")}">5c00f115e0d6</span>`);
  });

  it("escapes every text it shows, and runs no script at all", () => {
    const hostile = control({ title: "<script>alert(1)</script>", implementation: "</p><img src=x onerror=alert(1)>", risks: ["R-1 <b>"] });
    const html = renderControlSummary(hostile, model);
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("script-src 'none'");
  });

  it("says plainly when there are no checks, risks, evidence or description", () => {
    const bare = control({ checks: [], risks: [], files: [], implementation: undefined, owner: undefined, status: undefined });
    const html = renderControlSummary(bare, model);
    expect(html).toContain("No automated check covers this control.");
    expect(html).toContain("No risk in the register is treated by this control.");
    expect(html).toContain("No evidence file for this control in the package's period.");
    expect(html).toContain("does not describe how this control operates");
    expect(html).toContain("<dt>Owner</dt><dd>No owner assigned</dd>");
  });

  it("gives the same page for the same control", () => {
    expect(renderControlSummary(structuredClone(control()), model)).toBe(renderControlSummary(control(), model));
  });

  it("refuses a control without a folder, naming it", () => {
    expect(() => renderControlSummary(control({ folder: undefined, inScope: false }), model)).toThrow(IsmsError);
    expect(() => renderControlSummary(control({ folder: undefined }), model)).toThrow(/Control A\.5\.15 has no folder/);
  });

  it("refuses an evidence path that leaves the package", () => {
    expect(() => renderControlSummary(control({ files: [file("../../etc/passwd")] }), model)).toThrow(/cannot link the file "\.\.\/\.\.\/etc\/passwd"/);
  });
});
