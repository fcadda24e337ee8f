import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { controlSummaryPath, renderPackageIndex } from "./html-index.js";
import type { IndexedControl, PackageIndexModel } from "./types.js";

const breakout = "Vendor </script><script>alert(1)</script> <!-- review";

function control(id: string, more: Partial<IndexedControl> = {}): IndexedControl {
  return { id, title: `Control ${id}`, theme: "organizational", applicability: "applicable", inScope: false, risks: [], checks: [], files: [], ...more };
}

function model(more: Partial<PackageIndexModel> = {}): PackageIndexModel {
  return {
    header: {
      workspace: { id: "ws-1", name: "Acme ISMS", company: "Acme & Sons <Cloud>" },
      audit: "stage2",
      period: { start: "2026-01-01", end: "2026-03-31" },
      generatedAt: "2026-03-31T23:59:00.000Z",
      generator: { name: "OpenISMS", version: "0.1.0" },
    },
    auditLabel: "Stage 2 audit",
    keyFingerprint: "ab".repeat(32),
    documents: [{ id: "POL-ISP", title: "Information Security Policy", path: "documents/POL-ISP v3.pdf", version: "3", status: "published" }],
    controls: [
      control("A.5.15", { inScope: true, folder: "controls/A.5.15/", owner: "Dana Reyes", checks: [{ id: "mfa", title: "MFA", pass: 3, fail: 1, other: 0 }] }),
      control("A.7.4", { applicability: "not-applicable", theme: "physical" }),
      control("OWN-1", { title: breakout, inScope: true, folder: "controls/OWN #1/" }),
    ],
    requests: [],
    ...more,
  };
}

/** The text of the page's JSON block, up to the first "</script>" a browser would see. */
function scriptData(html: string): unknown {
  const match = /<script type="application\/json" id="controls-data">([\s\S]*?)<\/script>/i.exec(html);
  if (!match?.[1]) throw new Error("the page has no controls-data block");
  return JSON.parse(match[1]);
}

afterEach(() => {
  vi.useRealTimers();
});

describe("renderPackageIndex", () => {
  it("shows a title holding markup as text, never as a tag", () => {
    const html = renderPackageIndex(model());
    expect(html).toContain("Vendor &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- review");
    expect(html).toContain("Acme &amp; Sons &lt;Cloud&gt;");
    expect(html).not.toContain("<script>alert(1)");
    expect(html.match(/<script\b/g)).toHaveLength(2);
  });

  it("embeds the controls as JSON that no title can break out of", () => {
    const data = scriptData(renderPackageIndex(model()));
    expect(data).toEqual([
      expect.objectContaining({ id: "A.5.15", owner: "Dana Reyes", theme: "organizational", inScope: true }),
      expect.objectContaining({ id: "A.7.4", applicability: "Not applicable", inScope: false }),
      expect.objectContaining({ id: "OWN-1", title: breakout }),
    ]);
  });

  it("allows exactly its own inline script in the content security policy, and nothing from elsewhere", () => {
    const html = renderPackageIndex(model());
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    const hash = createHash("sha256").update(script).digest("base64");
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("gives the same page for the same model, whatever the clock says", () => {
    vi.useFakeTimers({ now: new Date("2026-04-01T08:00:00Z") });
    const first = renderPackageIndex(model());
    vi.setSystemTime(new Date("2031-12-24T18:30:00Z"));
    const second = renderPackageIndex(structuredClone(model()));
    expect(second).toBe(first);
  });

  it("links each control that has a folder to its summary, with encoded segments, and leaves the others as text", () => {
    const html = renderPackageIndex(model());
    expect(html).toContain('<a href="controls/A.5.15/summary.html">A.5.15</a>');
    expect(html).toContain('<a href="controls/OWN%20%231/summary.html">OWN-1</a>');
    expect(html).toMatch(/<td class="nowrap">A\.7\.4<\/td>/);
    expect(html).toContain('<a href="documents/POL-ISP%20v3.pdf">Information Security Policy</a>');
  });

  it("counts every control and shows the check verdicts, a failure marked", () => {
    const html = renderPackageIndex(model());
    expect(html).toContain('<span id="count" aria-live="polite">3 of 3 controls</span>');
    expect(html).toContain('<td class="nowrap fail">3 pass · 1 fail</td>');
  });

  it("says how to verify the package, with the key's fingerprint", () => {
    const html = renderPackageIndex(model());
    expect(html).toContain("isms package verify &lt;zip&gt; --key signing-key.pub.pem");
    expect(html).toContain(`<code id="key-fingerprint">${"ab".repeat(32)}</code>`);
    expect(html).toContain("2026-01-01 to 2026-03-31");
  });

  it("lists sample requests with links to the files answering them, titled when the package knows the file", () => {
    const file = { path: "controls/A.5.15/iam users.json", title: "IAM users", kind: "aws-snapshot", size: 10, sha256: "0".repeat(64) };
    const withRequests = model({
      controls: [control("A.5.15", { inScope: true, folder: "controls/A.5.15/", files: [file] })],
      requests: [
        { id: "S-01", topic: "IAM", question: "MFA of 25 users", item: "alice", status: "answered", files: [file.path, "evidence/other.json"] },
        { id: "S-02", topic: "Backup", question: "Last restore test", item: "latest", status: "open", files: [] },
      ],
    });
    const html = renderPackageIndex(withRequests);
    expect(html).toContain('<a href="controls/A.5.15/iam%20users.json">IAM users</a>');
    expect(html).toContain('<a href="evidence/other.json">evidence/other.json</a>');
    expect(html).toMatch(/S-02.*No file yet/);
    expect(renderPackageIndex(model())).not.toContain("Sample requests");
  });

  it("refuses a control folder that would lead out of the package", () => {
    const escaping = model({ controls: [control("A.5.1", { inScope: true, folder: "../A.5.1/" })] });
    expect(() => renderPackageIndex(escaping)).toThrow(/cannot link the folder "\.\.\/A\.5\.1"/);
  });
});

describe("controlSummaryPath", () => {
  it("puts the summary in the control's folder, and has none without a folder", () => {
    expect(controlSummaryPath(control("A.5.15", { folder: "controls/A.5.15" }))).toBe("controls/A.5.15/summary.html");
    expect(controlSummaryPath(control("A.5.15"))).toBeUndefined();
  });
});
