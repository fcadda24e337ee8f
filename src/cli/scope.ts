// `isms scope …`: the scope statement and boundaries (4.3), its approval, and the context around it:
// interfaces and dependencies, interested parties (4.2) and internal and external issues (4.1).
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { loadPersonDirectory } from "../app/people.js";
import { approveScope, setScope, showScope } from "../app/scope.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { globalOptions, withIsms } from "./context.js";
import { table } from "./output.js";
import { registerRegisterCommands } from "./register-commands.js";
import { UsageError, withExamples } from "./usage.js";

export function registerScopeCommands(program: Command): void {
  const scope = program.command("scope").description("the ISMS scope, its approval, interfaces, interested parties and issues (4.1–4.3)");

  const show = scope
    .command("show")
    .description("show the scope statement, boundaries, approval and context")
    .action(async (_o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const view = await showScope(isms.db, ws);
        output.data(view, () => {
          const b = (s: string) => output.style("bold", s);
          const text = (v: unknown) => (typeof v === "string" ? v : "");
          return [
            b("Scope statement"),
            `  ${view.statement ?? "none yet: isms scope set --statement \"…\""}`,
            b("Boundaries"),
            `  ${view.boundaries || "none stated"}`,
            b("Approval"),
            `  ${view.approvedBy ? `approved by ${view.approvedBy} on ${view.approvedAt?.toISOString().slice(0, 10) ?? ""}` : output.style("yellow", "not approved: isms scope approve --by <person>")}`,
            "",
            b("Interfaces and dependencies"),
            table(["  id", "kind", "name"], view.interfaces.map((e) => [`  ${text(e.id)}`, text(e.kind), text(e.name)])),
            "",
            b("Interested parties"),
            table(["  id", "party", "requirements"], view.interestedParties.map((e) => [`  ${text(e.id)}`, text(e.name), text(e.requirements)])),
            "",
            b("Issues"),
            table(["  id", "kind", "issue"], view.issues.map((e) => [`  ${text(e.id)}`, text(e.kind), text(e.description)])),
            "",
            b("Exclusions"),
            table(["  id", "subject", "reason"], view.exclusions.map((e) => [`  ${text(e.id)}`, text(e.subject), text(e.reason)])),
          ].join("\n");
        });
      });
    });
  withExamples(show, "isms scope show", "isms scope show --json");

  const set = scope
    .command("set")
    .description("write the scope statement (one or two paragraphs) and boundaries; a change needs approving again")
    .option("--statement <text>", "the scope statement")
    .option("--statement-file <file>", "read the scope statement from a text file")
    .option("--boundaries <text>", "what the boundaries are and what lies beyond them")
    .action(async (options: { statement?: string; statementFile?: string; boundaries?: string }, cmd: Command) => {
      if (options.statement && options.statementFile) throw new UsageError("Give --statement or --statement-file, not both");
      const statement = options.statementFile ? await readFile(options.statementFile, "utf8") : options.statement;
      if (statement === undefined && options.boundaries === undefined) throw new UsageError("Say what to set: --statement, --statement-file or --boundaries");
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        await isms.db.transaction((tx) => setScope(tx, ws, { statement, boundaries: options.boundaries }, "cli"));
        output.data(await showScope(isms.db, ws), () => "Scope updated; it needs approving again: isms scope approve --by <person>");
      });
    });
  withExamples(set, 'isms scope set --statement-file scope.txt --boundaries "AWS data centres are inherited from AWS"');

  const approve = scope
    .command("approve")
    .description("record top management's approval of the scope")
    .requiredOption("--by <person>", "who approves (a person's id or name)")
    .action(async (options: { by: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const person = (await loadPersonDirectory(isms.db, ws)).get(options.by, "--by");
        await isms.db.transaction((tx) => approveScope(tx, ws, person, "cli"));
        output.data(await showScope(isms.db, ws), () => `Scope approved by ${person}.`);
      });
    });
  withExamples(approve, "isms scope approve --by P-001");

  registerRegisterCommands(scope, "interfaces", {
    register: "scope_interfaces",
    noun: "interface",
    idPrefix: "IF",
    path: "isms scope interfaces",
    description: "interfaces and dependencies between the ISMS and what lies outside it (4.3 c)",
    fields: [
      { field: "name", description: "what the interface is", requiredToAdd: true },
      { field: "kind", description: "cloud provider, identity, software delivery, customer, sub-processor…", requiredToAdd: true },
      { field: "counterparty", description: "who is on the other side" },
      { field: "description", description: "what crosses it and who is responsible for what" },
    ],
    listColumns: ["kind", "name", "counterparty"],
    exampleAdd: 'isms scope interfaces add --name "Payment provider" --kind sub-processor --counterparty Stripe',
  });
  registerRegisterCommands(scope, "parties", {
    register: "interested_parties",
    noun: "interested party",
    idPrefix: "IP",
    path: "isms scope parties",
    description: "interested parties and their requirements (4.2)",
    fields: [
      { field: "name", description: "the party", requiredToAdd: true },
      { field: "requirements", description: "their requirements relevant to information security" },
      { field: "addressedByIsms", description: "whether the ISMS addresses them", kind: "boolean" },
    ],
    listColumns: ["name", "addressedByIsms"],
    exampleAdd: 'isms scope parties add --name "Japanese banking customers" --requirements "FISC guidelines, ISO 27001" --addressed-by-isms yes',
  });
  registerRegisterCommands(scope, "issues", {
    register: "context_issues",
    noun: "issue",
    idPrefix: "CI",
    path: "isms scope issues",
    description: "internal and external issues relevant to the ISMS (4.1)",
    fields: [
      { field: "kind", description: "internal or external", choices: ["internal", "external"], requiredToAdd: true },
      { field: "description", description: "the issue", requiredToAdd: true },
    ],
    listColumns: ["kind", "description"],
    exampleAdd: 'isms scope issues add --kind external --description "Customers ask for ISO 27001 in tenders"',
  });
}
