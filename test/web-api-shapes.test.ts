// The web app reads what the API answers: every route the screens call, answered by the real API over
// an aws-saas workspace, parses with the web's schemas (src/web/api/schemas.ts); and a refused request
// becomes the message the screens show.
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError, answerOf, errorOf, problemMessage } from "../src/web/api/client.js";
import {
  dashboardSchema,
  heatmapSchema,
  historySchema,
  meSchema,
  riskAnswerSchema,
  riskDetailSchema,
  riskListSchema,
  sessionSchema,
  setupNeededSchema,
  soaAnswerSchema,
  soaControlSchema,
  soaListSchema,
  treatmentPlanSchema,
} from "../src/web/api/schemas.js";
import { useTestApi, type ApiClient } from "./helpers/api.js";

describe("the web app's view of the API", () => {
  const getApi = useTestApi();
  let admin: ApiClient;
  let w: string;

  beforeAll(async () => {
    const api = getApi();
    admin = await api.setUpAdmin();
    w = `/api/w/${(await api.workspace({ template: "aws-saas" })).slug}`;
  });

  it("parses the signed-in account, its workspaces with roles, and the CSRF token", async () => {
    const me = await answerOf(await admin.get("/api/me"), meSchema, "GET /api/me");
    expect(me.csrfToken).toBe(admin.csrfToken);
    expect(me.workspaces.map((m) => m.role)).toContain("administrator");
    expect(await answerOf(await getApi().request("/api/setup"), setupNeededSchema, "GET /api/setup")).toEqual({ needed: false });
  });

  it("parses the risk register, one risk, both heat maps and the treatment plan", async () => {
    const list = await answerOf(await admin.get(`${w}/risks`), riskListSchema, "risks");
    expect(list.risks).toHaveLength(list.total);
    expect(list.total).toBeGreaterThan(10);
    const detail = await answerOf(await admin.get(`${w}/risks/R-001`), riskDetailSchema, "R-001");
    expect(detail.risk.id).toBe("R-001");
    for (const kind of ["inherent", "residual"]) {
      const heatmap = await answerOf(await admin.get(`${w}/risks/heatmap?kind=${kind}`), heatmapSchema, kind);
      expect(heatmap.cells).toHaveLength(heatmap.likelihoodLevels.length * heatmap.impactLevels.length);
    }
    const plan = await answerOf(await admin.get(`${w}/risks/treatment-plan`), treatmentPlanSchema, "plan");
    expect(plan.risks.length).toBeGreaterThan(0);
  });

  it("parses a changed risk and its audit-log history", async () => {
    const changed = await answerOf(await admin.patch(`${w}/risks/R-002`, { likelihood: 3, status: "treating" }), riskAnswerSchema, "PATCH R-002");
    expect(changed.risk).toMatchObject({ likelihood: 3, status: "treating" });
    const history = await answerOf(await admin.get(`${w}/history?entity=risk:R-002`), historySchema, "history");
    expect(history.entries.at(-1)?.changes).toContainEqual({ field: "status", before: "open", after: "treating" });
  });

  it("parses the SoA, one control with its evidence and check results, and a changed control", async () => {
    const soa = await answerOf(await admin.get(`${w}/soa`), soaListSchema, "soa");
    expect(soa.controls).toHaveLength(93);
    const control = await answerOf(await admin.get(`${w}/soa/8.5`), soaControlSchema, "8.5");
    expect(control.control.controlId).toBe("8.5");
    const changed = await answerOf(await admin.patch(`${w}/soa/7.4`, { applicability: "applicable", justification: "The office has a server room" }), soaAnswerSchema, "PATCH 7.4");
    expect(changed.control).toMatchObject({ applicability: "applicable", justification: "The office has a server room" });
  });

  it("parses the dashboard", async () => {
    const dashboard = await answerOf(await admin.get(`${w}/dashboard`), dashboardSchema, "dashboard");
    expect(dashboard.readiness?.map((s) => s.stage)).toEqual(["stage1", "stage2", "surveillance"]);
    expect(dashboard.soaByTheme.reduce((sum, t) => sum + t.controls, 0)).toBe(93);
  });

  it("turns the API's refusal of a weak password into the rule it broke", async () => {
    const refused = await getApi().send("POST", "/api/invitation", { token: "x".repeat(43), password: "" });
    const error = await errorOf(refused, "POST /api/invitation");
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message).toBe("The request body is not valid at password: give a password");
  });

  it("lists each invalid field the detail does not already say, one per line", () => {
    const message = problemMessage({
      type: "urn:openisms:problem:invalid-input",
      title: "The request is not valid",
      status: 400,
      detail: "The request body is not valid at email: write an email address such as alice@acme.example (and 1 more)",
      errors: [
        { path: "email", message: "write an email address such as alice@acme.example" },
        { path: "password", message: "give a password" },
      ],
    });
    expect(message).toBe("The request body is not valid at email: write an email address such as alice@acme.example (and 1 more)\npassword: give a password");
  });

  it("says which field of an answer is not what the page expects, and how a non-problem failure went", async () => {
    const drifted = new Response(JSON.stringify({ risks: [{ id: 1 }], total: 1 }), { headers: { "content-type": "application/json" } });
    await expect(answerOf(drifted, riskListSchema, "GET /api/w/acme/risks")).rejects.toThrow(/^The answer to GET \/api\/w\/acme\/risks is not what this page expects \(at risks\.0\.id: /);
    const proxyError = await errorOf(new Response("Bad gateway", { status: 502, statusText: "Bad Gateway" }), "GET /api/me");
    expect(proxyError.message).toBe("GET /api/me failed: the server answered 502 Bad Gateway; try again, and tell the administrator if it persists");
    expect(sessionSchema.safeParse({ account: { id: "a", email: "a@b.c", name: "A" }, csrfToken: "t", expiresAt: "2026-01-01T00:00:00Z" }).success).toBe(true);
  });
});
