// What the web app reads from the HTTP API, as zod schemas: the fields the screens use, in the shapes of
// the server's route schemas (src/server/**). Answers are parsed with them, so a drifted API fails loudly.
import { z } from "zod";
import { roles } from "../../domain/access/permissions.js";
import { riskDecisions } from "../../domain/risk/methodology.js";
import { riskStatuses, treatmentActionStatuses } from "../../domain/risk/risk.js";
import { implementationStatuses, reasonKinds, soaApplicabilities, soaThemes, statusSources } from "../../domain/soa/entry.js";

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

export const accountSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });

const auditScopeSchema = z.object({ auditId: z.string(), controls: z.array(z.string()), clauses: z.array(z.string()), periodStart: z.string(), periodEnd: z.string() });

export const membershipSchema = z.object({
  slug: z.string(),
  name: z.string(),
  companyName: z.string(),
  role: z.enum(roles),
  /** The account's person in the people register: what a control owner owns. Optional until the API says it. */
  personId: z.string().nullish(),
  /** For an auditor: the audit whose scope and period bound what they see. */
  audit: auditScopeSchema.nullish(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const meSchema = z.object({ account: accountSchema, workspaces: z.array(membershipSchema), csrfToken: z.string() });
export type Me = z.infer<typeof meSchema>;

export const sessionSchema = z.object({ account: accountSchema, csrfToken: z.string(), expiresAt: z.string() });
export const setupNeededSchema = z.object({ needed: z.boolean() });

export const riskSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  category: z.string().nullable(),
  threat: z.string().nullable(),
  vulnerability: z.string().nullable(),
  owner: z.string().nullable(),
  likelihood: z.number().nullable(),
  impacts: z.record(z.string(), z.number()),
  impact: z.number().nullable(),
  inherentScore: z.number().nullable(),
  inherentBand: z.string().nullable(),
  decision: z.enum(riskDecisions).nullable(),
  controlIds: z.array(z.string()),
  residualLikelihood: z.number().nullable(),
  residualImpacts: z.record(z.string(), z.number()),
  residualImpact: z.number().nullable(),
  residualScore: z.number().nullable(),
  residualBand: z.string().nullable(),
  status: z.enum(riskStatuses),
  planApprovedBy: z.string().nullable(),
  residualAcceptedBy: z.string().nullable(),
  nextReview: z.string().nullable(),
});
export type Risk = z.infer<typeof riskSchema>;

/** A risk as the register's list answers it (thousands at a time): GET one risk for every field. */
export const riskRowSchema = riskSchema.pick({
  id: true,
  title: true,
  category: true,
  owner: true,
  likelihood: true,
  impact: true,
  inherentScore: true,
  inherentBand: true,
  decision: true,
  controlIds: true,
  residualLikelihood: true,
  residualImpact: true,
  residualScore: true,
  residualBand: true,
  status: true,
  nextReview: true,
});
export type RiskRow = z.infer<typeof riskRowSchema>;

export const riskListSchema = z.object({ risks: z.array(riskRowSchema), total: z.number() });
export const riskAnswerSchema = z.object({ risk: riskSchema });

export const treatmentActionSchema = z.object({
  id: z.string(),
  riskId: z.string(),
  title: z.string(),
  controlIds: z.array(z.string()),
  owner: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(treatmentActionStatuses),
});
export type TreatmentAction = z.infer<typeof treatmentActionSchema>;

export const riskDetailSchema = z.object({
  risk: riskSchema,
  actions: z.array(treatmentActionSchema),
  history: z.array(z.object({ likelihood: z.number(), impact: z.number(), score: z.number(), residualScore: z.number().nullable(), assessedAt: z.string(), assessedBy: z.string().nullable(), reason: z.string() })),
  findings: z.array(z.object({ rule: z.string(), severity: z.enum(["error", "warning"]), message: z.string() })),
});
export type RiskDetail = z.infer<typeof riskDetailSchema>;

const level = z.object({ value: z.number(), label: z.string() });

export const heatmapSchema = z.object({
  kind: z.enum(["inherent", "residual"]),
  likelihoodLevels: z.array(level),
  impactLevels: z.array(level),
  bands: z.array(z.object({ id: z.string(), label: z.string(), colour: z.string(), min: z.number(), max: z.number() })),
  cells: z.array(z.object({ likelihood: z.number(), impact: z.number(), score: z.number(), band: z.string(), count: z.number(), riskIds: z.array(z.string()) })),
  unrated: z.array(z.string()),
});
export type Heatmap = z.infer<typeof heatmapSchema>;

export const treatmentPlanSchema = z.object({
  acceptanceThreshold: z.number(),
  risks: z.array(
    z.object({ risk: riskSchema, actions: z.array(treatmentActionSchema), actionsDone: z.number(), planApproved: z.boolean(), residualAccepted: z.boolean(), missing: z.string().nullable() }),
  ),
});
export type TreatmentPlan = z.infer<typeof treatmentPlanSchema>;

export const soaRowSchema = z.object({
  controlId: z.string(),
  title: z.string(),
  theme: z.enum(soaThemes),
  attributes: z.array(z.string()),
  applicability: z.enum(soaApplicabilities).nullable(),
  reasons: z.array(z.object({ kind: z.enum(reasonKinds), ref: z.string().optional() })),
  justification: z.string(),
  implementationStatus: z.enum(implementationStatuses).nullable(),
  statusSource: z.enum(statusSources),
  statusOverrideReason: z.string().nullable(),
  owner: z.string().nullable(),
  ownerName: z.string().nullable(),
  implementationDescription: z.string().nullable(),
  reference: z.string().nullable(),
  treatedRiskIds: z.array(z.string()),
  evidence: z.object({ count: z.number(), fresh: z.number(), newest: z.string().nullable() }),
  automatedChecks: z.object({ collectedAt: z.string(), checks: z.array(z.string()), passed: z.number(), failed: z.number() }).nullable(),
});
export type SoaRow = z.infer<typeof soaRowSchema>;

export const soaListSchema = z.object({ controls: z.array(soaRowSchema), total: z.number() });
export const soaAnswerSchema = z.object({ control: soaRowSchema });

export const soaControlSchema = z.object({
  control: soaRowSchema,
  evidence: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string().nullable(), collectedAt: z.string(), fresh: z.boolean(), source: z.string() })),
  checkResults: z.array(z.object({ checkId: z.string(), passed: z.boolean(), account: z.string(), region: z.string(), resource: z.string(), detail: z.string() })),
});
export type SoaControl = z.infer<typeof soaControlSchema>;

const count = z.number();

export const dashboardSchema = z.object({
  asOf: z.string(),
  readiness: z
    .array(
      z.object({
        stage: z.string(),
        score: z.number(),
        wouldFail: z.boolean(),
        findings: z.object({ "would-fail-stage1": count, major: count, minor: count, observation: count }),
        topFindings: z.array(z.object({ ruleId: z.string(), ruleTitle: z.string(), severity: z.string(), basis: z.string(), message: z.string(), fix: z.string() })),
      }),
    )
    .nullable(),
  soaByTheme: z.array(
    z.object({
      theme: z.enum(soaThemes),
      label: z.string(),
      controls: count,
      applicable: count,
      inherited: count,
      notApplicable: count,
      undecided: count,
      implemented: count,
      partiallyImplemented: count,
      planned: count,
      notImplemented: count,
      notAssessed: count,
    }),
  ),
  heatmaps: z.object({ inherent: heatmapSchema, residual: heatmapSchema }),
  evidenceFreshness: z.object({
    controls: z.object({ fresh: count, stale: count, none: count }),
    kinds: z.array(z.object({ kind: z.string(), newestId: z.string(), collectedAt: z.string(), freshUntil: z.string(), fresh: z.boolean() })),
  }),
  overdueActivities: z.object({
    total: count,
    /** The longest overdue, first. */
    oldest: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string(), owner: z.string().nullable(), due: z.string(), daysOverdue: count, basis: z.string() })),
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const historySchema = z.object({
  entries: z.array(
    z.object({
      seq: z.number(),
      at: z.string(),
      actor: z.string(),
      action: z.string(),
      changes: z.array(z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })),
    }),
  ),
  total: z.number(),
});
export type History = z.infer<typeof historySchema>;

// Documents (7.5): the mandatory-documents checklist, the register, one document with its versions.
const checklistEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  refs: z.array(z.string()),
  state: z.enum(["missing", "draft", "in_review", "approved", "published", "superseded", "generated"]),
  documents: z.array(z.object({ id: z.string(), title: z.string(), version: z.string().nullable(), status: z.string() })),
  missing: z.array(z.string()),
});
export type ChecklistEntry = z.infer<typeof checklistEntrySchema>;

export const documentSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  owner: z.string().nullable(),
  approver: z.string().nullable(),
  classification: z.string().nullable(),
  clauses: z.array(z.string()),
  controls: z.array(z.string()),
  nextReview: z.string().nullable(),
  status: z.string(),
  versionInForce: z.string().nullable(),
});
export type DocumentRow = z.infer<typeof documentSchema>;

export const documentListSchema = z.object({ asOf: z.string(), required: z.array(checklistEntrySchema), other: z.array(checklistEntrySchema), documents: z.array(documentSchema) });
export type DocumentList = z.infer<typeof documentListSchema>;

export const documentVersionSchema = z.object({
  version: z.string(),
  status: z.string(),
  changeSummary: z.string().nullable(),
  author: z.string().nullable(),
  createdAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  sha256: z.string().nullable(),
});
export type DocumentVersion = z.infer<typeof documentVersionSchema>;
export const documentDetailSchema = z.object({ document: documentSchema, versions: z.array(documentVersionSchema), body: z.string().nullable() });
export type DocumentDetail = z.infer<typeof documentDetailSchema>;
export const documentVersionAnswerSchema = z.object({ documentId: z.string(), version: documentVersionSchema });

// Evidence (7.5.3, 9.1) and the auditor's evidence requests.
export const evidenceSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string().nullable(),
  controlIds: z.array(z.string()),
  collectedAt: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  source: z.record(z.string(), z.unknown()),
  sha256: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;
export const evidenceListSchema = z.object({ evidence: z.array(evidenceSchema), total: z.number() });
export const evidenceAnswerSchema = z.object({ evidence: evidenceSchema });

export const evidenceRequestSchema = z.object({
  id: z.string(),
  topic: z.string(),
  question: z.string(),
  item: z.string(),
  controlIds: z.array(z.string()),
  status: z.string(),
  evidenceIds: z.array(z.string()),
  note: z.string().nullable(),
  requestedOn: z.string(),
  providedOn: z.string().nullable(),
  providedBy: z.string().nullable(),
});
export type EvidenceRequest = z.infer<typeof evidenceRequestSchema>;
export const evidenceRequestListSchema = z.object({ requests: z.array(evidenceRequestSchema) });
export const evidenceRequestAnswerSchema = z.object({ request: evidenceRequestSchema });

// Audits (9.2), their findings and the corrective actions log (10.2).
export const auditSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  status: z.string(),
  scope: z.string().nullable(),
  auditor: z.string().nullable(),
  controls: z.array(z.string()),
  clauses: z.array(z.string()),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  criteria: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  reportRef: z.string().nullable(),
});
export type Audit = z.infer<typeof auditSchema>;
/** One line of an audit's checklist: the clause or control, what was sampled and seen, and the verdict. */
export const checklistItemSchema = z.object({ requirement: z.string(), sampled: z.string().nullable(), observed: z.string().nullable(), result: z.string(), evidenceRefs: z.array(z.string()) });
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export const findingSchema = z.object({
  id: z.string(),
  auditId: z.string(),
  kind: z.string(),
  requirement: z.string().nullable(),
  description: z.string(),
  status: z.string(),
  raisedOn: z.string().nullable(),
  dueDate: z.string().nullable(),
});
export type Finding = z.infer<typeof findingSchema>;
export const correctiveActionSchema = z.object({
  id: z.string(),
  findingId: z.string().nullable(),
  description: z.string(),
  owner: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.string(),
  closedAt: z.string().nullable(),
  effective: z.boolean().nullable(),
});
export type CorrectiveAction = z.infer<typeof correctiveActionSchema>;
export const auditListSchema = z.object({ audits: z.array(auditSchema) });
export const auditDetailSchema = z.object({ audit: auditSchema, checklist: z.array(checklistItemSchema), findings: z.array(findingSchema) });
export const findingListSchema = z.object({ findings: z.array(findingSchema) });
export const correctiveActionListSchema = z.object({ actions: z.array(correctiveActionSchema) });
