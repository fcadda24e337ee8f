import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IsmsError } from "../../domain/errors.js";
import { escapeHtml, folderPath, formatBytes, formatTimestamp, humanize, jsonForScript, packageHref } from "./html-common.js";

describe("escaping for the package's pages", () => {
  it("turns every character that means something in HTML into an entity", () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
  });

  it("writes JSON for a script block that holds no < > or &, and reads back as the same value", () => {
    const value = { title: "</script><script>alert(1)</script>", note: "<!-- a & b -->", line: "one\u2028two" };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it("round-trips any string through the script JSON without a character that could end the block", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const json = jsonForScript([text]);
        expect(json.toLowerCase()).not.toContain("</");
        expect(JSON.parse(json)).toEqual([text]);
      }),
    );
  });
});

describe("links between package paths", () => {
  it("links from the package root to a file by its path", () => {
    expect(packageHref("", "documents/soa.xlsx")).toBe("documents/soa.xlsx");
  });

  it("climbs out of a control's folder, however deep, to the root", () => {
    expect(packageHref("controls/A.5.15/", "index.html")).toBe("../../index.html");
    expect(packageHref("controls/own/OWN-1/", "index.html")).toBe("../../../index.html");
    expect(packageHref("controls/A.5.15/", "evidence/ab/cd.json")).toBe("../../evidence/ab/cd.json");
  });

  it("links a file inside the folder by its name alone, with or without the folder's trailing slash", () => {
    expect(packageHref("controls/A.5.15/", "controls/A.5.15/iam.json")).toBe("iam.json");
    expect(packageHref("controls/A.5.15", "controls/A.5.15/iam.json")).toBe("iam.json");
  });

  it("percent-encodes each segment so spaces, # and % lead to the file and not to a fragment", () => {
    expect(packageHref("", "controls/A.5.15/iam users #1 (50%).json")).toBe("controls/A.5.15/iam%20users%20%231%20(50%25).json");
    expect(packageHref("controls/A.5.15/", "evidence/Zürich?.txt")).toBe("../../evidence/Z%C3%BCrich%3F.txt");
  });

  it("cannot turn a path into a link to another scheme", () => {
    expect(packageHref("", "javascript:alert(1)")).toBe("javascript%3Aalert(1)");
  });

  it("refuses paths that leave the package or are not relative, naming the path", () => {
    for (const path of ["../secret.txt", "controls/../../x", "/etc/passwd", "controls//x.json", "./x", "", "a\\b"]) {
      expect(() => packageHref("", path), path).toThrow(IsmsError);
    }
    expect(() => packageHref("", "../secret.txt")).toThrow(/cannot link the file "\.\.\/secret\.txt"/);
    expect(() => folderPath("controls/../")).toThrow(/cannot link the folder "controls\/\.\."/);
  });
});

describe("display formats", () => {
  it("labels codes in words, with acronyms in capitals", () => {
    expect(humanize("not-applicable")).toBe("Not applicable");
    expect(humanize("partially_implemented")).toBe("Partially implemented");
    expect(humanize("aws-snapshot")).toBe("AWS snapshot");
    expect(humanize("Organizational")).toBe("Organizational");
  });

  it("shows timestamps to the minute in UTC, and leaves other text as it is", () => {
    expect(formatTimestamp("2026-03-31T14:05:59.999Z")).toBe("2026-03-31 14:05 UTC");
    expect(formatTimestamp("2026-03-31T16:05:00+02:00")).toBe("2026-03-31 14:05 UTC");
    expect(formatTimestamp("end of March")).toBe("end of March");
    expect(formatTimestamp("2026-03-31")).toBe("2026-03-31");
  });

  it("shows sizes in bytes, KB and MB", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(200 * 1024 * 1024)).toBe("200 MB");
  });
});
