// `isms risk assess|approve-plan|accept`: a (re)assessment recorded in the history (8.2), and the risk
// owner's approval of the treatment plan and acceptance of the residual risk (6.1.3 f).
import type { Command } from "commander";
import { loadPersonDirectory } from "../../app/people.js";
import { acceptResidualRisk, approveTreatmentPlan, assessRisk } from "../../app/risks.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { globalOptions, withIsms } from "../context.js";
import { UsageError, withExamples } from "../usage.js";
import { addRatingOptions, ratingsFrom, type RiskFlags } from "./options.js";

export function registerRiskDecisionCommands(risk: Command): void {
  const assess = addRatingOptions(risk.command("assess <id>").description("(re)assess a risk: ratings are kept in its history and the next review is scheduled"))
    .option("--by <person>", "who assessed it")
    .action(async (id: string, flags: RiskFlags & { by?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const by = flags.by ? (await loadPersonDirectory(isms.db, ws)).get(flags.by, "--by") : null;
        const saved = await isms.db.transaction((tx) => assessRisk(tx, ws, id, ratingsFrom(flags), { actor: "cli", by }));
        output.data(saved, () => `Assessed ${id}: inherent ${saved.inherentScore ?? "-"}, residual ${saved.residualScore ?? "-"}; next review ${saved.nextReview ?? "-"}.`);
      });
    });
  withExamples(assess, "isms risk assess R-004 --residual-likelihood 2 --residual-impacts financial=3,legal=3 --by P-002", "isms risk assess R-010");

  for (const [name, description, act] of [
    ["approve-plan", "the risk owner approves the risk's treatment plan", approveTreatmentPlan],
    ["accept", "the risk owner accepts the residual risk", acceptResidualRisk],
  ] as const) {
    const command = risk
      .command(`${name} <id>`)
      .description(description)
      .requiredOption("--by <person>", "the risk owner (a person's id or name)")
      .action(async (id: string, options: { by: string }, cmd: Command) => {
        await withIsms(cmd, async (isms, output) => {
          const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
          const by = (await loadPersonDirectory(isms.db, ws)).get(options.by, "--by");
          if (!by) throw new UsageError("--by names nobody");
          const saved = await isms.db.transaction((tx) => act(tx, ws, id, by, { actor: "cli" }));
          output.data(saved, () => `${name === "accept" ? "Residual risk accepted" : "Treatment plan approved"} for ${id} by ${by}.`);
        });
      });
    withExamples(command, `isms risk ${name} R-004 --by P-002`);
  }
}
