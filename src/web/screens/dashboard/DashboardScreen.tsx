// The dashboard: where the ISMS stands before the auditor looks — readiness per stage with the top
// findings, the SoA by theme, the risk heat maps, evidence freshness and overdue activities.
import { fetchDashboard } from "../../api/endpoints.js";
import type { Dashboard } from "../../api/schemas.js";
import { hrefOf } from "../../app/router.js";
import { useWorkspace } from "../../app/session.js";
import { useResource } from "../../app/use-resource.js";
import { Heatmap } from "../../components/Heatmap.js";
import { WhenLoaded } from "../../components/Notes.js";
import { EvidenceFreshness, OverdueActivities } from "./Activity.js";
import { Readiness } from "./Readiness.js";
import { SoaByTheme } from "./SoaByTheme.js";

export function DashboardScreen() {
  const { workspace, membership } = useWorkspace();
  const dashboard = useResource(`dashboard ${workspace}`, () => fetchDashboard(workspace));
  return (
    <main className="page" aria-labelledby="dashboard-title">
      <div className="page-head">
        <h1 id="dashboard-title">Dashboard</h1>
        <span className="muted">{membership.companyName}</span>
        <span className="spacer" />
        <button type="button" onClick={dashboard.reload}>
          Refresh
        </button>
      </div>
      <WhenLoaded loaded={dashboard.loaded} what="the dashboard">
        {(d) => <DashboardBody dashboard={d} workspace={workspace} />}
      </WhenLoaded>
    </main>
  );
}

function DashboardBody({ dashboard, workspace }: { dashboard: Dashboard; workspace: string }) {
  return (
    <div className="dashboard">
      {dashboard.readiness ? <Readiness stages={dashboard.readiness} /> : null}
      <section className="card" aria-labelledby="soa-theme-title">
        <h2 id="soa-theme-title">
          Statement of Applicability by theme <a className="quiet small" href={hrefOf({ page: "section", workspace, section: "soa" })}>open the SoA</a>
        </h2>
        <SoaByTheme themes={dashboard.soaByTheme} />
      </section>
      <section className="card" aria-labelledby="heatmaps-title">
        <h2 id="heatmaps-title">
          Risk heat maps <a className="quiet small" href={hrefOf({ page: "section", workspace, section: "risks" })}>open the register</a>
        </h2>
        <div className="heatmaps">
          <Heatmap heatmap={dashboard.heatmaps.inherent} title="Inherent risk" />
          <Heatmap heatmap={dashboard.heatmaps.residual} title="Residual risk" />
        </div>
      </section>
      <EvidenceFreshness freshness={dashboard.evidenceFreshness} asOf={dashboard.asOf} />
      <OverdueActivities activities={dashboard.overdueActivities} />
    </div>
  );
}
