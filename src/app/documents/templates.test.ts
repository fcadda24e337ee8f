// The aws-saas document templates checked against the catalog, the README's placeholders and the
// people template, and the parsing and filling of a template, with a hand-made context (no database).
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { findControl } from "../../catalog/annex-a.js";
import { findClause } from "../../catalog/clauses.js";
import { checkApprover } from "../../domain/documents/lifecycle.js";
import { InvalidInputError } from "../../domain/errors.js";
import type { TemplateContext } from "./template-context.js";
import { fillDocumentTemplate, loadDocumentTemplates, parseDocumentTemplate, placeholdersOf, type DocumentTemplate } from "./templates.js";

const templateFile = (name: string) => fileURLToPath(new URL(`../templates/aws-saas/${name}`, import.meta.url));

/** What the README documents: the placeholders of its table, the roles `{{role:<role>}}` takes and the kinds. */
function readReadme(text: string): { placeholders: string[]; roles: string[]; kinds: string[] } {
  const rows = [...text.matchAll(/^\| `\{\{([^}]+)\}\}` \| (.*) \|$/gm)];
  const roleRow = rows.find((r) => r[1] === "role:<role>")?.[2] ?? "";
  const roles = (/roles: ([a-z, -]+)$/.exec(roleRow)?.[1] ?? "").split(", ").filter((r) => r !== "");
  const kinds = (/^kind: \S+ +# (.+)$/m.exec(text)?.[1] ?? "").split(" | ");
  const fixed = rows.map((r) => r[1] ?? "").filter((name) => name !== "role:<role>");
  return { placeholders: [...fixed, ...roles.map((role) => `role:${role}`)], roles, kinds };
}

const peopleSchema = z.array(z.object({ id: z.string(), name: z.string(), ismsRoles: z.array(z.string()) }));

/** What the fake fills each fixed placeholder with; checked against the README below so neither drifts. */
const fixedValues: Record<string, string> = {
  company: "Acme Cloud Ltd",
  "isms.name": "Acme ISMS",
  "scope.statement": "FAKE scope statement.",
  "scope.boundaries": "FAKE boundaries.",
  "scope.interfaces": "- FAKE interface",
  "scope.exclusions": "- FAKE exclusion",
  "roles.table": "| FAKE roles table |",
  "aws.accounts": "- FAKE account (111122223333)",
  "aws.services": "FAKE-S3, FAKE-KMS",
  "methodology.acceptance": "FAKE acceptance criteria.",
  "objectives.table": "| FAKE objectives table |",
};
const roleValue = (role: string) => `FAKE holder of ${role}`;

/** A TemplateContext over fixed values and the people template, answering only what the README documents. */
function fakeContext(roles: readonly string[], people: z.infer<typeof peopleSchema>): TemplateContext {
  return {
    value(name, template) {
      if (name.startsWith("role:")) {
        const role = name.slice("role:".length);
        return roles.includes(role) ? roleValue(role) : undefined;
      }
      if (name === "controls.table") return `FAKE controls: ${template.controls.join(", ")}`;
      if (name === "review.months") return `${template.reviewMonths} months`;
      return fixedValues[name];
    },
    holderOf: (role) => people.filter((p) => p.ismsRoles.includes(role)).sort((a, b) => a.id.localeCompare(b.id))[0]?.id ?? null,
  };
}

/** The error `run` throws, so that a test can assert on its class and fields. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error, but nothing was thrown");
}

let templates: DocumentTemplate[];
let readme: ReturnType<typeof readReadme>;
let people: z.infer<typeof peopleSchema>;
let context: TemplateContext;

beforeAll(async () => {
  templates = await loadDocumentTemplates("aws-saas");
  readme = readReadme(await readFile(templateFile("documents/README.md"), "utf8"));
  people = peopleSchema.parse(parseYaml(await readFile(templateFile("people.yaml"), "utf8")));
  context = fakeContext(readme.roles, people);
});

const byId = (id: string) => templates.find((t) => t.id === id);

describe("the aws-saas document templates", () => {
  it("all parse, one document per file, with unique ids", () => {
    expect(templates.length).toBeGreaterThanOrEqual(15);
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    expect(templates.map((t) => t.file)).not.toContain("README.md");
  });

  it("address only controls of Annex A and clauses of the standard", () => {
    for (const t of templates) {
      for (const id of t.controls) expect(findControl(id)?.id, `${t.file}: control ${id}`).toBe(id);
      for (const id of t.clauses) expect(findClause(id)?.id, `${t.file}: clause ${id}`).toBe(id);
    }
  });

  it("are each of a kind the README lists", () => {
    expect(readme.kinds).toEqual(["isms-scope", "information-security-policy", "objectives", "policy"]);
    for (const t of templates) expect(readme.kinds, t.file).toContain(t.kind);
  });

  it("include the scope, the information security policy and the objectives", () => {
    const kinds = templates.map((t) => t.kind);
    expect(kinds).toContain("isms-scope");
    expect(kinds).toContain("information-security-policy");
    expect(kinds).toContain("objectives");
  });

  it.each([
    "POL-ACCESS",
    "POL-CRYPTO",
    "POL-LOGGING",
    "POL-BACKUP",
    "POL-INCIDENT",
    "POL-CONTINUITY",
    "POL-SUPPLIER",
    "POL-DEVELOPMENT",
    "POL-ACCEPTABLE-USE",
    "POL-REMOTE",
    "POL-ASSETS",
    "POL-DELETION",
  ])("include the topic policy %s", (id) => {
    expect(byId(id)?.kind).toBe("policy");
  });

  it("name at least one control in every topic policy", () => {
    const policies = templates.filter((t) => t.kind === "policy");
    expect(policies.length).toBeGreaterThanOrEqual(12);
    for (const t of policies) expect(t.controls.length, t.file).toBeGreaterThan(0);
  });

  // The topics of A.5.1's topic-specific policies that an AWS SaaS company needs, by the control each serves.
  it.each(["5.15", "8.24", "8.15", "8.13", "5.24", "5.30", "5.19", "8.25", "5.10", "6.7", "5.12", "8.10"])(
    "address control %s in some template",
    (control) => {
      expect(templates.filter((t) => t.controls.includes(control)).map((t) => t.id)).not.toEqual([]);
    },
  );

  it("use only placeholders the README documents", () => {
    for (const t of templates) {
      for (const name of placeholdersOf(t.body)) expect(readme.placeholders, `${t.file}: {{${name}}}`).toContain(name);
    }
  });

  it("give owner and approver roles that someone in people.yaml holds", () => {
    const held = new Set(people.flatMap((p) => p.ismsRoles));
    for (const t of templates) {
      expect(held.has(t.owner), `${t.file}: owner ${t.owner}`).toBe(true);
      expect(held.has(t.approver), `${t.file}: approver ${t.approver}`).toBe(true);
    }
  });

  it("have drafts whose owner (their author) is not their approver, so they can be approved as written", () => {
    for (const t of templates) {
      const author = context.holderOf(t.owner);
      const approver = context.holderOf(t.approver);
      expect(approver, t.file).not.toBeNull();
      expect(() => checkApprover({ documentId: t.id, version: "1", author, approver: approver ?? "", people: people.length })).not.toThrow();
    }
  });

  it("fill completely, with the workspace's values in place of every placeholder", () => {
    for (const t of templates) {
      const used = placeholdersOf(t.body);
      const filled = fillDocumentTemplate(t, context);
      expect(filled, t.file).not.toContain("{{");
      expect(filled, t.file).not.toContain("}}");
      for (const name of used) expect(filled, `${t.file}: {{${name}}}`).toContain(context.value(name, t));
    }
  });
});

describe("the README's placeholder table", () => {
  it("documents the same placeholders the fake context fills, so neither can drift", () => {
    expect(readme.roles).toHaveLength(8);
    expect(readme.placeholders.filter((p) => !p.startsWith("role:")).sort()).toEqual([...Object.keys(fixedValues), "controls.table", "review.months"].sort());
  });
});

describe("filling a template", () => {
  const template = (body: string) => ({ file: "policy-example.md", body, controls: ["5.15", "8.2"], reviewMonths: 24 });

  it("puts the context's values in the text", () => {
    const filled = fillDocumentTemplate(
      template("{{company}} keeps this policy; {{ role:isms-owner }} owns it. Reviewed every {{review.months}}.\n\n{{controls.table}}"),
      context,
    );

    expect(filled).toBe("Acme Cloud Ltd keeps this policy; FAKE holder of isms-owner owns it. Reviewed every 24 months.\n\nFAKE controls: 5.15, 8.2");
  });

  it("refuses an unknown placeholder, naming the file and the placeholder", () => {
    const error = thrownBy(() => fillDocumentTemplate(template("Owned by {{role:isms-owner}} at {{compnay}}."), context));

    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error instanceof InvalidInputError ? error.source : "").toBe("policy-example.md");
    expect(error instanceof InvalidInputError ? error.issues.map((i) => i.path) : []).toEqual(["{{compnay}}"]);
    expect(error instanceof Error ? error.message : "").toMatch(/^policy-example\.md at \{\{compnay\}\}: unknown placeholder/);
  });

  it("refuses a role the context does not know", () => {
    expect(() => fillDocumentTemplate(template("{{role:isms-ownr}}"), context)).toThrow(InvalidInputError);
  });

  it("refuses a misspelt placeholder with capitals, digits or underscores rather than leave it in the text", () => {
    for (const typo of ["{{Company}}", "{{role:isms_owner}}", "{{aws.accounts2}}"]) {
      expect(() => fillDocumentTemplate(template(`Owned by ${typo}.`), context), typo).toThrow(InvalidInputError);
    }
  });
});

describe("parsing a template file", () => {
  const frontMatter = ["id: POL-EXAMPLE", "kind: policy", "title: Example Policy", 'clauses: ["7.5.1"]', 'controls: ["5.15"]', "owner: isms-owner", "approver: top-management"];
  const file = (lines: readonly string[], body = "## 1. Purpose\n\nWhy.\n") => `---\n${lines.join("\n")}\n---\n${body}`;

  it("reads the front matter, applies its defaults and keeps the body", () => {
    const parsed = parseDocumentTemplate("policy-example.md", file(frontMatter));

    expect(parsed).toEqual({
      id: "POL-EXAMPLE",
      kind: "policy",
      title: "Example Policy",
      clauses: ["7.5.1"],
      controls: ["5.15"],
      owner: "isms-owner",
      approver: "top-management",
      acknowledge: false,
      reviewMonths: 12,
      file: "policy-example.md",
      body: "## 1. Purpose\n\nWhy.",
    });
  });

  it("refuses a file without front matter, naming the file", () => {
    const error = thrownBy(() => parseDocumentTemplate("policy-example.md", "## 1. Purpose\n\nWhy.\n"));

    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error instanceof InvalidInputError ? error.source : "").toBe("policy-example.md");
    expect(error instanceof Error ? error.message : "").toMatch(/^policy-example\.md at line 1: .*front matter/);
  });

  it.each(["A.5.15", "9.1", "5.1a", "5.38"])("refuses the control id %s, naming the file and the field", (control) => {
    const lines = frontMatter.map((l) => (l.startsWith("controls:") ? `controls: ["5.15", "${control}"]` : l));
    const error = thrownBy(() => parseDocumentTemplate("policy-example.md", file(lines)));

    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error instanceof InvalidInputError ? error.issues.map((i) => i.path) : []).toEqual(["front matter controls.1"]);
    expect(error instanceof Error ? error.message : "").toContain("policy-example.md at front matter controls.1: not an Annex A control");
  });

  it("refuses a field the format does not have, naming it", () => {
    expect(() => parseDocumentTemplate("policy-example.md", file([...frontMatter, "reviewer: isms-owner"]))).toThrow(/policy-example\.md.*reviewer/);
  });

  it("refuses a front matter that is not valid YAML, naming the file", () => {
    const error = thrownBy(() => parseDocumentTemplate("policy-example.md", file(frontMatter.map((l) => (l.startsWith("controls:") ? 'controls: ["5.15"' : l)))));

    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error instanceof InvalidInputError ? error.source : "").toBe("policy-example.md");
  });
});

describe("the blank workspace template", () => {
  it("has no document templates", async () => {
    expect(await loadDocumentTemplates("blank")).toEqual([]);
  });
});
