// Evidence over the HTTP API, on both databases: the records and their filters, one record's metadata,
// its bytes read back and checked against their hash (a changed blob is refused), and the auditor's
// evidence requests raised and provided — for every role, an auditor held to their audit's controls
// and period, a control owner to the requests of controls they own, another workspace kept out (404),
// and bad bodies named by field.
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { addAudit } from "../src/app/audits/audits.js";
import { addEntry } from "../src/app/entries.js";
import { getEvidenceRequest } from "../src/app/evidence-requests.js";
import { setSoaEntry } from "../src/app/soa.js";
import type { Workspace } from "../src/app/workspaces.js";
import { createBlobStore, type BlobStore } from "../src/evidence/blobs.js";
import { recordEvidence } from "../src/evidence/records.js";
import { createApp } from "../src/server/app.js";
import { evidenceListSchema, evidenceRequestSchema, evidenceSchema, requestListSchema } from "../src/server/routes/evidence-schemas.js";
import { bodyOf, describeEachApi, origin, type ApiClient, type TestApi, expectProblem, expectFieldProblem } from "./helpers/api.js";

let blobRoot: string;
let blobs: BlobStore;
beforeAll(async () => {
  blobRoot = await mkdtemp(join(tmpdir(), "isms-api-evidence-"));
  blobs = createBlobStore(blobRoot);
});
afterAll(() => rm(blobRoot, { recursive: true, force: true }));

interface Team {
  ws: Workspace;
  admin: ApiClient;
  editor: ApiClient;
  /** Linked to P-001, who owns control 8.5 and not 5.15 (owned by P-002). */
  owner: ApiClient;
  /** Audits AUD-001: control 8.5 over 2026. */
  auditor: ApiClient;
  viewer: ApiClient;
  stranger: ApiClient;
  /** The test API's app has no evidence folder: this one over the same store has `blobs`. */
  withBlobs: ReturnType<typeof createApp>;
}

/**
 * E-001: 8.5 in 2026 (within the audit); E-002: 5.15 in 2026 (another control); E-003: 8.5 in 2025
 * (before the audit's period); E-004: 8.5 in 2026, a file whose blob a test changes.
 */
async function team(api: TestApi): Promise<Team> {
  const admin = await api.setUpAdmin();
  const ws = await api.workspace({ template: "blank" });
  await api.db.transaction(async (tx) => {
    await addEntry(tx, ws, "people", { name: "Olivia Owner" }, { actor: "test", idPrefix: "P" });
    await addEntry(tx, ws, "people", { name: "Oscar Other" }, { actor: "test", idPrefix: "P" });
    await setSoaEntry(tx, ws, "8.5", { applicability: "applicable", reasons: [{ kind: "business" }], owner: "P-001" }, { actor: "test" });
    await setSoaEntry(tx, ws, "5.15", { applicability: "applicable", reasons: [{ kind: "business" }], owner: "P-002" }, { actor: "test" });
    await addAudit(tx, ws, { title: "Stage 2", kind: "stage2", auditor: "Certification body", plannedStart: "2026-01-01", plannedEnd: "2026-12-31", controls: ["8.5"] }, { actor: "test" });
    const evidence = [
      { kind: "access-review", title: "MFA report June", controlIds: ["8.5"], collectedAt: new Date("2026-06-01T09:00:00Z"), content: { users: 12, withoutMfa: 0 } },
      { kind: "access-review", title: "Access rights review", controlIds: ["5.15"], collectedAt: new Date("2026-06-02T09:00:00Z"), content: { reviewed: 40 } },
      { kind: "access-review", title: "MFA report 2025", controlIds: ["8.5"], collectedAt: new Date("2025-05-01T09:00:00Z"), content: { users: 9, withoutMfa: 1 } },
      { kind: "upload", title: "Sign-in policy screenshot", controlIds: ["8.5"], collectedAt: new Date("2026-07-01T09:00:00Z"), content: Buffer.from(`PNG ${ws.slug}`), mediaType: "image/png" },
    ];
    for (const e of evidence) await recordEvidence(tx, ws, blobs, { ...e, source: { kind: "upload", uploader: "P-001" } });
  });
  const other = await api.workspace({ template: "blank" });
  return {
    ws,
    admin,
    editor: await api.member("editor", ws),
    owner: await api.member("control-owner", ws, { personId: "P-001" }),
    auditor: await api.member("auditor", ws, { auditId: "AUD-001" }),
    viewer: await api.member("viewer", ws),
    stranger: await api.member("administrator", other),
    withBlobs: createApp({ db: api.db, blobs, webRoot: null }),
  };
}

const idsOf = async (response: Response) => (await bodyOf(response, evidenceListSchema)).evidence.map((e) => e.id);

describeEachApi("the evidence API", (getApi) => {
  let t: Team;
  let evidence: string;
  let requests: string;
  /** A GET on the app that has the evidence folder, as `who`. */
  const content = (who: ApiClient, id: string) => t.withBlobs.request(`${origin}${evidence}/${id}/content`, { headers: { cookie: who.cookie } });
  beforeAll(async () => {
    t = await team(getApi());
    evidence = `/api/w/${t.ws.slug}/evidence`;
    requests = `${evidence}/requests`;
  });

  it("lists the evidence for every role, and an auditor only their audit's controls within its period", async () => {
    for (const who of [t.admin, t.editor, t.owner, t.viewer]) expect(await idsOf(await who.get(evidence))).toEqual(["E-003", "E-001", "E-002", "E-004"]);
    expect(await idsOf(await t.auditor.get(evidence))).toEqual(["E-001", "E-004"]);
  });

  it("filters the evidence by control, kind and day", async () => {
    expect(await idsOf(await t.viewer.get(`${evidence}?control=A.8.5`))).toEqual(["E-003", "E-001", "E-004"]);
    expect(await idsOf(await t.viewer.get(`${evidence}?kind=upload`))).toEqual(["E-004"]);
    expect(await idsOf(await t.viewer.get(`${evidence}?since=2026-06-02&control=8.5`))).toEqual(["E-004"]);
    await expectFieldProblem(await t.viewer.get(`${evidence}?since=last-week`), "since", /YYYY-MM-DD/);
    await expectProblem(await t.viewer.get(`${evidence}?control=Z.9`), 400, /^control: "Z.9" is neither an Annex A control/);
  });

  it("shows one record's metadata, and refuses an auditor what lies outside their audit", async () => {
    const { evidence: record } = await bodyOf(await t.auditor.get(`${evidence}/E-001`), z.object({ evidence: evidenceSchema }));
    expect(record).toMatchObject({ id: "E-001", kind: "access-review", title: "MFA report June", controlIds: ["8.5"], collectedAt: "2026-06-01T09:00:00.000Z", source: { kind: "upload", uploader: "P-001", mediaType: "application/json" } });
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    await expectProblem(await t.auditor.get(`${evidence}/E-002`), 403, "E-002 is about 5.15, outside audit AUD-001 (which covers 8.5); ask the ISMS owner if the audit needs it");
    await expectProblem(await t.auditor.get(`${evidence}/E-003`), 403, "E-003 is dated 2025-05-01, outside the period of audit AUD-001 (2026-01-01 to 2026-12-31); ask the ISMS owner if the audit needs it");
    await expectProblem(await t.viewer.get(`${evidence}/E-999`), 404, /^No evidence E-999 in this workspace/);
  });

  it("serves the evidence's bytes verified against their hash, in their media type", async () => {
    const json = await content(t.auditor, "E-001");
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/json");
    expect(await json.json()).toEqual({ users: 12, withoutMfa: 0 });
    const file = await content(t.viewer, "E-004");
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await file.arrayBuffer()).toString("utf8")).toBe(`PNG ${t.ws.slug}`);
    await expectProblem(await content(t.auditor, "E-003"), 403, /^E-003 is dated 2025-05-01/);
    await expectProblem(await content(t.stranger, "E-001"), 404, /^No workspace/);
    await expectProblem(await t.viewer.get(`${evidence}/E-001/content`), 503, /has no evidence folder/);
  });

  it("refuses to serve evidence whose stored bytes were changed", async () => {
    const { evidence: record } = await bodyOf(await t.viewer.get(`${evidence}/E-004`), z.object({ evidence: evidenceSchema }));
    const path = join(blobs.root, blobs.pathOf(record.sha256));
    await chmod(path, 0o644);
    await writeFile(path, "PNG altered");
    await expectProblem(await content(t.viewer, "E-004"), 500, new RegExp(`^Evidence blob ${record.sha256} at .* has been changed`));
  });

  it("lets an auditor raise a request about their audit's controls, and refuses the roles that may not", async () => {
    const raise = (who: ApiClient, controls: string[]) => who.post(requests, { topic: "mfa", question: "Show MFA enforcement for the console", item: "Console sign-in policy", controls });
    const raised = await raise(t.auditor, ["A.8.5"]);
    expect(raised.status).toBe(201);
    const { request } = await bodyOf(raised, z.object({ request: evidenceRequestSchema }));
    expect(request).toMatchObject({ id: "REQ-001", sampleId: null, topic: "mfa", controlIds: ["8.5"], status: "open", evidenceIds: [] });
    expect(request.requestedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await expectProblem(await raise(t.auditor, ["5.15"]), 403, "This request is about 5.15, outside audit AUD-001 (which covers 8.5); ask the ISMS owner if the audit needs it");
    await expectProblem(await raise(t.owner, ["8.5"]), 403, "Control owners change only what they own and cannot create evidence requests: only administrators, editors and auditors may; ask one of them");
    await expectProblem(await raise(t.viewer, ["8.5"]), 403, /^Viewers cannot create evidence requests/);
    expect((await raise(t.editor, ["5.15"])).status).toBe(201);
    expect((await raise(t.admin, [])).status).toBe(201);
  });

  it("lists the requests, an auditor's held to their audit's controls", async () => {
    const ids = async (who: ApiClient, query = "") => (await bodyOf(await who.get(`${requests}${query}`), requestListSchema)).requests.map((r) => r.id);
    for (const who of [t.admin, t.editor, t.owner, t.viewer]) expect(await ids(who)).toEqual(["REQ-001", "REQ-002", "REQ-003"]);
    // REQ-003 names no control, so it is no one's in particular and any auditor sees it.
    expect(await ids(t.auditor)).toEqual(["REQ-001", "REQ-003"]);
    expect(await ids(t.viewer, "?open=true")).toEqual(["REQ-001", "REQ-002", "REQ-003"]);
    await expectFieldProblem(await t.viewer.get(`${requests}?open=yes`), "open", /true|false/);
  });

  it("lets a control owner provide evidence for requests about controls they own, and editors for any", async () => {
    const provide = (who: ApiClient, id: string, body: object) => who.post(`${requests}/${id}/provide`, body);
    await expectProblem(await provide(t.owner, "REQ-002", { evidenceIds: ["E-002"] }), 403, "Control owners change only what they own: REQ-002 is owned by P-002, not by you (P-001); ask its owner or an editor");
    await expectProblem(await provide(t.auditor, "REQ-001", { evidenceIds: ["E-001"] }), 403, /^Auditors only read, comment and raise evidence requests, and cannot update evidence requests/);
    await expectProblem(await provide(t.viewer, "REQ-001", { evidenceIds: ["E-001"] }), 403, /^Viewers cannot update evidence requests/);

    const provided = await bodyOf(await provide(t.owner, "REQ-001", { evidenceIds: ["e-001", "E-004"], note: "Enforced by the SSO policy" }), z.object({ request: evidenceRequestSchema }));
    expect(provided.request).toMatchObject({ id: "REQ-001", status: "provided", evidenceIds: ["E-001", "E-004"], providedBy: "P-001", note: "Enforced by the SSO policy" });
    expect(await getEvidenceRequest(getApi().db, t.ws, "REQ-001")).toMatchObject({ status: "provided", providedBy: "P-001" });

    // The administrator's account is linked to no person: it says who provides.
    await expectFieldProblem(await provide(t.admin, "REQ-002", { evidenceIds: ["E-002"] }), "by", /who provides/);
    expect((await provide(t.editor, "REQ-002", { evidenceIds: ["E-002"], by: "Oscar Other" })).status).toBe(200);
    await expectProblem(await provide(t.editor, "REQ-404", { evidenceIds: ["E-002"], by: "P-002" }), 404, /^No evidence request REQ-404/);
  });

  it("keeps another workspace's account out: its evidence and requests do not exist for it", async () => {
    const calls = [t.stranger.get(evidence), t.stranger.get(`${evidence}/E-001`), t.stranger.get(requests), t.stranger.post(requests, { topic: "x", question: "y", item: "z" }), t.stranger.post(`${requests}/REQ-003/provide`, { evidenceIds: ["E-001"], by: "P-001" })];
    for (const response of await Promise.all(calls)) await expectProblem(response, 404, `No workspace "${t.ws.slug}" for this account; GET /api/workspaces lists yours`);
    expect(await getEvidenceRequest(getApi().db, t.ws, "REQ-003")).toMatchObject({ status: "open", evidenceIds: [] });
  });

  it("refuses bad bodies with a 400 problem naming the field, and writes nothing", async () => {
    const raise = (body: object) => t.editor.post(requests, { topic: "mfa", question: "Show it", item: "The policy", ...body });
    await expectFieldProblem(await raise({ topic: "" }), "topic", /write something/);
    await expectFieldProblem(await raise({ question: 42 }), "question", /expected string/i);
    await expectFieldProblem(await raise({ controls: "8.5" }), "controls", /expected array/i);
    await expectProblem(await raise({ controls: ["Z.9"] }), 400, /^controls: "Z.9" is neither an Annex A control/);
    await expectProblem(await raise({ priority: "high" }), 400, /priority/);
    const provide = (body: object) => t.editor.post(`${requests}/REQ-003/provide`, body);
    await expectFieldProblem(await provide({ evidenceIds: [], by: "P-001" }), "evidenceIds", /at least one evidence record/);
    await expectFieldProblem(await provide({ by: "P-001" }), "evidenceIds", /expected array/i);
    await expectProblem(await provide({ evidenceIds: ["E-999"], by: "P-001" }), 400, /no evidence E-999 in this workspace/);
    await expectProblem(await provide({ evidenceIds: ["E-001"], by: "Nobody Known" }), 400, /no person "Nobody Known"/);
    expect(await getEvidenceRequest(getApi().db, t.ws, "REQ-003")).toMatchObject({ status: "open", evidenceIds: [] });
    expect((await bodyOf(await t.viewer.get(requests), requestListSchema)).requests).toHaveLength(3);
  });

  it("documents every evidence route in /api/openapi.json", async () => {
    const { paths } = await bodyOf(await getApi().request("/api/openapi.json"), z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }));
    const methods = (path: string) => Object.keys(paths[path] ?? {}).sort();
    expect(methods("/api/w/{workspace}/evidence")).toEqual(["get"]);
    expect(methods("/api/w/{workspace}/evidence/{id}")).toEqual(["get"]);
    expect(methods("/api/w/{workspace}/evidence/{id}/content")).toEqual(["get"]);
    expect(methods("/api/w/{workspace}/evidence/requests")).toEqual(["get", "post"]);
    expect(methods("/api/w/{workspace}/evidence/requests/{id}/provide")).toEqual(["post"]);
  });
});
