// The list / show / add / edit / remove commands of a simple register (assets, exclusions, people,
// interested parties…), built from a description of its fields so every register behaves alike.
import type { Command } from "commander";
import { addEntry, editEntry, getEntry, listEntries, removeEntry, type Entry } from "../app/entries.js";
import { loadPersonDirectory } from "../app/people.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { UsageError, withExamples } from "./usage.js";
import { globalOptions, withIsms } from "./context.js";
import { table } from "./output.js";

export interface RegisterField {
  field: string;
  description: string;
  /** text (default), yes/no, a person (id or name), a comma-separated list, or one of `choices`. */
  kind?: "text" | "boolean" | "person" | "list" | "integer";
  choices?: readonly string[];
  requiredToAdd?: boolean;
}

export interface RegisterCommandSpec {
  /** The register's name in the store ("interested_parties"). */
  register: string;
  /** What one entry is called ("interested party"). */
  noun: string;
  idPrefix: string;
  description: string;
  fields: readonly RegisterField[];
  listColumns: readonly string[];
  /** How the command is reached, for examples ("isms scope parties"). */
  path: string;
  exampleAdd: string;
}

const kebab = (field: string) => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function flagOf(f: RegisterField): string {
  const value = f.kind === "boolean" ? "<yes|no>" : f.kind === "person" ? "<person>" : f.kind === "list" ? "<a,b,…>" : "<value>";
  return `--${kebab(f.field)} ${value}`;
}

function addFieldOptions(command: Command, spec: RegisterCommandSpec, adding: boolean): Command {
  for (const f of spec.fields) {
    const choices = f.choices ? ` (${f.choices.join(", ")})` : "";
    const required = adding && f.requiredToAdd ? " (required)" : "";
    command.option(flagOf(f), `${f.description}${choices}${required}`);
  }
  return command;
}

function display(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(display).join(", ");
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function valuesFrom(options: Record<string, unknown>, spec: RegisterCommandSpec, resolvePerson: (v: string, field: string) => string, adding: boolean): Entry {
  const values: Entry = {};
  for (const f of spec.fields) {
    const raw = options[f.field];
    if (raw === undefined) {
      if (adding && f.requiredToAdd) throw new UsageError(`${flagOf(f).split(" ")[0]} is required to add a ${spec.noun}`);
      continue;
    }
    if (typeof raw !== "string") throw new UsageError(`${flagOf(f).split(" ")[0]} needs a value`);
    const text = raw;
    if (f.choices && !f.choices.includes(text)) throw new UsageError(`${flagOf(f).split(" ")[0]}: "${text}" is not one of ${f.choices.join(", ")}`);
    switch (f.kind) {
      case "boolean":
        if (!/^(yes|no|true|false)$/i.test(text)) throw new UsageError(`${flagOf(f).split(" ")[0]}: say yes or no`);
        values[f.field] = /^(yes|true)$/i.test(text);
        break;
      case "person":
        values[f.field] = text === "" ? null : resolvePerson(text, flagOf(f).split(" ")[0] ?? f.field);
        break;
      case "list":
        values[f.field] = text.split(",").map((s) => s.trim()).filter(Boolean);
        break;
      case "integer":
        if (!/^-?\d+$/.test(text)) throw new UsageError(`${flagOf(f).split(" ")[0]}: "${text}" is not a whole number`);
        values[f.field] = Number(text);
        break;
      default:
        values[f.field] = text === "" ? null : text;
    }
  }
  return values;
}

export function registerRegisterCommands(parent: Command, name: string, spec: RegisterCommandSpec): Command {
  const group = parent.command(name).description(spec.description);
  const actor = "cli";

  const list = group
    .command("list")
    .description(`list the ${spec.noun} entries`)
    .action(async (_o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const entries = await listEntries(isms.db, ws, spec.register);
        output.data(entries, () =>
          entries.length
            ? table(["id", ...spec.listColumns], entries.map((e) => [display(e.id), ...spec.listColumns.map((c) => display(e[c]))]))
            : `No ${spec.noun} entries yet. Add one with: ${spec.exampleAdd}`,
        );
      });
    });
  withExamples(list, `${spec.path} list`, `${spec.path} list --json`);

  const show = group
    .command("show <id>")
    .description(`show one ${spec.noun}`)
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const entry = await getEntry(isms.db, ws, spec.register, id);
        output.data(entry, () => Object.entries(entry).map(([k, v]) => `${k.padEnd(20)} ${display(v)}`).join("\n"));
      });
    });
  withExamples(show, `${spec.path} show ${spec.idPrefix}-001`);

  const add = addFieldOptions(group.command("add").description(`add a ${spec.noun}`), spec, true)
    .option("--id <id>", `the id (default: the next ${spec.idPrefix}-NNN)`)
    .action(async (options: Record<string, unknown>, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const people = await loadPersonDirectory(isms.db, ws);
        const values = valuesFrom(options, spec, (v, f) => people.get(v, f), true);
        if (typeof options.id === "string") values.id = options.id;
        const entry = await isms.db.transaction((tx) => addEntry(tx, ws, spec.register, values, { actor, idPrefix: spec.idPrefix }));
        output.data(entry, () => `Added ${spec.noun} ${display(entry.id)}.`);
      });
    });
  withExamples(add, spec.exampleAdd);

  const edit = addFieldOptions(group.command("edit <id>").description(`change a ${spec.noun}; only the options given change`), spec, false).action(
    async (id: string, options: Record<string, unknown>, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const people = await loadPersonDirectory(isms.db, ws);
        const changes = valuesFrom(options, spec, (v, f) => people.get(v, f), false);
        if (Object.keys(changes).length === 0) throw new UsageError(`Say what to change, e.g. ${flagOf(spec.fields[0] ?? { field: "name", description: "" })}`);
        const entry = await isms.db.transaction((tx) => editEntry(tx, ws, spec.register, id, changes, { actor }));
        output.data(entry, () => `Changed ${spec.noun} ${id}.`);
      });
    },
  );
  withExamples(edit, `${spec.path} edit ${spec.idPrefix}-001 --${kebab(spec.fields[0]?.field ?? "name")} "…"`);

  const remove = group
    .command("remove <id>")
    .description(`remove a ${spec.noun}`)
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        await isms.db.transaction((tx) => removeEntry(tx, ws, spec.register, id, { actor }));
        output.data({ removed: id }, () => `Removed ${spec.noun} ${id}.`);
      });
    });
  withExamples(remove, `${spec.path} remove ${spec.idPrefix}-001`);
  return group;
}
