// `isms assets …`: the asset inventory (A.5.9), by hand or imported from CSV/XLSX.
import type { Command } from "commander";
import { importAssets } from "../app/assets.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { globalOptions, withIsms } from "./context.js";
import { registerRegisterCommands } from "./register-commands.js";
import { withExamples } from "./usage.js";

export const assetKinds = [
  "aws-account",
  "data",
  "repository",
  "service",
  "identity-provider",
  "endpoint",
  "saas",
  "people",
  "location",
  "other",
] as const;

export function registerAssetCommands(program: Command): void {
  const group = registerRegisterCommands(program, "assets", {
    register: "assets",
    noun: "asset",
    idPrefix: "A",
    path: "isms assets",
    description: "the asset inventory: AWS accounts, repositories, identity provider, laptops, SaaS, data, people, locations (A.5.9)",
    fields: [
      { field: "name", description: "what the asset is", requiredToAdd: true },
      { field: "kind", description: `kind of asset, usually one of: ${assetKinds.join(", ")}`, requiredToAdd: true },
      { field: "owner", description: "asset owner (a person's id or name)", kind: "person" },
      { field: "classification", description: "classification (public, internal, confidential, restricted…)" },
      { field: "inScope", description: "inside the ISMS scope", kind: "boolean" },
      { field: "location", description: "where it is (AWS region, office, vendor cloud)" },
      { field: "description", description: "a sentence on what it is for" },
      { field: "externalRef", description: "its identity elsewhere, e.g. an ARN or AWS account id" },
    ],
    listColumns: ["kind", "name", "owner", "classification", "inScope"],
    exampleAdd: 'isms assets add --name "Production AWS account" --kind aws-account --owner P-004 --classification confidential',
  });

  const importCommand = group
    .command("import <file>")
    .description("add or update assets from a CSV or XLSX inventory; checks every row first and writes nothing if one is bad")
    .option("--map <pairs>", 'say which column holds which field: "Asset Name=name,Type=kind"')
    .option("--sheet <name>", "the worksheet of an XLSX file (default: the first)")
    .action(async (file: string, options: { map?: string; sheet?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const result = await importAssets(isms.db, ws, file, { ...options, actor: "cli" });
        output.data(result, () =>
          [
            `Imported ${result.added.length + result.updated.length} assets from ${result.source}: ${result.added.length} added, ${result.updated.length} updated.`,
            ...(result.peopleAdded.length ? [`Added ${result.peopleAdded.length} owners to the people register: ${result.peopleAdded.map((p) => `${p.id} ${p.name}`).join(", ")}.`] : []),
            ...(result.keptColumns.length ? [`Kept as further attributes: ${result.keptColumns.join(", ")}.`] : []),
          ].join("\n"),
        );
      });
    });
  withExamples(importCommand, "isms assets import asset-register.csv", 'isms assets import inventory.xlsx --sheet Assets --map "Asset=name,Type=kind"');
}
