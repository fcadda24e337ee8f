import { describe, expect, it } from "vitest";
import { deriveImplementationStatus, deriveStatementOfApplicability, isFresh, soaControls, type DeriveSoaInput, type StatusFacts, type StoredSoaRow } from "./derive.js";

const asOf = new Date("2026-06-30T12:00:00Z");
const daysAgo = (days: number) => new Date(asOf.getTime() - days * 24 * 60 * 60 * 1000);

function stored(controlId: string, overrides: Partial<StoredSoaRow> = {}): StoredSoaRow {
  return {
    controlId,
    applicability: "applicable",
    reasons: [{ kind: "business" }],
    justification: "Needed",
    implementationStatus: "not_assessed",
    statusOverrideReason: null,
    owner: null,
    implementationDescription: null,
    reference: null,
    ...overrides,
  };
}

function derive(overrides: Partial<DeriveSoaInput> = {}) {
  return deriveStatementOfApplicability({ controls: soaControls([]), stored: [], risks: [], evidence: [], asOf, ...overrides });
}

const facts = (overrides: Partial<StatusFacts>): StatusFacts => ({
  applicability: "applicable",
  storedStatus: null,
  overrideReason: null,
  checks: [],
  hasFreshEvidence: false,
  ...overrides,
});

describe("deriving the implementation status", () => {
  it("gives a control nobody has assessed and with no evidence no status, stated by nobody", () => {
    expect(deriveImplementationStatus(facts({}))).toEqual({ status: null, source: "manual" });
  });

  it("keeps the status a person stated where nothing can be derived", () => {
    expect(deriveImplementationStatus(facts({ storedStatus: "planned" }))).toEqual({ status: "planned", source: "manual" });
  });

  it("calls a control with passing checks and fresh evidence implemented", () => {
    expect(deriveImplementationStatus(facts({ checks: [{ passed: true }, { passed: true }], hasFreshEvidence: true, storedStatus: "planned" }))).toEqual({
      status: "implemented",
      source: "derived",
    });
  });

  it("calls a control with some failing checks partially implemented, whatever a person stated", () => {
    expect(deriveImplementationStatus(facts({ checks: [{ passed: true }, { passed: false }], hasFreshEvidence: true, storedStatus: "implemented" }))).toEqual({
      status: "partially_implemented",
      source: "derived",
    });
  });

  it("calls a control whose every check fails not implemented", () => {
    expect(deriveImplementationStatus(facts({ checks: [{ passed: false }] }))).toEqual({ status: "not_implemented", source: "derived" });
  });

  it("does not call passing checks implemented without fresh evidence", () => {
    expect(deriveImplementationStatus(facts({ checks: [{ passed: true }], storedStatus: "planned" }))).toEqual({ status: "planned", source: "manual" });
  });

  it("calls an unassessed control with fresh evidence implemented, but lets a person's statement stand", () => {
    expect(deriveImplementationStatus(facts({ hasFreshEvidence: true }))).toEqual({ status: "implemented", source: "derived" });
    expect(deriveImplementationStatus(facts({ hasFreshEvidence: true, storedStatus: "planned" }))).toEqual({ status: "planned", source: "manual" });
  });

  it("lets an override with a reason win over failing checks", () => {
    expect(deriveImplementationStatus(facts({ checks: [{ passed: false }], storedStatus: "implemented", overrideReason: "The check misreads our setup" }))).toEqual({
      status: "implemented",
      source: "override",
    });
  });

  it("gives an excluded control no status at all", () => {
    expect(deriveImplementationStatus(facts({ applicability: "not_applicable", storedStatus: "implemented", checks: [{ passed: true }], hasFreshEvidence: true }))).toEqual({
      status: null,
      source: "manual",
    });
  });
});

describe("deriving the SoA", () => {
  it("lists the 93 controls in the standard's order, then the own controls, each undecided until stored", () => {
    const entries = derive({ controls: soaControls([{ id: "ACME-10", title: "Ten" }, { id: "ACME-2", title: "Two" }]) });
    expect(entries).toHaveLength(95);
    expect(entries.slice(0, 3).map((e) => e.controlId)).toEqual(["5.1", "5.2", "5.3"]);
    expect(entries.map((e) => e.controlId).indexOf("5.10")).toBe(9);
    expect(entries.at(92)?.controlId).toBe("8.34");
    expect(entries.slice(93).map((e) => [e.controlId, e.theme])).toEqual([["ACME-2", "own"], ["ACME-10", "own"]]);
    expect(entries.every((e) => e.applicability === null && e.justification === "")).toBe(true);
  });

  it("derives risk reasons from the risks treated by the control and ignores stored ones", () => {
    const entries = derive({
      stored: [stored("8.5", { reasons: [{ kind: "risk", ref: "R-099" }, { kind: "legal", ref: "GDPR" }] })],
      risks: [
        { id: "R-010", controlIds: ["8.5"], decision: "treat" },
        { id: "R-002", controlIds: ["8.5", "5.17"], decision: "treat" },
        { id: "R-003", controlIds: ["8.5"], decision: "tolerate" },
        { id: "R-004", controlIds: ["8.5"], decision: null },
      ],
    });
    const entry = entries.find((e) => e.controlId === "8.5");
    expect(entry?.treatedRiskIds).toEqual(["R-002", "R-010"]);
    expect(entry?.reasons).toEqual([{ kind: "risk", ref: "R-002" }, { kind: "risk", ref: "R-010" }, { kind: "legal", ref: "GDPR" }]);
    expect(entries.find((e) => e.controlId === "5.17")?.reasons).toEqual([{ kind: "risk", ref: "R-002" }]);
  });

  it("lists a control's evidence newest first with its freshness, leaving out what was collected after the date", () => {
    const entries = derive({
      stored: [stored("8.15", { evidenceRefs: ["E-009"] })],
      evidence: [
        { id: "E-001", controlIds: ["8.15"], collectedAt: daysAgo(120) },
        { id: "E-002", controlIds: ["8.15", "8.16"], collectedAt: daysAgo(10) },
        { id: "E-003", controlIds: ["8.15"], collectedAt: daysAgo(-5) },
        { id: "E-009", controlIds: [], collectedAt: daysAgo(30) },
      ],
    });
    const entry = entries.find((e) => e.controlId === "8.15");
    expect(entry?.evidence.map((e) => [e.id, e.fresh])).toEqual([["E-002", true], ["E-009", true], ["E-001", false]]);
    expect(entry?.implementationStatus).toBe("implemented");
    expect(entry?.statusSource).toBe("derived");
    expect(entries.find((e) => e.controlId === "8.16")?.evidence.map((e) => e.id)).toEqual(["E-002"]);
  });

  it("uses check results when given and reads a stored status override with its reason", () => {
    const entries = derive({
      stored: [stored("8.24", { implementationStatus: "implemented" }), stored("8.13", { implementationStatus: "partially_implemented", statusOverrideReason: "Restores untested" })],
      evidence: [{ id: "E-1", controlIds: ["8.24", "8.13"], collectedAt: daysAgo(1) }],
      checkResults: [{ controlId: "8.24", passed: true }, { controlId: "8.24", passed: false }, { controlId: "8.13", passed: true }],
    });
    expect(entries.find((e) => e.controlId === "8.24")).toMatchObject({ implementationStatus: "partially_implemented", statusSource: "derived", statusOverrideReason: null });
    expect(entries.find((e) => e.controlId === "8.13")).toMatchObject({ implementationStatus: "partially_implemented", statusSource: "override", statusOverrideReason: "Restores untested" });
  });

  it("reads the store's 'not assessed' word as no status", () => {
    const [entry] = derive({ stored: [stored("5.1", { implementationStatus: "not_assessed" })] });
    expect(entry).toMatchObject({ controlId: "5.1", implementationStatus: null, statusSource: "manual" });
  });

  it("counts evidence as fresh up to the freshness window and no further", () => {
    expect(isFresh(daysAgo(90), asOf)).toBe(true);
    expect(isFresh(daysAgo(91), asOf)).toBe(false);
    expect(isFresh(daysAgo(20), asOf, 14)).toBe(false);
    expect(isFresh(daysAgo(-1), asOf)).toBe(false);
  });
});
