// Who may do what in a workspace: the roles, the entities and actions, and the one table that joins
// them (A.5.15 access control, A.5.18 access rights, A.8.2 privileged access). Pure: no I/O.
import { z } from "zod";

export const roles = ["administrator", "editor", "control-owner", "auditor", "viewer"] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const actions = ["read", "create", "update", "delete", "approve", "export", "comment"] as const;
export type Action = (typeof actions)[number];

/**
 * What each entity admits. `approve`: a risk owner's acceptance or treatment plan (6.1.3), a published
 * SoA version, a document, a corrective action's closure, review minutes, the scope. `comment`: notes
 * beside a record, as auditors leave them.
 */
export const entityActions = {
  workspace: ["read", "update", "delete", "export"],
  accounts: ["read", "create", "update", "delete"],
  "audit-log": ["read", "export"],
  people: ["read", "create", "update", "delete", "export"],
  scope: ["read", "update", "approve", "export", "comment"],
  assets: ["read", "create", "update", "delete", "export", "comment"],
  risks: ["read", "create", "update", "delete", "approve", "export", "comment"],
  soa: ["read", "create", "update", "approve", "export", "comment"],
  documents: ["read", "create", "update", "delete", "approve", "export", "comment"],
  evidence: ["read", "create", "update", "delete", "export", "comment"],
  "evidence-requests": ["read", "create", "update", "delete", "export", "comment"],
  audits: ["read", "create", "update", "delete", "export", "comment"],
  findings: ["read", "create", "update", "delete", "export", "comment"],
  actions: ["read", "create", "update", "delete", "approve", "export", "comment"],
  reviews: ["read", "create", "update", "delete", "approve", "export", "comment"],
  suppliers: ["read", "create", "update", "delete", "export", "comment"],
  training: ["read", "create", "update", "delete", "export"],
  objectives: ["read", "create", "update", "delete", "export", "comment"],
  activities: ["read", "create", "update", "delete", "export"],
} as const satisfies Record<string, readonly Action[]>;
export type Entity = keyof typeof entityActions;
export const entities = Object.keys(entityActions).filter((key): key is Entity => key in entityActions);

/** What an auditor account may see: one audit's controls and clauses, over its period. */
export const auditScope = z.object({
  auditId: z.string().min(1),
  /** Annex A control ids ("5.15"); empty: the audit covers no control. */
  controls: z.array(z.string()),
  /** Clause ids ("9.2"). */
  clauses: z.array(z.string()),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
});
export type AuditScope = z.infer<typeof auditScope>;

/** An account acting in one workspace, with its role there. */
export const principal = z.object({
  workspaceId: z.string().min(1),
  role,
  /** The account's person in the people register: what a control owner owns is owned by this id. */
  personId: z.string().min(1).nullish(),
  /** For an auditor: the audit whose scope and period bound what they see. */
  audit: auditScope.nullish(),
});
export type Principal = z.infer<typeof principal>;

/** The record acted on, as far as the decision needs it. */
export interface Resource {
  /** For messages: "R-001". */
  id?: string;
  workspaceId?: string;
  /** The owner's person id (risk owner, control owner, document owner, action owner). */
  owner?: string | null;
  controlIds?: readonly string[];
  clauses?: readonly string[];
  /** The day the record is about (evidence collected, training completed, entry written), YYYY-MM-DD. */
  on?: string;
  /** For audits, findings and evidence requests: the audit they belong to. */
  auditId?: string | null;
}

export interface Decision {
  allowed: boolean;
  /** Why, in words a person can act on. */
  reason: string;
  /** When allowed only within an audit's scope and period: lists must be filtered to it. */
  within?: AuditScope;
}

/**
 * How a role holds an action on an entity: `yes`; `own`, on records whose owner is the account's
 * person; `audit`, within the auditor's audit scope and period; absent, not at all.
 */
type Grant = "yes" | "own" | "audit";
type Grants = Partial<Record<Entity, Partial<Record<Action, Grant>>>>;

const every = (grant: Grant, only: (action: Action) => boolean = () => true): Grants =>
  Object.fromEntries(entities.map((entity) => [entity, Object.fromEntries(entityActions[entity].filter(only).map((a) => [a, grant]))]));

const readAndExport = (action: Action) => action === "read" || action === "export";
const ownable = { update: "own", comment: "own" } as const;

/** THE table: every permission of every role. */
const policy: Record<Role, Grants> = {
  administrator: every("yes"),
  editor: { ...every("yes"), workspace: { read: "yes", update: "yes", export: "yes" }, accounts: { read: "yes" } },
  "control-owner": {
    ...every("yes", readAndExport),
    workspace: { read: "yes" },
    accounts: {},
    "audit-log": {},
    risks: { read: "yes", export: "yes", ...ownable, approve: "own" },
    soa: { read: "yes", export: "yes", ...ownable },
    documents: { read: "yes", export: "yes", ...ownable },
    actions: { read: "yes", export: "yes", ...ownable },
    evidence: { read: "yes", export: "yes", create: "own", ...ownable },
    "evidence-requests": { read: "yes", export: "yes", ...ownable },
    activities: { read: "yes", export: "yes", update: "own" },
  },
  auditor: {
    ...every("audit", (action) => readAndExport(action) || action === "comment"),
    workspace: { read: "yes" },
    accounts: {},
    "evidence-requests": { read: "audit", export: "audit", comment: "audit", create: "audit" },
  },
  viewer: { ...every("yes", readAndExport), workspace: { read: "yes" }, accounts: {}, "audit-log": {} },
};

const roleNames: Record<Role, string> = {
  administrator: "Administrators",
  editor: "Editors",
  "control-owner": "Control owners",
  auditor: "Auditors",
  viewer: "Viewers",
};

/** "risks" → "risks", "evidence-requests" → "evidence requests", "soa" → "the SoA", "scope" → "the scope". */
const singular: Partial<Record<Entity, string>> = { soa: "the SoA", "audit-log": "the audit log", scope: "the scope", workspace: "the workspace" };
const entityName = (entity: Entity) => singular[entity] ?? entity.replace("-", " ");
const named = (entity: Entity, resource: Resource | undefined) => (resource?.id ? `${resource.id}` : entityName(entity));

/** Whether `who` may do `action` on `entity` (on `resource` when given), and why. */
export function can(who: Principal, action: Action, entity: Entity, resource?: Resource): Decision {
  const admitted: readonly Action[] = entityActions[entity];
  if (!admitted.includes(action)) {
    return deny(`${entityName(entity)} cannot be given "${action}"; what can be done to ${entityName(entity)}: ${admitted.join(", ")}`);
  }
  if (resource?.workspaceId !== undefined && resource.workspaceId !== who.workspaceId) {
    return deny(`${named(entity, resource)} belongs to another workspace; switch to that workspace, where your role there applies`);
  }
  const grant = policy[who.role][entity]?.[action];
  if (grant === undefined) return deny(refusal(who.role, action, entity));
  if (grant === "yes") return { allowed: true, reason: `${roleNames[who.role]} may ${action} ${entityName(entity)}` };
  if (grant === "own") return ownerDecision(who, action, entity, resource);
  return auditDecision(who, action, entity, resource);
}

/** Every action `who` may take on `entity` (on `resource` when given): what a screen offers. */
export function permittedActions(who: Principal, entity: Entity, resource?: Resource): Action[] {
  return entityActions[entity].filter((action) => can(who, action, entity, resource).allowed);
}

function deny(reason: string): Decision {
  return { allowed: false, reason };
}

/** "administrators and editors": the roles that hold `action` on `entity` in some way. */
function holders(action: Action, entity: Entity): string {
  const names = roles.filter((r) => policy[r][entity]?.[action] !== undefined).map((r) => roleNames[r].toLowerCase());
  return names.length <= 1 ? (names[0] ?? "no one") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

function refusal(r: Role, action: Action, entity: Entity): string {
  const what = `${action} ${entityName(entity)}`;
  const others = `only ${holders(action, entity)} may`;
  if (r === "auditor" && action !== "read" && action !== "export") {
    return `Auditors only read, comment and raise evidence requests, and cannot ${what}; raise an evidence request or tell the ISMS owner what should change`;
  }
  if (r === "control-owner" && action !== "read" && action !== "export") {
    return `Control owners change only what they own and cannot ${what}: ${others}; ask one of them`;
  }
  return `${roleNames[r]} cannot ${what}: ${others}; ask an administrator of the workspace`;
}

function ownerDecision(who: Principal, action: Action, entity: Entity, resource: Resource | undefined): Decision {
  const what = `${action} ${entityName(entity)}`;
  if (!who.personId) return deny(`Control owners ${what} they own, and this account is linked to no person in the people register; ask an administrator to link it`);
  if (!resource) return deny(`Control owners ${what} only when they own the record: say which one`);
  if (resource.owner === who.personId) return { allowed: true, reason: `${named(entity, resource)} is owned by ${who.personId}, this account's person` };
  const owner = resource.owner ? `is owned by ${resource.owner}, not by you (${who.personId})` : "has no owner";
  return deny(`Control owners change only what they own: ${named(entity, resource)} ${owner}; ask its owner or an editor`);
}

function auditDecision(who: Principal, action: Action, entity: Entity, resource: Resource | undefined): Decision {
  const audit = who.audit;
  if (!audit) return deny("This auditor account is given no audit, so it sees nothing; ask an administrator to give it the audit it is for");
  const period = `${audit.periodStart} to ${audit.periodEnd}`;
  if (!resource) return { allowed: true, reason: `Auditors ${action} ${entityName(entity)} within audit ${audit.auditId} (${period})`, within: audit };
  const name = named(entity, resource);
  if (resource.auditId && resource.auditId !== audit.auditId) return deny(`${name} belongs to audit ${resource.auditId}; this account audits ${audit.auditId} only`);
  if (entity === "audits" && resource.id !== undefined && resource.id !== audit.auditId) return deny(`${name} is another audit; this account audits ${audit.auditId} only`);
  const outside = outsideScope(audit, resource);
  if (outside) return deny(`${name} ${outside}; ask the ISMS owner if the audit needs it`);
  if (resource.on !== undefined && (resource.on < audit.periodStart || resource.on > audit.periodEnd)) {
    return deny(`${name} is dated ${resource.on}, outside the period of audit ${audit.auditId} (${period}); ask the ISMS owner if the audit needs it`);
  }
  return { allowed: true, reason: `${name} is within audit ${audit.auditId} (${period})`, within: audit };
}

/** Why the record falls outside the audit's controls and clauses; undefined when it touches one (or names none). */
function outsideScope(audit: AuditScope, resource: Resource): string | undefined {
  const controls = resource.controlIds ?? [];
  const clauses = resource.clauses ?? [];
  if (controls.length === 0 && clauses.length === 0) return undefined;
  const touches = controls.some((c) => audit.controls.includes(c)) || clauses.some((c) => audit.clauses.some((a) => c === a || c.startsWith(`${a}.`)));
  if (touches) return undefined;
  const about = [...controls, ...clauses].join(", ");
  const covered = [...audit.controls, ...audit.clauses].join(", ") || "nothing";
  return `is about ${about}, outside audit ${audit.auditId} (which covers ${covered})`;
}
