// Indexes over a snapshot that several rules share — people by id or name, the SoA by control, the
// parsed methodology, the risk register's own rule findings — built once per snapshot.
import {
  addMonths,
  checkRisks,
  defaultMethodology,
  formatIssuePath,
  isoDay,
  methodologySchema,
  type Methodology,
  type RiskFinding,
  type RiskRuleId,
} from "../domain/risk/index.js";
import type { PersonView, SoaEntryView, WorkspaceSnapshot } from "./snapshot.js";

export interface Lookups {
  /** The snapshot's day, "YYYY-MM-DD". */
  today: string;
  /** The day twelve months before it: anything on or after it is "within 12 months". */
  yearAgo: string;
  personById: ReadonlyMap<string, PersonView>;
  /** A person by id, name or email, ignoring case (minutes and audits write names). */
  findPerson(idOrName: string): PersonView | undefined;
  /** People working under the ISMS today: started (or no date) and not yet left. */
  activePeople: readonly PersonView[];
  /** Active people holding an ISMS role. */
  holders(role: string): PersonView[];
  soaByControl: ReadonlyMap<string, SoaEntryView>;
  /** The methodology in force, when it is there and valid. */
  methodology: Methodology | null;
  /** Why the stored methodology is not valid ("bands[2].max: …"); empty when it is, or when there is none. */
  methodologyIssues: readonly string[];
  /** What the risk register's own rules (domain/risk) find, by rule. */
  riskFindings(rule: RiskRuleId): readonly RiskFinding[];
}

// These domain rules read the methodology's threshold or review interval; without a valid methodology they say nothing.
const methodologyDependent: ReadonlySet<RiskRuleId> = new Set(["decision-required", "residual-acceptance", "review-overdue"]);

const cache = new WeakMap<WorkspaceSnapshot, Lookups>();

/** The lookups of `snapshot`, computed on first use. */
export function lookupsOf(snapshot: WorkspaceSnapshot): Lookups {
  const cached = cache.get(snapshot);
  if (cached) return cached;
  const built = buildLookups(snapshot);
  cache.set(snapshot, built);
  return built;
}

function buildLookups(snapshot: WorkspaceSnapshot): Lookups {
  const today = isoDay(snapshot.asOf);
  const personById = new Map(snapshot.people.map((p) => [p.id, p]));
  const byKey = new Map<string, PersonView>();
  for (const p of snapshot.people) {
    for (const key of [p.id, p.name, p.email]) if (key) byKey.set(key.trim().toLowerCase(), p);
  }
  const activePeople = snapshot.people.filter((p) => (!p.startDate || p.startDate <= today) && (!p.endDate || p.endDate >= today));

  const parsed = snapshot.methodology ? methodologySchema.safeParse(snapshot.methodology.body) : null;
  const methodology = parsed?.success ? parsed.data : null;
  const methodologyIssues = parsed && !parsed.success ? parsed.error.issues.map((i) => `${formatIssuePath(i.path) || "methodology"}: ${i.message}`) : [];

  const all = checkRisks(methodology ?? defaultMethodology(), snapshot.risks, snapshot.treatmentActions, {
    today: snapshot.asOf,
    ownControlIds: snapshot.ownControls.map((c) => c.id),
  });
  const findingsByRule = new Map<RiskRuleId, RiskFinding[]>();
  for (const finding of all) {
    if (!methodology && methodologyDependent.has(finding.rule)) continue;
    findingsByRule.set(finding.rule, [...(findingsByRule.get(finding.rule) ?? []), finding]);
  }

  return {
    today,
    yearAgo: addMonths(today, -12),
    personById,
    findPerson: (idOrName) => byKey.get(idOrName.trim().toLowerCase()),
    activePeople,
    holders: (role) => activePeople.filter((p) => p.ismsRoles.includes(role)),
    soaByControl: new Map(snapshot.soa.map((e) => [e.controlId, e])),
    methodology,
    methodologyIssues,
    riskFindings: (rule) => findingsByRule.get(rule) ?? [],
  };
}

/** True when `day` ("YYYY-MM-DD") lies in the twelve months up to and including the snapshot's day. */
export function withinYear(day: string | null | undefined, lookups: Lookups): boolean {
  return day !== null && day !== undefined && day >= lookups.yearAgo && day <= lookups.today;
}

/** The calendar day of an instant, or null. */
export function dayOf(instant: Date | null | undefined): string | null {
  return instant ? isoDay(instant) : null;
}

/** Empty, or a placeholder a person left to fill in later. */
export function isBlank(text: string | null | undefined): boolean {
  const trimmed = text?.trim().toLowerCase() ?? "";
  return trimmed === "" || placeholders.has(trimmed);
}

const placeholders = new Set(["-", "–", "?", "n/a", "na", "none", "tbd", "tbc", "todo", "to do", "x", "xxx", "..."]);
