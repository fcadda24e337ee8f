// The aws-saas template's starter risk register and treatment plan: well-formed, and every id it
// names (controls, AWS services, people, assets, risks) is one the catalog or the template knows.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { registers } from "../src/app/registers.js";
import { isControlId } from "../src/catalog/annex-a.js";
import { awsServices } from "../src/catalog/aws-map.js";
import { defaultMethodology } from "../src/domain/risk/presets.js";
import { assessRisk } from "../src/domain/risk/scoring.js";

const categories = ["identity and access", "data protection", "availability", "application security", "personnel", "third party"] as const;
const methodology = defaultMethodology();

const level = z.number().int().min(1).max(5);

const riskSchema = z.strictObject({
  id: z.string().regex(/^R-\d{3}$/),
  title: z.string().min(1),
  description: z.string().min(1),
  category: z.enum(categories),
  assetIds: z.array(z.string()).min(1),
  threat: z.string().min(1),
  vulnerability: z.string().min(1),
  owner: z.string(),
  confidentiality: z.boolean(),
  integrity: z.boolean(),
  availability: z.boolean(),
  likelihood: level,
  impacts: z.record(z.string(), level),
  controlIds: z.array(z.string()).min(1).max(5),
  awsServices: z.array(z.string()),
  status: z.literal("open"),
});

const actionSchema = z.strictObject({
  id: z.string().regex(/^T-\d{3}$/),
  riskId: z.string(),
  title: z.string().min(1),
  controlIds: z.array(z.string()).min(1),
  owner: z.string(),
  status: z.literal("planned"),
  evidence: z.string().min(1),
});

const withId = z.object({ id: z.string() });

function readTemplate(file: string): unknown {
  return parse(readFileSync(fileURLToPath(new URL(`../src/app/templates/aws-saas/${file}`, import.meta.url)), "utf8"));
}

const risks = z.array(riskSchema).parse(readTemplate("risks.yaml"));
const actions = z.array(actionSchema).parse(readTemplate("treatment_actions.yaml"));
const personIds = new Set(z.array(withId).parse(readTemplate("people.yaml")).map((p) => p.id));
const assetIds = new Set(z.array(withId).parse(readTemplate("assets.yaml")).map((a) => a.id));
const knownServices = new Set(awsServices);

const sequentialIds = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(3, "0")}`);

describe("the aws-saas starter risk register", () => {
  it("holds between 40 and 60 risks numbered R-001 onwards without gaps", () => {
    expect(risks.length).toBeGreaterThanOrEqual(40);
    expect(risks.length).toBeLessThanOrEqual(60);
    expect(risks.map((r) => r.id)).toEqual(sequentialIds("R", risks.length));
  });

  it("covers each of the six categories with at least five risks", () => {
    for (const category of categories) {
      expect(risks.filter((r) => r.category === category).length, category).toBeGreaterThanOrEqual(5);
    }
  });

  it("treats every risk with Annex A controls that exist in the catalog", () => {
    for (const risk of risks) {
      for (const id of risk.controlIds) expect(isControlId(id), `${risk.id} names control ${id}`).toBe(true);
    }
  });

  it("names AWS services only as the catalog's AWS map spells them", () => {
    for (const risk of risks) {
      for (const service of risk.awsServices) expect(knownServices.has(service), `${risk.id} names ${service}`).toBe(true);
    }
  });

  it("gives every risk an owner from the people register and assets from the asset inventory", () => {
    for (const risk of risks) {
      expect(personIds.has(risk.owner), `${risk.id} owner ${risk.owner}`).toBe(true);
      for (const id of risk.assetIds) expect(assetIds.has(id), `${risk.id} names asset ${id}`).toBe(true);
    }
  });

  it("rates at least one impact criterion and harms at least one of confidentiality, integrity and availability", () => {
    for (const risk of risks) {
      expect(Object.keys(risk.impacts).length, risk.id).toBeGreaterThan(0);
      expect(risk.confidentiality || risk.integrity || risk.availability, risk.id).toBe(true);
    }
  });

  it("rates impact only on the criteria of the default methodology, so every risk scores under it", () => {
    const criteria = methodology.impact.criteria.map((c) => c.id);
    for (const risk of risks) {
      for (const criterion of Object.keys(risk.impacts)) expect(criteria, `${risk.id} rates ${criterion}`).toContain(criterion);
      expect(() => assessRisk(methodology, risk), risk.id).not.toThrow();
    }
  });

  it("spreads likelihood and impact so that the heat map shows every band but the extremes stay rare", () => {
    const assessed = risks.map((risk) => ({ risk, ...assessRisk(methodology, risk) }));
    expect(new Set(risks.map((r) => r.likelihood)).size).toBe(5);
    expect(new Set(assessed.map((a) => a.impact)).size).toBeGreaterThanOrEqual(4);
    const perBand = (band: string) => assessed.filter((a) => a.band.id === band).length;
    for (const band of methodology.bands) expect(perBand(band.id), band.id).toBeGreaterThan(0);
    expect(perBand("critical")).toBeLessThanOrEqual(risks.length / 10);
  });

  it("leaves scores, decisions and approvals for the methodology and the risk owners", () => {
    const derived = ["impact", "inherentScore", "decision", "residualLikelihood", "residualImpacts", "residualScore", "planApprovedBy", "residualAcceptedBy"];
    for (const row of z.array(z.record(z.string(), z.unknown())).parse(readTemplate("risks.yaml"))) {
      for (const key of derived) expect(Object.keys(row), String(row.id)).not.toContain(key);
    }
  });
});

describe("the aws-saas starter risk treatment plan", () => {
  const riskIds = new Set(risks.map((r) => r.id));

  it("holds between 10 and 15 actions numbered T-001 onwards without gaps", () => {
    expect(actions.length).toBeGreaterThanOrEqual(10);
    expect(actions.length).toBeLessThanOrEqual(15);
    expect(actions.map((a) => a.id)).toEqual(sequentialIds("T", actions.length));
  });

  it("points every action at a risk in the register, an owner in the people register and controls in the catalog", () => {
    for (const action of actions) {
      expect(riskIds.has(action.riskId), `${action.id} treats ${action.riskId}`).toBe(true);
      expect(personIds.has(action.owner), `${action.id} owner ${action.owner}`).toBe(true);
      for (const id of action.controlIds) expect(isControlId(id), `${action.id} names control ${id}`).toBe(true);
    }
  });

  it("plans an action for every risk that scores 15 or more under the default methodology", () => {
    const treated = new Set(actions.map((a) => a.riskId));
    for (const risk of risks) {
      if (assessRisk(methodology, risk).score >= 15) expect(treated.has(risk.id), risk.id).toBe(true);
    }
  });
});

describe("the starter risk files as isms import reads them", () => {
  it.each([
    ["risks", risks],
    ["treatment_actions", actions],
  ] as const)("every row of %s.yaml fits its table", (name, rows) => {
    const register = registers.find((r) => r.name === name);
    expect(register, name).toBeDefined();
    for (const row of rows) expect(register?.row.safeParse(row).success, `${name} ${row.id}`).toBe(true);
  });
});
