// `isms risk list|show|add|edit`: the risk register, with bands from the methodology in force.
import type { Command } from "commander";
import { loadPersonDirectory } from "../../app/people.js";
import { currentMethodology } from "../../app/risk-methodology.js";
import { addRisk, editRisk, getRisk, loadAssessments, loadRisks, loadTreatmentActions, riskFindings } from "../../app/risks.js";
import { resolveWorkspace } from "../../app/workspaces.js";
import { bandOf, type Methodology, type Risk } from "../../domain/risk/index.js";
import { globalOptions, withIsms } from "../context.js";
import { table } from "../output.js";
import { UsageError, withExamples } from "../usage.js";
import { addRiskFieldOptions, riskInputFrom, type RiskFlags } from "./options.js";

export function withBands(methodology: Methodology, risk: Risk) {
  return {
    ...risk,
    inherentBand: risk.inherentScore != null ? bandOf(methodology, risk.inherentScore).id : null,
    residualBand: risk.residualScore != null ? bandOf(methodology, risk.residualScore).id : null,
  };
}

export function registerRiskRegisterCommands(risk: Command): void {
  const list = risk
    .command("list")
    .description("list the risk register with inherent and residual scores and bands")
    .option("--category <text>", "only one category")
    .option("--owner <person>", "only one owner's risks")
    .option("--band <id>", "only risks whose inherent band is this one (e.g. high)")
    .action(async (options: { category?: string; owner?: string; band?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const methodology = (await currentMethodology(isms.db, ws)).body;
        const owner = options.owner ? (await loadPersonDirectory(isms.db, ws)).get(options.owner, "--owner") : undefined;
        const rows = (await loadRisks(isms.db, ws))
          .map((r) => withBands(methodology, r))
          .filter((r) => (!options.category || r.category === options.category) && (!owner || r.owner === owner) && (!options.band || r.inherentBand === options.band));
        output.data(rows, () =>
          table(
            ["id", "inherent", "residual", "decision", "owner", "title"],
            rows.map((r) => [
              r.id,
              r.inherentScore != null ? `${r.inherentScore} ${r.inherentBand ?? ""}` : "-",
              r.residualScore != null ? `${r.residualScore} ${r.residualBand ?? ""}` : "-",
              r.decision ?? "",
              r.owner ?? "",
              r.title,
            ]),
          ) + `\n${output.style("dim", `${rows.length} risks`)}`,
        );
      });
    });
  withExamples(list, "isms risk list", "isms risk list --band critical --json", 'isms risk list --owner "Head of Security"');

  const show = risk
    .command("show <id>")
    .description("show one risk with its treatment actions, assessment history and open findings")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const methodology = await currentMethodology(isms.db, ws);
        const found = withBands(methodology.body, await getRisk(isms.db, ws, id));
        const actions = (await loadTreatmentActions(isms.db, ws)).filter((a) => a.riskId === id);
        const history = await loadAssessments(isms.db, ws, id);
        const findings = (await riskFindings(isms.db, ws)).filter((f) => f.riskId === id);
        output.data({ ...found, actions, history, findings }, () => {
          const b = (s: string) => output.style("bold", s);
          const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "");
          return [
            `${b(found.id)} ${found.title}`,
            found.description ?? "",
            "",
            `${b("Category")}       ${found.category ?? ""}`,
            `${b("Assets")}         ${found.assetIds.join(", ")}`,
            `${b("Threat")}         ${found.threat ?? ""}`,
            `${b("Vulnerability")}  ${found.vulnerability ?? ""}`,
            `${b("Owner")}          ${found.owner ?? output.style("yellow", "none")}`,
            `${b("Harms")}          ${[found.confidentiality && "confidentiality", found.integrity && "integrity", found.availability && "availability"].filter(Boolean).join(", ")}`,
            `${b("Inherent")}       L${found.likelihood ?? "-"} × I${found.impact ?? "-"} = ${found.inherentScore ?? "-"} ${found.inherentBand ?? ""}  ${Object.entries(found.impacts).map(([k, v]) => `${k}=${v}`).join(" ")}`,
            `${b("Decision")}       ${found.decision ?? output.style("yellow", "none")}`,
            `${b("Controls")}       ${found.controlIds.join(", ")}`,
            `${b("Residual")}       L${found.residualLikelihood ?? "-"} × I${found.residualImpact ?? "-"} = ${found.residualScore ?? "-"} ${found.residualBand ?? ""}`,
            `${b("Plan approved")}  ${found.planApprovedBy ? `${found.planApprovedBy} ${day(found.planApprovedAt)}` : "no"}`,
            `${b("Accepted")}       ${found.residualAcceptedBy ? `${found.residualAcceptedBy} ${day(found.residualAcceptedAt)}` : "no"}`,
            `${b("Next review")}    ${found.nextReview ?? ""}`,
            "",
            b("Treatment actions"),
            actions.length ? table(["  id", "status", "due", "owner", "action"], actions.map((a) => [`  ${a.id}`, a.status, a.dueDate ?? "", a.owner ?? "", a.title])) : "  none",
            "",
            b("Assessment history"),
            table(["  when", "methodology", "score", "residual", "why"], history.map((h) => [`  ${day(h.assessedAt)}`, `v${h.methodologyVersion}`, String(h.score), String(h.residualScore ?? "-"), h.reason])),
            ...(findings.length ? ["", b("Findings"), ...findings.map((f) => `  ${f.severity === "error" ? output.style("red", "error") : output.style("yellow", "warning")} ${f.message}`)] : []),
          ].join("\n");
        });
      });
    });
  withExamples(show, "isms risk show R-001", "isms risk show R-001 --json");

  const add = addRiskFieldOptions(risk.command("add").description("add a risk; its scores follow from the ratings under the methodology in force")).action(
    async (flags: RiskFlags, cmd: Command) => {
      if (!flags.title) throw new UsageError("--title is required to add a risk");
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const input = riskInputFrom(flags, await loadPersonDirectory(isms.db, ws));
        const saved = await isms.db.transaction((tx) => addRisk(tx, ws, input, { actor: "cli" }));
        output.data(saved, () => `Added ${saved.id}${saved.inherentScore != null ? ` (inherent score ${saved.inherentScore})` : ""}.`);
      });
    },
  );
  withExamples(
    add,
    'isms risk add --title "Stolen laptop with cached credentials" --category personnel --owner P-002 --likelihood 3 --impacts financial=2,legal=4 --cia C --controls 8.1,6.7',
  );

  const edit = addRiskFieldOptions(risk.command("edit <id>").description("change a risk; only the options given change, and new ratings are recorded in its history")).action(
    async (id: string, flags: RiskFlags, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const changes = riskInputFrom(flags, await loadPersonDirectory(isms.db, ws));
        if (Object.keys(changes).length === 0) throw new UsageError("Say what to change, e.g. --decision treat --controls 5.17,8.5");
        const saved = await isms.db.transaction((tx) => editRisk(tx, ws, id, changes, { actor: "cli" }));
        output.data(saved, () => `Changed ${id}.`);
      });
    },
  );
  withExamples(edit, "isms risk edit R-004 --decision treat --controls 5.17,8.5 --owner P-002");
}
