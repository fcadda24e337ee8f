// The `isms` command tree: global options and one module per command group.
import { registerCollectCommands } from "./collect.js";
import { Command } from "commander";
import { registerAssetCommands } from "./assets.js";
import { registerCatalogCommands } from "./catalog/index.js";
import { registerDemoCommand } from "./demo.js";
import { registerExclusionCommands } from "./exclusions.js";
import { registerInitCommand } from "./init.js";
import { registerPeopleCommands } from "./people.js";
import { registerTrainingCommands } from "./training.js";
import { registerSupplierCommands } from "./suppliers.js";
import { registerObjectiveCommands } from "./objectives.js";
import { registerAuditCommands } from "./audit.js";
import { registerAuditLogCommands } from "./audit-log.js";
import { registerFindingCommands } from "./finding.js";
import { registerActionCommands } from "./action.js";
import { registerCalendarCommands } from "./calendar.js";
import { registerPlanCommand } from "./plan.js";
import { registerReviewCommands } from "./review.js";
import { registerCycleCommands } from "./cycle.js";
import { registerReadinessCommand } from "./readiness.js";
import { registerRiskCommands } from "./risk/index.js";
import { registerScopeCommands } from "./scope.js";
import { registerPackageCommands } from "./package.js";
import { registerSimCommands } from "./sim.js";
import { registerSoaCommands } from "./soa/index.js";
import { registerDocsCommands } from "./docs/index.js";
import { registerTransferCommands } from "./transfer.js";
import { registerWorkspaceCommands } from "./workspace.js";
import { withExamples } from "./usage.js";
import { registerSampleCommands } from "./sample.js";
import { registerRequestCommands } from "./request.js";
import { registerEvidenceCommands } from "./evidence.js";
import { registerServeCommand } from "./serve.js";
import { registerAccountCommands } from "./account.js";

export function buildProgram(): Command {
  const program = new Command("isms")
    .description("OpenISMS: run an ISO/IEC 27001:2022 ISMS for a SaaS company on AWS")
    .version("0.1.0")
    .option("--json", "print data as JSON")
    .option("-w, --workspace <slug>", "the workspace to act on (needed when there are several; or ISMS_WORKSPACE)")
    .option("--data-dir <dir>", "the embedded database's folder (or ISMS_DATA_DIR; default ./.isms)")
    .option("--debug", "print stack traces of errors")
    .exitOverride()
    .showHelpAfterError("(add --help for usage)")
    .configureHelp({ showGlobalOptions: true });
  withExamples(program, "isms init --name 'Acme ISMS' --template aws-saas", "isms catalog control 8.24", "isms export --dir isms/");
  program.hook("preSubcommand", (_parent, sub) => {
    sub.exitOverride();
  });
  registerInitCommand(program);
  registerWorkspaceCommands(program);
  registerScopeCommands(program);
  registerAssetCommands(program);
  registerExclusionCommands(program);
  registerPeopleCommands(program);
  registerTrainingCommands(program);
  registerSupplierCommands(program);
  registerObjectiveCommands(program);
  registerAuditCommands(program);
  registerAuditLogCommands(program);
  registerFindingCommands(program);
  registerActionCommands(program);
  registerCalendarCommands(program);
  registerPlanCommand(program);
  registerReviewCommands(program);
  registerCycleCommands(program);
  registerRiskCommands(program);
  registerSoaCommands(program);
  registerDocsCommands(program);
  registerReadinessCommand(program);
  registerCollectCommands(program);
  registerEvidenceCommands(program);
  registerSampleCommands(program);
  registerRequestCommands(program);
  registerPackageCommands(program);
  registerTransferCommands(program);
  registerCatalogCommands(program);
  registerDemoCommand(program);
  registerSimCommands(program);
  registerServeCommand(program);
  registerAccountCommands(program);
  return program;
}
