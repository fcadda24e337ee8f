import { describe, expect, it } from "vitest";
import { markdownToSections } from "./markdown.js";
import { documentToMarkdown, type DocumentBlock } from "./model.js";

const blocksOf = (markdown: string): DocumentBlock[] => markdownToSections(markdown).flatMap((s) => s.blocks);

describe("reading Markdown into sections", () => {
  it("starts a section at each # and ## heading and makes deeper headings subheadings", () => {
    const sections = markdownToSections("# Policy\n\n## 1. Purpose\n\nWhy.\n\n### 1.1 Scope\n\n#### Detail\n\n## 2. Roles\n");

    expect(sections).toEqual([
      { heading: "Policy", blocks: [] },
      {
        heading: "1. Purpose",
        blocks: [
          { kind: "paragraph", text: "Why." },
          { kind: "subheading", text: "1.1 Scope" },
          { kind: "subheading", text: "Detail" },
        ],
      },
      { heading: "2. Roles", blocks: [] },
    ]);
  });

  it("puts text before the first heading in a section with an empty heading", () => {
    expect(markdownToSections("Preamble.\n\n## Body\n")).toEqual([
      { heading: "", blocks: [{ kind: "paragraph", text: "Preamble." }] },
      { heading: "Body", blocks: [] },
    ]);
  });

  it("keeps bold, italic, code and link text as runs whose text joins to the paragraph's", () => {
    const [paragraph] = blocksOf("Keys are **rotated** *yearly* with `kms:RotateKey`, see [the standard](https://example.com).");

    expect(paragraph).toEqual({
      kind: "paragraph",
      text: "Keys are rotated yearly with kms:RotateKey, see the standard.",
      runs: [
        { text: "Keys are " },
        { text: "rotated", bold: true },
        { text: " " },
        { text: "yearly", italic: true },
        { text: " with " },
        { text: "kms:RotateKey", code: true },
        { text: ", see the standard." },
      ],
    });
  });

  it("reads soft line breaks as spaces, hard ones as line breaks, and decodes escapes and entities", () => {
    expect(blocksOf("one\ntwo\\\nthree &amp; a\\*b")).toEqual([{ kind: "paragraph", text: "one two\nthree & a*b" }]);
  });

  it("reads bullet and ordered lists, flattening nested items with a dash per level", () => {
    const [bullets, ordered] = blocksOf("- first **must**\n- second\n  - nested\n\n1. one\n2. two\n");

    expect(bullets).toEqual({
      kind: "list",
      items: ["first must", "second", "– nested"],
      itemRuns: [[{ text: "first " }, { text: "must", bold: true }], [{ text: "second" }], [{ text: "– nested" }]],
    });
    expect(ordered).toEqual({ kind: "list", items: ["one", "two"], ordered: true });
  });

  it("reads a table's header and rows as plain cell text", () => {
    expect(blocksOf("| Role | Duty |\n| --- | --- |\n| **CISO** | owns x \\| y<br>and z |\n")).toEqual([
      { kind: "table", header: ["Role", "Duty"], rows: [["CISO", "owns x | y\nand z"]] },
    ]);
  });

  it("turns a code block into a paragraph of code and a blockquote into paragraphs", () => {
    expect(blocksOf("```json\n{ \"a\": 1 }\n```\n\n> Quoted one.\n>\n> Quoted two.\n")).toEqual([
      { kind: "paragraph", text: '{ "a": 1 }', runs: [{ text: '{ "a": 1 }', code: true }] },
      { kind: "paragraph", text: "Quoted one." },
      { kind: "paragraph", text: "Quoted two." },
    ]);
  });

  it("strips HTML to its text and ignores rules, comments and blank lines", () => {
    expect(blocksOf("<div>Kept <b>text</b></div>\n\n<!-- a note -->\n\n---\n\nAfter <span>inline</span>.\n")).toEqual([
      { kind: "paragraph", text: "Kept text" },
      { kind: "paragraph", text: "After inline." },
    ]);
  });
});

const policy = `# Access Control Policy

## 1. Purpose

This policy sets how **Acme Cloud** grants, reviews and removes access to its systems.
It applies to *every* account, including \`root\` and break-glass roles.

## 2. Rules

### 2.1 Granting access

1. Access is requested through the ticketing system.
2. The system owner approves the request.
3. Access is granted to a **role**, never to a person directly.

### 2.2 Reviews

- Privileged access is reviewed every quarter.
- Other access is reviewed every year.
  - Leavers are removed within one working day.

| Role | Reviewed by | Interval |
| --- | --- | --- |
| Administrator | CISO | Quarterly |
| Engineer | Engineering lead | Yearly |

> Exceptions need the CISO's written approval.

Policy ARNs such as arn:aws:iam::\\*:policy/\\*Admin\\* are listed in the register.
`;

describe("a policy written in Markdown", () => {
  it("comes back to the same sections after rendering them as Markdown again", () => {
    const sections = markdownToSections(policy);
    const [title, ...body] = sections;
    const rendered = documentToMarkdown({ title: title?.heading ?? "", meta: [], sections: body });

    expect(markdownToSections(rendered)).toEqual(sections);
    expect(body.map((s) => s.heading)).toEqual(["1. Purpose", "2. Rules"]);
    expect(body[1]?.blocks.map((b) => b.kind)).toEqual(["subheading", "list", "subheading", "list", "table", "paragraph", "paragraph"]);
    expect(body[1]?.blocks.at(-1)).toEqual({ kind: "paragraph", text: "Policy ARNs such as arn:aws:iam::*:policy/*Admin* are listed in the register." });
  });
});

describe("rendering the document model as Markdown", () => {
  it("writes subheadings, ordered lists, runs and the change history after the metadata", () => {
    const markdown = documentToMarkdown({
      title: "Backup Policy",
      subtitle: "Acme Cloud Ltd",
      meta: [["Version", "2"]],
      history: [{ version: "2", date: "2026-03-01", author: "Dana Reyes", change: "Added restore tests", approvedBy: "Chief Executive Officer" }],
      sections: [
        {
          heading: "1. Rules",
          blocks: [
            { kind: "subheading", text: "1.1 Frequency" },
            { kind: "paragraph", text: "Back up daily with restic.", runs: [{ text: "Back up " }, { text: "daily", bold: true }, { text: " with " }, { text: "restic", code: true }, { text: "." }] },
            { kind: "list", ordered: true, items: ["Snapshot", "Copy"] },
          ],
        },
      ],
    });

    expect(markdown).toBe(
      [
        "# Backup Policy",
        "Acme Cloud Ltd",
        "| Field | Value |\n| --- | --- |\n| **Version** | 2 |",
        "## Change history",
        "| Version | Date | Author | Change | Approved by |\n| --- | --- | --- | --- | --- |\n| 2 | 2026-03-01 | Dana Reyes | Added restore tests | Chief Executive Officer |",
        "## 1. Rules",
        "### 1.1 Frequency",
        "Back up **daily** with `restic`.",
        "1. Snapshot\n2. Copy",
      ].join("\n\n") + "\n",
    );
  });

  it("escapes plain text so that generated values are never read as Markdown", () => {
    const text = "arn:aws:iam::*:role/*Admin* uses _private_ [keys]\n# not a heading\n1. not a list";
    const markdown = documentToMarkdown({ title: "T", meta: [], sections: [{ heading: "S", blocks: [{ kind: "paragraph", text }, { kind: "list", items: ["- dash", "*star*"] }] }] });

    expect(markdownToSections(markdown)[1]?.blocks).toEqual([
      { kind: "paragraph", text },
      { kind: "list", items: ["- dash", "*star*"] },
    ]);
  });

  it("prints no heading for a section whose heading is empty", () => {
    const markdown = documentToMarkdown({ title: "T", meta: [], sections: [{ heading: "", blocks: [{ kind: "paragraph", text: "Lead." }] }] });
    expect(markdown).toBe("# T\n\nLead.\n");
  });
});
