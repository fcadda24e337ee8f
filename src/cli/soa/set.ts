// `isms soa set <control>`: decide a control's applicability, justify it, give reasons, state or
// override its implementation status, name its owner, describe its implementation.
import type { Command } from "commander";
import { setSoaEntry, type SoaChanges } from "../../app/soa.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { displayControlId } from "../../domain/soa/index.js";
import { globalOptions, withIsms } from "../context.js";
import { UsageError, withExamples } from "../usage.js";
import { applicabilityOption, collect, controlIdArgument, reasonsOption, statusOption } from "./options.js";

interface SetFlags {
  applicability?: string;
  justification?: string;
  reason?: string[];
  clearReasons?: boolean;
  status?: string;
  overrideReason?: string;
  clearOverride?: boolean;
  owner?: string;
  description?: string;
  reference?: string;
}

function changesFrom(flags: SetFlags): SoaChanges {
  const changes: SoaChanges = {};
  if (flags.applicability !== undefined) changes.applicability = applicabilityOption("--applicability", flags.applicability);
  if (flags.justification !== undefined) changes.justification = flags.justification;
  if (flags.reason?.length && flags.clearReasons) throw new UsageError("Give --reason or --clear-reasons, not both");
  if (flags.reason?.length) changes.reasons = reasonsOption(flags.reason);
  if (flags.clearReasons) changes.reasons = [];
  if (flags.status !== undefined) changes.implementationStatus = statusOption("--status", flags.status);
  if (flags.overrideReason !== undefined && flags.clearOverride) throw new UsageError("Give --override-reason or --clear-override, not both");
  if (flags.overrideReason !== undefined) changes.overrideReason = flags.overrideReason;
  if (flags.clearOverride) {
    if (flags.status !== undefined) throw new UsageError("--clear-override hands the status back to evidence and checks; leave out --status");
    changes.implementationStatus = null;
  }
  if (flags.owner !== undefined) changes.owner = flags.owner.toLowerCase() === "none" ? null : flags.owner;
  if (flags.description !== undefined) changes.implementationDescription = flags.description;
  if (flags.reference !== undefined) changes.reference = flags.reference;
  return changes;
}

export function registerSoaSetCommand(soa: Command): void {
  const set = soa
    .command("set <control>")
    .description("change one control's SoA entry; only the options given change")
    .option("--applicability <value>", "applicable, inherited (operated by AWS) or not_applicable (needs --justification)")
    .option("--justification <text>", "why the control is included, inherited or excluded")
    .option("--reason <kind[:ref]>", "a reason for inclusion: legal, contractual, business or best_practice, with an optional reference (repeat it; replaces the reasons; risks come from the register)", collect)
    .option("--clear-reasons", "remove the stated reasons (risk reasons stay: they come from the register)")
    .option("--status <status>", "implemented, partially_implemented, planned, not_implemented or not_assessed")
    .option("--override-reason <text>", "why the status differs from what evidence and checks show (needed to override a derived status)")
    .option("--clear-override", "drop a status override and let evidence and checks decide again")
    .option("--owner <person>", 'the control owner (a person\'s id or name; "none" clears it)')
    .option("--description <text>", "how the control is implemented here")
    .option("--reference <text>", "the policy, procedure or record it points to (POL-003, Access Control Policy)")
    .action(async (control: string, flags: SetFlags, cmd: Command) => {
      const changes = changesFrom(flags);
      if (Object.keys(changes).length === 0) throw new UsageError("Say what to change, e.g. --applicability applicable --reason business");
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const id = controlIdArgument(control);
        const entry = await isms.db.transaction((tx) => setSoaEntry(tx, ws, id, changes, { actor: "cli" }));
        output.data(entry, () => `Changed ${displayControlId(entry.controlId)}: ${entry.applicability ?? "undecided"}, ${entry.implementationStatus ?? "not assessed"}${entry.statusSource === "manual" ? "" : ` (${entry.statusSource})`}.`);
      });
    });
  withExamples(
    set,
    'isms soa set 8.30 --applicability not_applicable --justification "No development is outsourced"',
    'isms soa set A.5.34 --reason "legal:GDPR" --reason contractual --owner "Head of Security"',
    'isms soa set 8.15 --status partially_implemented --override-reason "CloudTrail passes, but application logs are not yet centralized"',
    'isms soa set 8.24 --description "KMS keys per environment; TLS 1.2+ everywhere" --reference POL-007',
  );
}
