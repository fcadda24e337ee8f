// The scope (4.3) and the asset inventory (A.5.9) over the HTTP API, on both databases: every role reads
// them (an auditor only when their audit covers clause 4.3 or control 5.9), administrators and editors
// change the scope (which clears its approval), approve it and add, change and remove assets; the others
// are refused; bad bodies are named by field; each change is in the audit log; another workspace's
// account is kept out (404).
import { beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { addAudit } from "../src/app/audits/audits.js";
import { addEntry } from "../src/app/entries.js";
import { setScope } from "../src/app/scope.js";
import { addDays, isoDay } from "../src/domain/risk/calendar.js";
import { assetAnswerSchema, assetListSchema } from "../src/server/routes/asset-schemas.js";
import { scopeSchema } from "../src/server/routes/scope-schemas.js";
import { type ApiClient, bodyOf, describeEachApi, expectFieldProblem, expectProblem, type TestApi, seededTeam, type SeededTeam } from "./helpers/api.js";

const today = isoDay(new Date());
const historySchema = z.object({ entries: z.array(z.object({ actor: z.string(), action: z.string(), entityId: z.string().nullable(), changes: z.array(z.object({ field: z.string() })) })) });

/**
 * The editor is P-002; the owner P-001 owns A-001; AUD-001 covers clause 4.3 and control 5.9, AUD-002 clause 9.3
 * only. `other` has no scope statement yet and one person, P-001 Tom Top.
 */

/**
 * P-001 Olivia Owner, P-002 Ed Editor. A scope statement, an interface, a party, an issue and an exclusion.
 * A-001 Production AWS account (aws-account, Olivia, confidential), A-002 Source code (repository, Ed, internal).
 */
async function team(api: TestApi): Promise<SeededTeam> {
  const { ws, ...roles } = await seededTeam(api, { ownerPersonId: "P-001", editorPersonId: "P-002", auditInside: "AUD-001", auditOutside: "AUD-002" }, async (tx, ws) => {
    const test = { actor: "test" };
    await addEntry(tx, ws, "people", { name: "Olivia Owner" }, { ...test, idPrefix: "P" });
    await addEntry(tx, ws, "people", { name: "Ed Editor" }, { ...test, idPrefix: "P" });
    await setScope(tx, ws, { statement: "The Acme platform and the people who run it.", boundaries: "AWS data centres are inherited." }, "test");
    await addEntry(tx, ws, "scope_interfaces", { name: "Payments", kind: "sub-processor", counterparty: "Stripe" }, { ...test, idPrefix: "IF" });
    await addEntry(tx, ws, "interested_parties", { name: "Customers", requirements: "ISO 27001", addressedByIsms: true }, { ...test, idPrefix: "IP" });
    await addEntry(tx, ws, "context_issues", { kind: "external", description: "Tenders ask for ISO 27001" }, { ...test, idPrefix: "CI" });
    await addEntry(tx, ws, "exclusions", { subject: "Office guest Wi-Fi", reason: "No access to production" }, { ...test, idPrefix: "EX" });
    await addEntry(tx, ws, "assets", { name: "Production AWS account", kind: "aws-account", owner: "P-001", classification: "confidential" }, { ...test, idPrefix: "A" });
    await addEntry(tx, ws, "assets", { name: "Source code", kind: "repository", owner: "P-002", classification: "internal" }, { ...test, idPrefix: "A" });
    const audit = { auditor: "Ivy Independent", plannedStart: addDays(today, -30), plannedEnd: addDays(today, 30) };
    await addAudit(tx, ws, { ...audit, title: "Scope and assets", clauses: ["4.3"], controls: ["5.9"] }, { ...test, today: addDays(today, -60) });
    await addAudit(tx, ws, { ...audit, title: "Management review", clauses: ["9.3"] }, { ...test, today: addDays(today, -60) });
  });
  await api.db.transaction((tx) => addEntry(tx, roles.other, "people", { name: "Tom Top" }, { actor: "test", idPrefix: "P" }));
  return { ws, ...roles };
}

describeEachApi("the scope and asset inventory API", (getApi) => {
  let t: SeededTeam;
  let base: string;
  beforeAll(async () => {
    t = await team(getApi());
    base = `/api/w/${t.ws.slug}`;
  });

  const scopeOf = async (who: ApiClient) => bodyOf(await who.get(`${base}/scope`), scopeSchema);
  const assetIds = async (who: ApiClient, query = "") => (await bodyOf(await who.get(`${base}/assets${query}`), assetListSchema)).assets.map((a) => a.id);
  const history = async (entity: string) => (await bodyOf(await t.admin.get(`${base}/history?entity=${entity}`), historySchema)).entries;

  it("shows every role the scope with its context, and an auditor only when their audit covers 4.3", async () => {
    for (const who of [t.admin, t.editor, t.owner, t.viewer, t.auditorInside]) {
      const scope = await scopeOf(who);
      expect(scope).toMatchObject({ statement: "The Acme platform and the people who run it.", boundaries: "AWS data centres are inherited.", approval: null });
      expect(scope.interfaces).toEqual([{ id: "IF-001", kind: "sub-processor", name: "Payments", counterparty: "Stripe", description: null }]);
      expect(scope.interestedParties).toEqual([{ id: "IP-001", name: "Customers", requirements: "ISO 27001", addressedByIsms: true }]);
      expect(scope.issues).toEqual([{ id: "CI-001", kind: "external", description: "Tenders ask for ISO 27001" }]);
      expect(scope.exclusions).toEqual([{ id: "EX-001", subject: "Office guest Wi-Fi", reason: "No access to production" }]);
    }
    await expectProblem(await t.auditorOutside.get(`${base}/scope`), 403, /^the scope is about 4\.3, outside audit AUD-002 \(which covers 9\.3\)/);
  });

  it("lets administrators and editors approve the scope, as a named person or as their own", async () => {
    const approved = await bodyOf(await t.admin.post(`${base}/scope/approve`, { person: "Olivia Owner" }), scopeSchema);
    expect(approved.approval?.by).toBe("P-001");
    expect(Date.now() - Date.parse(approved.approval?.at ?? "")).toBeLessThan(60_000);
    expect((await bodyOf(await t.editor.post(`${base}/scope/approve`, {}), scopeSchema)).approval?.by).toBe("P-002");
    await expectFieldProblem(await t.admin.post(`${base}/scope/approve`, {}), "person", /linked to no person/);
    await expectFieldProblem(await t.admin.post(`${base}/scope/approve`, { person: "Nobody" }), "person", /no person "Nobody"/);
    await expectFieldProblem(await t.admin.post(`${base}/scope/approve`, { person: "" }), "person", /approver/);
  });

  it("refuses the scope's approval to control owners, auditors and viewers, in the permission table's words", async () => {
    await expectProblem(await t.owner.post(`${base}/scope/approve`, {}), 403, /^Control owners change only what they own and cannot approve the scope/);
    await expectProblem(await t.auditorInside.post(`${base}/scope/approve`, {}), 403, /^Auditors only read, comment and raise evidence requests, and cannot approve the scope/);
    await expectProblem(await t.viewer.post(`${base}/scope/approve`, { person: "P-001" }), 403, /^Viewers cannot approve the scope: only administrators and editors may/);
    expect((await scopeOf(t.viewer)).approval?.by).toBe("P-002");
  });

  it("lets an editor change the statement, which clears the approval, and logs the change as the account", async () => {
    const changed = await bodyOf(await t.editor.patch(`${base}/scope`, { statement: "  The Acme platform, its people and its offices.  " }), scopeSchema);
    expect(changed).toMatchObject({ statement: "The Acme platform, its people and its offices.", boundaries: "AWS data centres are inherited.", approval: null });
    const boundaries = await bodyOf(await t.admin.patch(`${base}/scope`, { boundaries: "Offices in Madrid and Tokyo." }), scopeSchema);
    expect([boundaries.statement, boundaries.boundaries]).toEqual(["The Acme platform, its people and its offices.", "Offices in Madrid and Tokyo."]);
    const set = (await history("scope:scope")).filter((e) => e.action === "scope.set");
    expect(set.at(-2)).toMatchObject({ actor: `account:${t.editor.account.email}` });
    expect(set.at(-2)?.changes.map((c) => c.field)).toEqual(expect.arrayContaining(["statement", "approvedBy", "approvedAt"]));
    expect((await history("scope:scope")).map((e) => e.action)).toContain("scope.approve");
  });

  it("refuses changes to the scope from control owners, auditors and viewers", async () => {
    const change = { statement: "Something else" };
    await expectProblem(await t.owner.patch(`${base}/scope`, change), 403, /^Control owners change only what they own and cannot update the scope/);
    await expectProblem(await t.auditorInside.patch(`${base}/scope`, change), 403, /^Auditors only read/);
    await expectProblem(await t.auditorOutside.patch(`${base}/scope`, change), 403, /^Auditors only read/);
    await expectProblem(await t.viewer.patch(`${base}/scope`, change), 403, /^Viewers cannot update the scope/);
    expect((await scopeOf(t.viewer)).statement).toBe("The Acme platform, its people and its offices.");
  });

  it("names the bad field of a scope change, and asks for a statement before the first approval", async () => {
    await expectFieldProblem(await t.admin.patch(`${base}/scope`, {}), "statement", /give statement, boundaries or both/);
    await expectFieldProblem(await t.admin.patch(`${base}/scope`, { statement: "   " }), "statement", /write the scope statement/);
    await expectFieldProblem(await t.admin.patch(`${base}/scope`, { statement: 42 }), "statement", /./);
    expect((await t.admin.patch(`${base}/scope`, { statment: "typo" })).status).toBe(400);
    const fresh = `/api/w/${t.other.slug}/scope`;
    expect((await bodyOf(await t.stranger.get(fresh), scopeSchema)).statement).toBeNull();
    await expectFieldProblem(await t.stranger.patch(fresh, { boundaries: "Only boundaries" }), "statement", /no statement yet/);
    await expectProblem(await t.stranger.post(`${fresh}/approve`, { person: "x" }), 400, /no person "x"/);
    await expectProblem(await t.stranger.post(`${fresh}/approve`, { person: "Tom Top" }), 409, /^There is no scope statement to approve; write it first with PATCH/);
  });

  it("lists the assets to every role, filtered by kind, owner or classification, and to an auditor only within 5.9", async () => {
    for (const who of [t.admin, t.editor, t.owner, t.viewer, t.auditorInside]) expect(await assetIds(who)).toEqual(["A-001", "A-002"]);
    expect(await assetIds(t.viewer, "?kind=repository")).toEqual(["A-002"]);
    expect(await assetIds(t.viewer, "?owner=P-001")).toEqual(["A-001"]);
    expect(await assetIds(t.viewer, "?classification=confidential&kind=aws-account")).toEqual(["A-001"]);
    expect(await assetIds(t.viewer, "?classification=public")).toEqual([]);
    expect(await assetIds(t.auditorOutside)).toEqual([]);
    const [first] = (await bodyOf(await t.viewer.get(`${base}/assets`), assetListSchema)).assets;
    expect(first).toEqual({ id: "A-001", name: "Production AWS account", kind: "aws-account", owner: "P-001", classification: "confidential", inScope: true, location: null, description: null, externalRef: null, attributes: {} });
  });

  it("shows one asset, refuses it to an auditor whose audit leaves out 5.9, and answers 404 for an unknown one", async () => {
    for (const who of [t.admin, t.owner, t.viewer, t.auditorInside]) expect((await bodyOf(await who.get(`${base}/assets/A-002`), assetAnswerSchema)).asset.name).toBe("Source code");
    await expectProblem(await t.auditorOutside.get(`${base}/assets/A-002`), 403, /^A-002 is about 5\.9, outside audit AUD-002/);
    await expectProblem(await t.viewer.get(`${base}/assets/A-404`), 404, /^No asset A-404 in this workspace/);
    await expectFieldProblem(await t.viewer.get(`${base}/assets/${"x".repeat(65)}`), "id", /./);
  });

  it("lets an administrator add an asset with the next id and its owner by name, logged as the account", async () => {
    const res = await t.admin.post(`${base}/assets`, { name: "Customer database", kind: "data", owner: "olivia owner", classification: "restricted", location: "eu-west-1", inScope: false });
    expect(res.status).toBe(201);
    const { asset } = await bodyOf(res, assetAnswerSchema);
    expect(asset).toMatchObject({ id: "A-003", owner: "P-001", classification: "restricted", location: "eu-west-1", inScope: false, description: null });
    const chosen = await bodyOf(await t.editor.post(`${base}/assets`, { id: "LAPTOP-7", name: "Ed's laptop", kind: "endpoint" }), assetAnswerSchema);
    expect(chosen.asset).toMatchObject({ id: "LAPTOP-7", owner: null, inScope: true });
    expect(await history("assets:A-003")).toEqual([expect.objectContaining({ action: "assets.add", actor: `account:${t.admin.account.email}` })]);
  });

  it("names the bad fields of a new asset, and refuses an id that is taken", async () => {
    await expectFieldProblem(await t.admin.post(`${base}/assets`, { kind: "data" }), "name", /./);
    await expectFieldProblem(await t.admin.post(`${base}/assets`, { name: "  ", kind: "data" }), "name", /say what the asset is/);
    await expectFieldProblem(await t.admin.post(`${base}/assets`, { name: "Laptop", kind: "endpoint", inScope: "yes" }), "inScope", /true or false/);
    await expectFieldProblem(await t.admin.post(`${base}/assets`, { name: "Laptop", kind: "endpoint", owner: "Nobody" }), "owner", /no person "Nobody"/);
    await expectFieldProblem(await t.admin.post(`${base}/assets`, { id: "bad id!", name: "Laptop", kind: "endpoint" }), "id", /letters, digits/);
    const taken = await t.admin.post(`${base}/assets`, { id: "A-001", name: "Again", kind: "data" });
    expect(taken.status).toBe(409);
    expect(await assetIds(t.admin)).toEqual(["A-001", "A-002", "A-003", "LAPTOP-7"]);
  });

  it("refuses adding assets to control owners, auditors and viewers", async () => {
    const asset = { name: "Shadow IT", kind: "saas" };
    await expectProblem(await t.owner.post(`${base}/assets`, asset), 403, /^Control owners change only what they own and cannot create assets/);
    await expectProblem(await t.auditorInside.post(`${base}/assets`, asset), 403, /^Auditors only read/);
    await expectProblem(await t.viewer.post(`${base}/assets`, asset), 403, /^Viewers cannot create assets/);
    expect(await assetIds(t.admin)).not.toContain("A-004");
  });

  it("lets an editor change an asset, only the fields given, null clearing one", async () => {
    const { asset } = await bodyOf(await t.editor.patch(`${base}/assets/A-002`, { classification: "confidential", owner: null, description: "All repositories" }), assetAnswerSchema);
    expect(asset).toMatchObject({ id: "A-002", name: "Source code", kind: "repository", owner: null, classification: "confidential", description: "All repositories" });
    const changes = (await history("assets:A-002")).at(-1);
    expect(changes).toMatchObject({ action: "assets.edit", actor: `account:${t.editor.account.email}` });
    expect(changes?.changes.map((c) => c.field).sort()).toEqual(["classification", "description", "owner"]);
    await expectFieldProblem(await t.editor.patch(`${base}/assets/A-002`, {}), "", /say what to change/);
    await expectFieldProblem(await t.editor.patch(`${base}/assets/A-002`, { kind: "" }), "kind", /give its kind/);
    await expectProblem(await t.editor.patch(`${base}/assets/A-404`, { name: "x" }), 404, /^No asset A-404/);
  });

  it("refuses changes to assets from control owners (even their own), auditors and viewers", async () => {
    await expectProblem(await t.owner.patch(`${base}/assets/A-001`, { classification: "public" }), 403, /^Control owners change only what they own and cannot update assets/);
    await expectProblem(await t.owner.patch(`${base}/assets/A-002`, { classification: "public" }), 403, /^Control owners/);
    await expectProblem(await t.auditorInside.patch(`${base}/assets/A-001`, { classification: "public" }), 403, /^Auditors only read/);
    await expectProblem(await t.viewer.patch(`${base}/assets/A-001`, { classification: "public" }), 403, /^Viewers cannot update assets/);
    expect((await bodyOf(await t.viewer.get(`${base}/assets/A-001`), assetAnswerSchema)).asset.classification).toBe("confidential");
  });

  it("lets administrators and editors remove an asset and refuses everyone else", async () => {
    await expectProblem(await t.owner.delete(`${base}/assets/A-001`), 403, /^Control owners .* cannot delete assets/);
    await expectProblem(await t.auditorInside.delete(`${base}/assets/A-001`), 403, /^Auditors only read/);
    await expectProblem(await t.viewer.delete(`${base}/assets/A-001`), 403, /^Viewers cannot delete assets/);
    expect((await t.editor.delete(`${base}/assets/LAPTOP-7`)).status).toBe(204);
    expect((await t.admin.delete(`${base}/assets/A-003`)).status).toBe(204);
    await expectProblem(await t.admin.delete(`${base}/assets/A-003`), 404, /^No asset A-003/);
    expect(await assetIds(t.viewer)).toEqual(["A-001", "A-002"]);
    expect((await history("assets:A-003")).map((e) => e.action)).toEqual(["assets.add", "assets.remove"]);
  });

  it("answers 404 to an account of another workspace, for reading and for writing", async () => {
    const notHere = /^No workspace/;
    await expectProblem(await t.stranger.get(`${base}/scope`), 404, notHere);
    await expectProblem(await t.stranger.patch(`${base}/scope`, { statement: "Taken over" }), 404, notHere);
    await expectProblem(await t.stranger.post(`${base}/scope/approve`, {}), 404, notHere);
    await expectProblem(await t.stranger.get(`${base}/assets`), 404, notHere);
    await expectProblem(await t.stranger.get(`${base}/assets/A-001`), 404, notHere);
    await expectProblem(await t.stranger.post(`${base}/assets`, { name: "Mine", kind: "data" }), 404, notHere);
    await expectProblem(await t.stranger.patch(`${base}/assets/A-001`, { name: "Mine" }), 404, notHere);
    await expectProblem(await t.stranger.delete(`${base}/assets/A-001`), 404, notHere);
    expect((await scopeOf(t.viewer)).statement).toBe("The Acme platform, its people and its offices.");
  });

  it("documents the scope and asset routes in /api/openapi.json", async () => {
    const { paths } = await bodyOf(await getApi().request("/api/openapi.json"), z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }));
    const methods = (path: string) => Object.keys(paths[path] ?? {}).sort();
    expect(methods("/api/w/{workspace}/scope")).toEqual(["get", "patch"]);
    expect(methods("/api/w/{workspace}/scope/approve")).toEqual(["post"]);
    expect(methods("/api/w/{workspace}/assets")).toEqual(["get", "post"]);
    expect(methods("/api/w/{workspace}/assets/{id}")).toEqual(["delete", "get", "patch"]);
  });
});
