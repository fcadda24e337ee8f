// Changing the supplier register over the HTTP API, on both databases: administrators and editors add,
// change and remove suppliers, file and withdraw certifications and record reviews (logged as the
// account, visible in the register and its history); control owners, auditors and viewers are refused;
// bad bodies are named by field; another workspace's account finds nothing (404).
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { addAudit } from "../src/app/audits/audits.js";
import { addEntry } from "../src/app/entries.js";
import { addDays, addMonths, isoDay } from "../src/domain/risk/calendar.js";
import {
  certificationAnswerSchema,
  reviewAnswerSchema,
  supplierAnswerSchema,
  supplierDetailSchema,
  supplierListSchema,
} from "../src/server/routes/supplier-schemas.js";
import { type ApiClient, bodyOf, describeEachApi, expectFieldProblem, expectProblem, type TestApi, seededTeam, type SeededTeam } from "./helpers/api.js";

const today = isoDay(new Date());

/** The owner is P-001, who owns SUP-001 (not SUP-002); AUD-001 covers A.5.19 and A.5.22, AUD-002 clause 9.3 only. */

/**
 * SUP-001 Amazon Web Services (critical, owned by P-001 Olivia): review overdue by 10 days, ISO/IEC 27001
 * valid 30 more days. SUP-002 Slack (low, owned by P-002 Ned), next review in 400 days.
 */
async function team(api: TestApi): Promise<SeededTeam> {
  const { ws, ...roles } = await seededTeam(api, { ownerPersonId: "P-001", auditInside: "AUD-001", auditOutside: "AUD-002" }, async (tx, ws) => {
    const test = { actor: "test" };
    await addEntry(tx, ws, "people", { name: "Olivia Owner", ismsRoles: ["control-owner"] }, { ...test, idPrefix: "P" });
    await addEntry(tx, ws, "people", { name: "Ned New" }, { ...test, idPrefix: "P" });
    const aws = { name: "Amazon Web Services", service: "Cloud hosting", criticality: "critical", owner: "P-001", dpa: true, dataAccessed: "Customer data" };
    await addEntry(tx, ws, "suppliers", { ...aws, certifications: [{ name: "ISO/IEC 27001", validUntil: addDays(today, 30) }], nextReview: addDays(today, -10) }, { ...test, idPrefix: "SUP" });
    await addEntry(tx, ws, "suppliers", { name: "Slack", service: "Chat", criticality: "low", owner: "P-002", nextReview: addDays(today, 400) }, { ...test, idPrefix: "SUP" });
    const audit = { auditor: "Ivy Independent", plannedStart: addDays(today, -30), plannedEnd: addDays(today, 30) };
    await addAudit(tx, ws, { ...audit, title: "Suppliers", controls: ["5.19", "5.22"] }, { ...test, today: addDays(today, -60) });
    await addAudit(tx, ws, { ...audit, title: "Management review", clauses: ["9.3"] }, { ...test, today: addDays(today, -60) });
  });
  return { ws, ...roles };
}

const historySchema = z.object({ entries: z.array(z.object({ action: z.string(), actor: z.string(), changes: z.array(z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })) })) });

describeEachApi("the suppliers API's writes", (getApi) => {
  let t: SeededTeam;
  let base: string;
  beforeAll(async () => {
    t = await team(getApi());
    base = `/api/w/${t.ws.slug}/suppliers`;
  });

  const detail = async (id: string) => bodyOf(await t.viewer.get(`${base}/${encodeURIComponent(id)}`), supplierDetailSchema);
  const history = async (id: string) => (await bodyOf(await t.admin.get(`/api/w/${t.ws.slug}/history?entity=suppliers:${id}`), historySchema)).entries;
  const add = async (who: ApiClient, fields: Record<string, unknown>) => bodyOf(await who.post(base, fields), supplierAnswerSchema);

  describe("who may change the register", () => {
    /** Every write, aimed at `id`. */
    const writes = (id: string): [string, (who: ApiClient) => Promise<Response>][] => [
      ["update", (who) => who.patch(`${base}/${id}`, { service: "Something else" })],
      ["delete", (who) => who.delete(`${base}/${id}`)],
      ["update", (who) => who.post(`${base}/${id}/certifications`, { name: "SOC 2 Type II" })],
      ["update", (who) => who.delete(`${base}/${id}/certifications/${encodeURIComponent("ISO/IEC 27001")}`)],
      ["update", (who) => who.post(`${base}/${id}/reviews`, { result: "Fine" })],
    ];

    it("refuses control owners every write, on a supplier they own as on one they do not", async () => {
      await expectProblem(await t.owner.post(base, { name: "Acme", service: "Anvils" }), 403, "Control owners change only what they own and cannot create suppliers: only administrators and editors may; ask one of them");
      for (const id of ["SUP-001", "SUP-002"]) {
        for (const [action, write] of writes(id)) {
          await expectProblem(await write(t.owner), 403, `Control owners change only what they own and cannot ${action} suppliers: only administrators and editors may; ask one of them`);
        }
      }
    });

    it("refuses auditors every write, inside their audit's scope as outside it, and viewers too", async () => {
      for (const auditor of [t.auditorInside, t.auditorOutside]) {
        await expectProblem(await auditor.post(base, { name: "Acme", service: "Anvils" }), 403, /^Auditors only read, comment and raise evidence requests, and cannot create suppliers/);
        for (const [action, write] of writes("SUP-001")) await expectProblem(await write(auditor), 403, new RegExp(`^Auditors only read, comment and raise evidence requests, and cannot ${action} suppliers`));
      }
      await expectProblem(await t.viewer.post(base, { name: "Acme", service: "Anvils" }), 403, "Viewers cannot create suppliers: only administrators and editors may; ask an administrator of the workspace");
      for (const [action, write] of writes("SUP-001")) await expectProblem(await write(t.viewer), 403, new RegExp(`^Viewers cannot ${action} suppliers: only administrators and editors may`));
      const aws = await detail("SUP-001");
      expect([aws.supplier.service, aws.supplier.certifications.map((c) => c.name), aws.latestReview]).toEqual(["Cloud hosting", ["ISO/IEC 27001"], null]);
    });

    it("answers an account of another workspace 404 on every write, and changes nothing", async () => {
      const noWorkspace = /^No workspace ".*" for this account/;
      await expectProblem(await t.stranger.post(base, { name: "Acme", service: "Anvils" }), 404, noWorkspace);
      for (const [, write] of writes("SUP-002")) await expectProblem(await write(t.stranger), 404, noWorkspace);
      expect((await detail("SUP-002")).supplier.service).toBe("Chat");
    });
  });

  it("lets administrators and editors add a supplier, found by the owner's name, listed in the register and its history", async () => {
    const added = await add(t.editor, { name: "Stripe", service: "Payments", criticality: "high", owner: "olivia owner", dpa: true, dataAccessed: "Customer billing details", contractEnd: addDays(today, 60) });
    expect(added.supplier).toMatchObject({ id: "SUP-003", name: "Stripe", owner: "P-001", criticality: "high", dpa: true, certifications: [], contractStart: null, nextReview: null });
    const byAdmin = await add(t.admin, { name: "Zendesk", service: "Support desk" });
    expect([byAdmin.supplier.id, byAdmin.supplier.dpa, byAdmin.supplier.owner]).toEqual(["SUP-004", false, null]);
    const { suppliers, due } = await bodyOf(await t.viewer.get(base), supplierListSchema);
    expect(suppliers.map((s) => s.id)).toEqual(expect.arrayContaining(["SUP-003", "SUP-004"]));
    expect(due.filter((d) => d.supplierId === "SUP-003").map((d) => [d.kind, d.what])).toEqual([
      ["review", "high supplier never reviewed"],
      ["contract", "contract ends"],
    ]);
    const [entry] = await history("SUP-003");
    expect([entry?.action, entry?.actor]).toEqual(["suppliers.add", `account:${t.editor.account.email}`]);
  });

  it("changes only the fields given, null clearing one, and keeps the before and after", async () => {
    const { supplier } = await bodyOf(await t.editor.patch(`${base}/slack`, { service: "Chat and calls", location: "EU", owner: null }), supplierAnswerSchema);
    expect(supplier).toMatchObject({ id: "SUP-002", name: "Slack", service: "Chat and calls", location: "EU", owner: null, criticality: "low" });
    expect((await detail("SUP-002")).supplier.service).toBe("Chat and calls");
    const edit = (await history("SUP-002")).find((e) => e.action === "suppliers.edit");
    expect(edit?.actor).toBe(`account:${t.editor.account.email}`);
    expect(edit?.changes).toEqual(expect.arrayContaining([{ field: "service", before: "Chat", after: "Chat and calls" }, { field: "owner", before: "P-002", after: null }]));
  });

  it("files a certification, renews one of the same name, and takes one off file (its name URL-encoded)", async () => {
    const soc = await t.admin.post(`${base}/SUP-001/certifications`, { name: "soc 2 type 2", validUntil: addDays(today, 200), reportRef: "Vendor portal" });
    expect(soc.status).toBe(201);
    expect(await bodyOf(soc, certificationAnswerSchema)).toMatchObject({ certification: { name: "SOC 2 Type II", validUntil: addDays(today, 200), reportRef: "Vendor portal" }, renewed: false });
    const renewed = await t.editor.post(`${base}/SUP-001/certifications`, { name: "ISO 27001", validUntil: addDays(today, 700) });
    expect(renewed.status).toBe(200);
    expect((await bodyOf(renewed, certificationAnswerSchema)).supplier.certifications).toEqual([{ name: "ISO/IEC 27001", validUntil: addDays(today, 700) }, { name: "SOC 2 Type II", validUntil: addDays(today, 200), reportRef: "Vendor portal" }]);
    // The renewal moves the expiry out of the 90 days ahead.
    expect((await detail("SUP-001")).due.map((d) => d.kind)).not.toContain("certification");

    const removed = await bodyOf(await t.editor.delete(`${base}/SUP-001/certifications/${encodeURIComponent("SOC 2 Type II")}`), supplierAnswerSchema);
    expect(removed.supplier.certifications.map((c) => c.name)).toEqual(["ISO/IEC 27001"]);
    await expectProblem(await t.editor.delete(`${base}/SUP-001/certifications/C5`), 404, 'SUP-001 has no certification "C5" on file; on file: ISO/IEC 27001');
    expect((await history("SUP-001")).map((e) => e.action)).toEqual(["suppliers.add", "suppliers.certification.add", "suppliers.certification.add", "suppliers.certification.remove"]);
  });

  it("records a security review, which moves the next review and clears the overdue item", async () => {
    const before = await detail("SUP-001");
    expect(before.due.filter((d) => d.kind === "review").map((d) => [d.due, d.overdue])).toEqual([[addDays(today, -10), true]]);
    const answer = await t.editor.post(`${base}/SUP-001/reviews`, { result: "Satisfactory; SOC 2 report read", on: addDays(today, -1) });
    expect(answer.status).toBe(201);
    const { review, supplier } = await bodyOf(answer, reviewAnswerSchema);
    // Critical: yearly.
    expect(review).toEqual({ on: addDays(today, -1), result: "Satisfactory; SOC 2 report read", next: addMonths(addDays(today, -1), 12) });
    expect([supplier.lastReview, supplier.nextReview]).toEqual([review.on, review.next]);
    const after = await detail("SUP-001");
    expect(after.latestReview).toEqual({ ...review, by: `account:${t.editor.account.email}` });
    expect(after.due.filter((d) => d.kind === "review")).toEqual([]);

    const chosen = await bodyOf(await t.admin.post(`${base}/SUP-001/reviews`, { result: "Follow-up", next: addDays(today, 60) }), reviewAnswerSchema);
    expect([chosen.review.on, chosen.review.next]).toEqual([today, addDays(today, 60)]);
    expect((await detail("SUP-001")).due.filter((d) => d.kind === "review").map((d) => [d.due, d.overdue])).toEqual([[addDays(today, 60), false]]);
  });

  it("removes a supplier: it is gone from the register, and its history keeps what it was", async () => {
    const { supplier } = await add(t.admin, { name: "Short-lived", service: "Trial" });
    const removed = await t.editor.delete(`${base}/${supplier.id}`);
    expect(removed.status).toBe(204);
    await expectProblem(await t.viewer.get(`${base}/${supplier.id}`), 404, new RegExp(`^No supplier "${supplier.id}"`));
    expect((await history(supplier.id)).map((e) => e.action)).toEqual(["suppliers.add", "suppliers.remove"]);
    await expectProblem(await t.editor.delete(`${base}/${supplier.id}`), 404, new RegExp(`^No supplier "${supplier.id}"`));
  });

  it("answers 404 for a supplier that does not exist, on every write", async () => {
    await expectProblem(await t.admin.patch(`${base}/SUP-404`, { service: "x" }), 404, /^No supplier "SUP-404" in this workspace/);
    await expectProblem(await t.admin.post(`${base}/SUP-404/certifications`, { name: "C5" }), 404, /^No supplier "SUP-404"/);
    await expectProblem(await t.admin.delete(`${base}/SUP-404/certifications/C5`), 404, /^No supplier "SUP-404"/);
    await expectProblem(await t.admin.post(`${base}/SUP-404/reviews`, { result: "Fine" }), 404, /^No supplier "SUP-404"/);
  });

  it("documents every write in /api/openapi.json", async () => {
    const { paths } = await bodyOf(await getApi().request("/api/openapi.json"), z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }));
    const methods = (path: string) => Object.keys(paths[`/api/w/{workspace}/suppliers${path}`] ?? {}).sort();
    expect([methods(""), methods("/{id}"), methods("/{id}/certifications"), methods("/{id}/certifications/{name}"), methods("/{id}/reviews")]).toEqual([
      ["get", "post"],
      ["delete", "get", "patch"],
      ["post"],
      ["delete"],
      ["post"],
    ]);
  });

  it("names each bad field of a body by its name, and writes nothing", async () => {
    await expectFieldProblem(await t.admin.post(base, { service: "Anvils" }), "name", /./);
    await expectFieldProblem(await t.admin.post(base, { name: "Acme", service: " " }), "service", /^service: write something/);
    await expectFieldProblem(await t.admin.post(base, { name: "Acme", service: "Anvils", criticality: "vital" }), "criticality", /critical, high, medium, low/);
    await expectFieldProblem(await t.admin.post(base, { name: "Acme", service: "Anvils", contractEnd: "2026-02-30" }), "contractEnd", /YYYY-MM-DD/);
    await expectFieldProblem(await t.admin.post(base, { name: "Acme", service: "Anvils", dpa: "yes" }), "dpa", /true or false/);
    await expectProblem(await t.admin.post(base, { name: "Acme", service: "Anvils", colour: "red" }), 400, /colour/);
    await expectProblem(await t.admin.post(base, { name: "Acme", service: "Anvils", owner: "Nobody" }), 400, /^owner: no person "Nobody" in this workspace/);
    await expectProblem(await t.admin.patch(`${base}/SUP-002`, {}), 400, /give at least one field to change/);
    await expectFieldProblem(await t.admin.patch(`${base}/SUP-002`, { nextReview: "soon" }), "nextReview", /YYYY-MM-DD/);
    await expectFieldProblem(await t.admin.post(`${base}/SUP-002/certifications`, { name: "C5", validUntil: "31.12.2027" }), "validUntil", /YYYY-MM-DD/);
    await expectFieldProblem(await t.admin.post(`${base}/SUP-002/certifications`, { name: "" }), "name", /^name: /);
    await expectFieldProblem(await t.admin.post(`${base}/SUP-002/reviews`, { result: "" }), "result", /^result: /);
    await expectFieldProblem(await t.admin.post(`${base}/SUP-002/reviews`, { result: "Fine", on: "yesterday" }), "on", /YYYY-MM-DD/);
    await expectProblem(await t.admin.post(`${base}/SUP-002/reviews`, { result: "Fine", on: addDays(today, 3) }), 400, /^on: .* is in the future/);
    await expectProblem(await t.admin.post(`${base}/SUP-002/reviews`, { result: "Fine", on: today, next: addDays(today, -5) }), 400, /^next: .* is not after the review on/);
    const { supplier, latestReview } = await detail("SUP-002");
    expect([supplier.name, supplier.certifications, latestReview, supplier.nextReview]).toEqual(["Slack", [], null, addDays(today, 400)]);
    expect((await bodyOf(await t.viewer.get(base), supplierListSchema)).suppliers.map((s) => s.name)).not.toContain("Acme");
  });
});
