// What the dashboard shows, read in one pass: the readiness snapshot (one query per register) serves
// readiness, the SoA, the risks and the newest evidence of each kind; the calendar adds overdue activities.
// Computed once per change (workspace-views.ts), then narrowed per principal by `dashboardFor`.
import { loadCalendar } from "../../app/calendar.js";
import { loadWorkspaceSnapshot } from "../../app/readiness.js";
import { currentMethodology, type MethodologyVersion } from "../../app/risk-methodology.js";
import { can, type Principal, type Resource } from "../../domain/access/permissions.js";
import { daysBetween, type CalendarItem } from "../../domain/calendar/index.js";
import { isoDay, type Risk } from "../../domain/risk/index.js";
import { soaThemes, themeLabels } from "../../domain/soa/index.js";
import { freshUntil, isFresh } from "../../evidence/freshness.js";
import { evaluateReadiness, severities, type ReadinessReport, type SoaEntryView } from "../../readiness/index.js";
import { heatmap } from "./risk-views.js";
import { workspaceView } from "./workspace-views.js";

interface DashboardData {
  asOf: Date;
  readiness: ReadinessReport;
  soa: readonly SoaEntryView[];
  methodology: MethodologyVersion;
  risks: readonly Risk[];
  newestEvidence: readonly { id: string; kind: string; controlIds: readonly string[]; collectedAt: Date }[];
  overdue: readonly CalendarItem[];
}

/** The data, and the dashboard every role but an auditor sees (the same for all of them), made once. */
interface Dashboards {
  data: DashboardData;
  unbounded: Dashboard;
}

export const dashboardView = workspaceView(async (db, ws, asOf): Promise<Dashboards> => {
  const [snapshot, methodology, calendar] = await Promise.all([loadWorkspaceSnapshot(db, ws, { asOf }), currentMethodology(db, ws), loadCalendar(db, ws, { asOf: isoDay(asOf) })]);
  const data = {
    asOf,
    readiness: evaluateReadiness(snapshot),
    soa: snapshot.soa,
    methodology,
    risks: snapshot.risks,
    newestEvidence: snapshot.evidence,
    overdue: calendar.filter((item) => item.overdue).sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id, "en", { numeric: true })),
  };
  return { data, unbounded: dashboard(data, () => true, true) };
});

/** How many top findings each stage shows, and how many overdue activities: the worst, the oldest. */
export const topFindingsShown = 5;
export const overdueShown = 10;

type Dashboard = ReturnType<typeof dashboard>;
type Visible = (entity: "soa" | "risks" | "evidence" | "activities", resource: Resource) => boolean;

/**
 * The dashboard as `who` may see it. An auditor sees the SoA, risks, evidence and activities within
 * their audit (as can() says) and no readiness: that is the organization's own judgement of itself.
 */
export function dashboardFor(views: Dashboards, who: Principal): Dashboard {
  const bounded = (["soa", "risks", "evidence", "activities"] as const).some((entity) => {
    const decision = can(who, "read", entity);
    return !decision.allowed || decision.within !== undefined;
  });
  if (!bounded) return views.unbounded;
  return dashboard(views.data, (entity, resource) => can(who, "read", entity, resource).allowed, false);
}

function dashboard(data: DashboardData, sees: Visible, withReadiness: boolean) {
  const soa = data.soa.filter((e) => sees("soa", { id: e.controlId, controlIds: [e.controlId], owner: e.owner }));
  const risks = data.risks.filter((r) => sees("risks", { id: r.id, controlIds: r.controlIds, owner: r.owner ?? null }));
  const overdue = data.overdue.filter((item) => sees("activities", { id: item.id, owner: item.owner, on: item.due }));
  const asOf = isoDay(data.asOf);
  return {
    asOf: data.asOf.toISOString(),
    readiness: withReadiness ? readinessSummary(data.readiness) : null,
    soaByTheme: soaByTheme(soa),
    heatmaps: { inherent: heatmap(data.methodology, risks, "inherent"), residual: heatmap(data.methodology, risks, "residual") },
    evidenceFreshness: {
      controls: controlFreshness(soa),
      kinds: data.newestEvidence
        .filter((e) => sees("evidence", { id: e.id, controlIds: e.controlIds, on: isoDay(e.collectedAt) }))
        .map((e) => ({ kind: e.kind, newestId: e.id, collectedAt: e.collectedAt.toISOString(), freshUntil: freshUntil(e).toISOString(), fresh: isFresh(e, data.asOf) }))
        .sort((a, b) => Number(a.fresh) - Number(b.fresh) || a.kind.localeCompare(b.kind)),
    },
    overdueActivities: {
      total: overdue.length,
      oldest: overdue.slice(0, overdueShown).map((item) => ({ id: item.id, title: item.title, kind: item.kind, owner: item.owner, due: item.due, daysOverdue: daysBetween(item.due, asOf), basis: item.basis })),
    },
  };
}

function readinessSummary(report: ReadinessReport) {
  return report.stages.map((stage) => ({
    stage: stage.stage,
    score: stage.score,
    wouldFail: stage.wouldFail,
    findings: { "would-fail-stage1": stage.findings["would-fail-stage1"].length, major: stage.findings.major.length, minor: stage.findings.minor.length, observation: stage.findings.observation.length },
    topFindings: severities
      .flatMap((s) => stage.findings[s])
      .slice(0, topFindingsShown)
      .map((f) => ({ ruleId: f.ruleId, ruleTitle: f.ruleTitle, severity: f.severity, basis: f.basis, message: f.message, fix: f.fix, entity: f.entity })),
  }));
}

/** Per theme: how the controls are decided, and how those in the SoA (applicable or inherited) stand. */
function soaByTheme(entries: readonly SoaEntryView[]) {
  return soaThemes.flatMap((theme) => {
    const ofTheme = entries.filter((e) => e.theme === theme);
    if (ofTheme.length === 0) return [];
    const inSoa = ofTheme.filter((e) => e.applicability === "applicable" || e.applicability === "inherited");
    const counted = (status: SoaEntryView["implementationStatus"]) => inSoa.filter((e) => e.implementationStatus === status).length;
    return [
      {
        theme,
        label: themeLabels[theme],
        controls: ofTheme.length,
        applicable: ofTheme.filter((e) => e.applicability === "applicable").length,
        inherited: ofTheme.filter((e) => e.applicability === "inherited").length,
        notApplicable: ofTheme.filter((e) => e.applicability === "not_applicable").length,
        undecided: ofTheme.filter((e) => e.applicability === null).length,
        implemented: counted("implemented"),
        partiallyImplemented: counted("partially_implemented"),
        planned: counted("planned"),
        notImplemented: counted("not_implemented"),
        notAssessed: counted(null),
      },
    ];
  });
}

/** Controls in the SoA with fresh evidence, with only stale evidence, and with none. */
function controlFreshness(entries: readonly SoaEntryView[]) {
  const inSoa = entries.filter((e) => e.applicability === "applicable" || e.applicability === "inherited");
  const fresh = inSoa.filter((e) => e.evidence.some((x) => x.fresh)).length;
  const none = inSoa.filter((e) => e.evidence.length === 0).length;
  return { fresh, stale: inSoa.length - fresh - none, none };
}
