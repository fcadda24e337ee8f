// Builds a large workspace for benchmarks: 2,000 people, 500 scored risks with treatment actions,
// 300 controls in the SoA (the 93 of Annex A and 207 of the workspace's own) and 50,000 evidence records.
import { createHash } from "node:crypto";
import { annexAControls } from "../src/catalog/annex-a.js";
import { currentMethodology } from "../src/app/risk-methodology.js";
import { rescoreWorkspaceRisks } from "../src/app/risks.js";
import { initWorkspace, resolveWorkspace, type Workspace } from "../src/app/workspaces.js";
import type { Db } from "../src/store/open.js";
import { controlImplementations, evidenceRecords, ownControls, people, risks, treatmentActions } from "../src/store/schema/index.js";

export interface LargeWorkspaceSize {
  people: number;
  risks: number;
  ownControls: number;
  evidence: number;
}

export const defaultSize: LargeWorkspaceSize = { people: 2_000, risks: 500, ownControls: 207, evidence: 50_000 };

const pad = (n: number, width = 4) => String(n).padStart(width, "0");

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 1_000): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function buildLargeWorkspace(db: Db, slug: string, size: LargeWorkspaceSize = defaultSize): Promise<Workspace> {
  await initWorkspace(db, { name: "Benchmark", slug, template: "blank" });
  const ws = await resolveWorkspace(db, slug);
  const workspaceId = ws.id;
  const categories = ["identity and access", "data protection", "availability", "application security", "personnel", "third party"];
  const controlIds = [...annexAControls.map((c) => c.id), ...Array.from({ length: size.ownControls }, (_, i) => `OWN-${pad(i + 1)}`)];

  await insertInChunks(
    Array.from({ length: size.people }, (_, i) => ({
      workspaceId,
      id: `P-${pad(i + 1)}`,
      name: `Person ${i + 1}`,
      email: `person${i + 1}@example.com`,
      role: i % 10 === 0 ? "Engineering lead" : "Engineer",
      startDate: `20${20 + (i % 6)}-0${1 + (i % 9)}-15`,
      ismsRoles: i % 50 === 0 ? ["risk-owner", "control-owner"] : [],
    })),
    (chunk) => db.insert(people).values(chunk),
  );
  await insertInChunks(
    Array.from({ length: size.ownControls }, (_, i) => ({ workspaceId, id: `OWN-${pad(i + 1)}`, title: `Own control ${i + 1}`, relatedControlId: annexAControls[i % annexAControls.length]?.id ?? null })),
    (chunk) => db.insert(ownControls).values(chunk),
  );
  await insertInChunks(
    Array.from({ length: size.risks }, (_, i) => ({
      workspaceId,
      id: `R-${pad(i + 1)}`,
      title: `Risk ${i + 1}`,
      category: categories[i % categories.length] ?? null,
      owner: `P-${pad(1 + ((i * 50) % size.people))}`,
      likelihood: 1 + (i % 5),
      impacts: { financial: 1 + ((i * 3) % 5), legal: 1 + ((i * 7) % 5) },
      decision: i % 4 === 0 ? ("tolerate" as const) : ("treat" as const),
      controlIds: [controlIds[i % controlIds.length] ?? "5.1", controlIds[(i * 7) % controlIds.length] ?? "8.24"],
      residualLikelihood: 1 + (i % 3),
      residualImpact: 1 + (i % 4),
      status: "open",
    })),
    (chunk) => db.insert(risks).values(chunk),
  );
  await insertInChunks(
    Array.from({ length: size.risks }, (_, i) => ({
      workspaceId,
      id: `T-${pad(i + 1)}`,
      riskId: `R-${pad(i + 1)}`,
      title: `Treatment of risk ${i + 1}`,
      controlIds: [controlIds[i % controlIds.length] ?? "5.1"],
      owner: `P-${pad(1 + ((i * 50) % size.people))}`,
      dueDate: i % 2 === 0 ? "2027-06-30" : "2026-06-30",
      status: i % 3 === 0 ? "done" : "planned",
    })),
    (chunk) => db.insert(treatmentActions).values(chunk),
  );
  await insertInChunks(
    controlIds.map((controlId, i) => ({
      workspaceId,
      id: `CI-${pad(i + 1)}`,
      controlId,
      applicability: i % 31 === 0 ? ("not_applicable" as const) : i % 17 === 0 ? ("inherited" as const) : ("applicable" as const),
      justification: `Justification for ${controlId}`,
      implementationStatus: ["implemented", "partially_implemented", "planned", "not_implemented"][i % 4] ?? "planned",
      owner: `P-${pad(1 + (i % size.people))}`,
    })),
    (chunk) => db.insert(controlImplementations).values(chunk),
  );
  const start = Date.parse("2026-01-01T00:00:00Z");
  await insertInChunks(
    Array.from({ length: size.evidence }, (_, i) => ({
      workspaceId,
      id: `E-${pad(i + 1, 6)}`,
      kind: i % 2 === 0 ? "aws-snapshot" : "check-result",
      title: `Evidence ${i + 1}`,
      controlIds: [controlIds[i % controlIds.length] ?? "5.1"],
      source: { kind: "benchmark", account: `1234567890${pad(i % 100, 2)}`, region: "eu-central-1" },
      collectedAt: new Date(start + (i % 330) * 86_400_000),
      sha256: createHash("sha256").update(String(i)).digest("hex"),
      path: `blobs/${i}`,
    })),
    (chunk) => db.insert(evidenceRecords).values(chunk),
    2_000,
  );
  const methodology = await currentMethodology(db, ws);
  await db.transaction((tx) => rescoreWorkspaceRisks(tx, ws, { methodology: methodology.body, version: methodology.version, reason: "initial", at: new Date(), by: null, countsAsReview: true }));
  return ws;
}
