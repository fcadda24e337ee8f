// Controlled documents over the HTTP API, on both databases: the mandatory-documents checklist and the
// register, one document with its versions, its export as PDF, DOCX and Markdown, and submit, approve and
// publish for every role (a control owner submits only what they own), an auditor held to their audit's
// controls, another workspace's account kept out (404), and bad bodies named by field.
import { beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { addAudit } from "../src/app/audits/audits.js";
import { createDocument } from "../src/app/documents/lifecycle.js";
import { getDocument } from "../src/app/documents/records.js";
import { addEntry } from "../src/app/entries.js";
import type { Workspace } from "../src/app/workspaces.js";
import { documentDetailSchema, documentListSchema, versionAnswerSchema } from "../src/server/routes/document-schemas.js";
import { bodyOf, describeEachApi, type ApiClient, type TestApi, expectProblem, expectFieldProblem } from "./helpers/api.js";

interface Team {
  ws: Workspace;
  admin: ApiClient;
  editor: ApiClient;
  /** Linked to P-001, who owns and wrote DOC-001 (control 8.5) and not DOC-002 (5.15). */
  owner: ApiClient;
  /** A control owner whose account is linked to no person. */
  unlinked: ApiClient;
  /** Audits AUD-001: control 8.5 only. */
  auditor: ApiClient;
  viewer: ApiClient;
  /** An administrator of another workspace only. */
  stranger: ApiClient;
}

async function team(api: TestApi): Promise<Team> {
  const admin = await api.setUpAdmin();
  const ws = await api.workspace({ template: "blank" });
  await api.db.transaction(async (tx) => {
    for (const name of ["Olivia Owner", "Oscar Other", "Alice Approver"]) await addEntry(tx, ws, "people", { name }, { actor: "test", idPrefix: "P" });
    await addAudit(tx, ws, { title: "Access control audit", auditor: "Certification body", plannedStart: "2026-01-01", plannedEnd: "2026-12-31", controls: ["8.5"] }, { actor: "test" });
    await createDocument(tx, ws, { title: "Authentication policy", kind: "topic-policy", owner: "P-001", controls: ["8.5"], body: "# Purpose\n\nEvery console sign-in uses MFA." }, { actor: "test" });
    await createDocument(tx, ws, { title: "Access rights procedure", kind: "procedure", owner: "P-002", controls: ["5.15"], body: "# Scope\n\nAccess is granted on request." }, { actor: "test" });
  });
  const other = await api.workspace({ template: "blank" });
  return {
    ws,
    admin,
    editor: await api.member("editor", ws),
    owner: await api.member("control-owner", ws, { personId: "P-001" }),
    unlinked: await api.member("control-owner", ws),
    auditor: await api.member("auditor", ws, { auditId: "AUD-001" }),
    viewer: await api.member("viewer", ws),
    stranger: await api.member("administrator", other),
  };
}

async function statusesOf(calls: Record<string, () => Promise<Response>>): Promise<Record<string, number>> {
  const statuses: Record<string, number> = {};
  // One after the other: each call may change what the next one finds.
  for (const [who, call] of Object.entries(calls)) statuses[who] = (await call()).status;
  return statuses;
}

describeEachApi("the documents API", (getApi) => {
  let t: Team;
  let docs: string;
  beforeAll(async () => {
    t = await team(getApi());
    docs = `/api/w/${t.ws.slug}/documents`;
  });

  it("gives every role the mandatory-documents checklist, saying what each requirement lacks", async () => {
    for (const who of [t.admin, t.editor, t.owner, t.auditor, t.viewer]) {
      const list = await bodyOf(await who.get(docs), documentListSchema);
      expect(list.required.map((r) => r.id)).toContain("statement-of-applicability");
      expect(list.required.find((r) => r.id === "isms-scope")).toMatchObject({ state: "missing", missing: [expect.stringMatching(/no document of kind isms-scope/)] });
    }
    const list = await bodyOf(await t.viewer.get(docs), documentListSchema);
    expect(list.documents.map((d) => [d.id, d.owner, d.status])).toEqual([
      ["DOC-001", "P-001", "draft"],
      ["DOC-002", "P-002", "draft"],
    ]);
    expect(list.other.find((entry) => entry.id === "DOC-001")?.missing).toContainEqual(expect.stringMatching(/no approved version/));
  });

  it("shows an auditor only the documents of their audit's controls", async () => {
    const list = await bodyOf(await t.auditor.get(docs), documentListSchema);
    expect(list.documents.map((d) => d.id)).toEqual(["DOC-001"]);
    expect(list.other.map((entry) => entry.id)).toEqual(["DOC-001"]);
    expect((await t.auditor.get(`${docs}/DOC-001`)).status).toBe(200);
    await expectProblem(await t.auditor.get(`${docs}/DOC-002`), 403, "DOC-002 is about 5.15, outside audit AUD-001 (which covers 8.5); ask the ISMS owner if the audit needs it");
    await expectProblem(await t.auditor.get(`${docs}/DOC-002/export?format=md`), 403, /^DOC-002 is about 5.15/);
  });

  it("shows one document with its versions, status and newest text", async () => {
    const detail = await bodyOf(await t.viewer.get(`${docs}/DOC-001`), documentDetailSchema);
    expect(detail.document).toMatchObject({ id: "DOC-001", title: "Authentication policy", status: "draft", versionInForce: null, controls: ["8.5"] });
    expect(detail.versions.map((v) => [v.version, v.status, v.author])).toEqual([["1", "draft", "P-001"]]);
    expect(detail.body).toContain("Every console sign-in uses MFA.");
    await expectProblem(await t.viewer.get(`${docs}/DOC-404`), 404, /^No document "DOC-404" in this workspace/);
  });

  it("exports a document as Markdown, PDF and DOCX, and a generated document from the data", async () => {
    const markdown = await t.viewer.get(`${docs}/DOC-001/export?format=md`);
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(markdown.headers.get("content-disposition")).toBe('attachment; filename="DOC-001-v1.md"');
    const text = await markdown.text();
    expect(text).toContain("Authentication policy");
    expect(text).toContain("Every console sign-in uses MFA.");

    const pdf = await t.auditor.get(`${docs}/DOC-001/export`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const docx = await t.owner.get(`${docs}/DOC-001/export?format=docx`);
    expect(docx.headers.get("content-type")).toMatch(/wordprocessingml/);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString("latin1")).toBe("PK");

    const soa = await t.viewer.get(`${docs}/statement-of-applicability/export?format=md`);
    expect(soa.status).toBe(200);
    expect(await soa.text()).toMatch(/Statement of Applicability/);
    await expectFieldProblem(await t.viewer.get(`${docs}/DOC-001/export?format=odt`), "format", /md|docx|pdf/);
    await expectProblem(await t.viewer.get(`${docs}/DOC-001/export?format=md&version=7`), 400, /^DOC-001 has no version 7/);
  });

  it("lets administrators, editors and the document's owner submit it, and refuses the others with the reason", async () => {
    const submit = (who: ApiClient, id: string) => () => who.post(`${docs}/${id}/submit`);
    expect(await statusesOf({ viewer: submit(t.viewer, "DOC-001"), auditor: submit(t.auditor, "DOC-001"), unlinked: submit(t.unlinked, "DOC-001"), other: submit(t.owner, "DOC-002") })).toEqual({
      viewer: 403,
      auditor: 403,
      unlinked: 403,
      other: 403,
    });
    await expectProblem(await submit(t.viewer, "DOC-001")(), 403, "Viewers cannot update documents: only administrators, editors and control owners may; ask an administrator of the workspace");
    await expectProblem(await submit(t.auditor, "DOC-001")(), 403, /^Auditors only read, comment and raise evidence requests, and cannot update documents/);
    await expectProblem(await submit(t.unlinked, "DOC-001")(), 403, /linked to no person in the people register/);
    await expectProblem(await submit(t.owner, "DOC-002")(), 403, "Control owners change only what they own: DOC-002 is owned by P-002, not by you (P-001); ask its owner or an editor");

    const submitted = await bodyOf(await submit(t.owner, "DOC-001")(), versionAnswerSchema);
    expect(submitted).toMatchObject({ documentId: "DOC-001", version: { version: "1", status: "in_review" } });
    expect((await submit(t.editor, "DOC-002")()).status).toBe(200);
    await expectProblem(await submit(t.admin, "DOC-002")(), 409, /^Cannot submit DOC-002 v1: it is in review/);
  });

  it("lets administrators and editors approve and publish, by someone other than the author", async () => {
    const approve = (who: ApiClient, id: string, by?: string) => who.post(`${docs}/${id}/approve`, by === undefined ? {} : { by });
    await expectProblem(await approve(t.owner, "DOC-001", "P-003"), 403, "Control owners change only what they own and cannot approve documents: only administrators and editors may; ask one of them");
    await expectProblem(await approve(t.viewer, "DOC-001", "P-003"), 403, /^Viewers cannot approve documents/);
    await expectProblem(await approve(t.auditor, "DOC-001", "P-003"), 403, /^Auditors only read/);
    await expectProblem(await approve(t.editor, "DOC-001", "Olivia Owner"), 409, /^P-001 wrote DOC-001 v1 and cannot approve it/);
    // The administrator's account is linked to no person and the document names no approver.
    await expectProblem(await approve(t.admin, "DOC-001"), 400, /^Who approves DOC-001\? It has no approver named/);

    const approved = await bodyOf(await approve(t.editor, "DOC-001", "Alice Approver"), versionAnswerSchema);
    expect(approved.version).toMatchObject({ status: "approved", approvedBy: "P-003" });
    expect(approved.version.sha256).toMatch(/^[0-9a-f]{64}$/);

    const publish = (who: ApiClient) => who.post(`${docs}/DOC-001/publish`, {});
    for (const who of [t.owner, t.auditor, t.viewer]) expect((await publish(who)).status).toBe(403);
    const published = await bodyOf(await publish(t.admin), versionAnswerSchema);
    expect(published.version).toMatchObject({ status: "published" });
    await expectProblem(await publish(t.editor), 409, /^Cannot publish DOC-001 v1: it is published/);

    const stored = await getDocument(getApi().db, t.ws, "DOC-001");
    expect(stored.versions.map((v) => v.status)).toEqual(["published"]);
    expect(stored.nextReview).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const detail = await bodyOf(await t.viewer.get(`${docs}/DOC-001`), documentDetailSchema);
    expect(detail.document).toMatchObject({ status: "published", versionInForce: "1" });
  });

  it("keeps another workspace's account out: its documents do not exist for it", async () => {
    for (const response of [await t.stranger.get(docs), await t.stranger.get(`${docs}/DOC-002`), await t.stranger.get(`${docs}/DOC-002/export?format=md`), await t.stranger.post(`${docs}/DOC-002/approve`, { by: "P-003" })]) {
      await expectProblem(response, 404, `No workspace "${t.ws.slug}" for this account; GET /api/workspaces lists yours`);
    }
    expect((await getDocument(getApi().db, t.ws, "DOC-002")).versions.map((v) => v.status)).toEqual(["in_review"]);
  });

  it("refuses bad bodies with a 400 problem naming the field", async () => {
    await expectFieldProblem(await t.editor.post(`${docs}/DOC-002/approve`, { by: "" }), "by", /write something/);
    await expectFieldProblem(await t.editor.post(`${docs}/DOC-002/approve`, { by: 3 }), "by", /expected string/i);
    await expectFieldProblem(await t.editor.post(`${docs}/DOC-002/submit`, { version: ["1"] }), "version", /expected string/i);
    await expectProblem(await t.editor.post(`${docs}/DOC-002/approve`, { approver: "P-003" }), 400, /approver/);
    await expectProblem(await t.editor.post(`${docs}/DOC-002/approve`, { by: "Nobody Known" }), 400, /no person "Nobody Known" in this workspace/);
    expect((await getDocument(getApi().db, t.ws, "DOC-002")).versions.map((v) => v.status)).toEqual(["in_review"]);
  });

  it("documents every documents route in /api/openapi.json", async () => {
    const { paths } = await bodyOf(await getApi().request("/api/openapi.json"), z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }));
    const methods = (path: string) => Object.keys(paths[path] ?? {}).sort();
    expect(methods("/api/w/{workspace}/documents")).toEqual(["get"]);
    expect(methods("/api/w/{workspace}/documents/{id}")).toEqual(["get"]);
    expect(methods("/api/w/{workspace}/documents/{id}/export")).toEqual(["get"]);
    for (const action of ["submit", "approve", "publish"]) expect(methods(`/api/w/{workspace}/documents/{id}/${action}`)).toEqual(["post"]);
  });
});
