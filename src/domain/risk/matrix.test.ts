import { describe, expect, it } from "vitest";
import { riskMatrix } from "./matrix.js";
import { defaultMethodology } from "./presets.js";
import { riskSchema } from "./risk.js";

const risk = (id: string, l: number | null, i: number | null, rl?: number, ri?: number) =>
  riskSchema.parse({ id, title: id, likelihood: l, impact: i, residualLikelihood: rl ?? null, residualImpact: ri ?? null });

describe("risk matrix", () => {
  it("counts risks per likelihood × impact cell and colours each cell by its band", () => {
    const m = defaultMethodology();
    const matrix = riskMatrix(m, [risk("R-001", 5, 5), risk("R-002", 5, 5), risk("R-003", 1, 2)], "inherent");
    expect(matrix.cells[4]?.[4]).toMatchObject({ score: 25, riskIds: ["R-001", "R-002"], band: { id: "critical" } });
    expect(matrix.cells[0]?.[1]).toMatchObject({ score: 2, riskIds: ["R-003"], band: { id: "low" } });
  });

  it("puts a risk with no residual rating at its inherent place on the residual side, and leaves unrated risks out", () => {
    const m = defaultMethodology();
    const matrix = riskMatrix(m, [risk("R-001", 4, 4, 2, 3), risk("R-002", 3, 3), risk("R-003", null, null)], "residual");
    expect(matrix.cells[1]?.[2]?.riskIds).toEqual(["R-001"]);
    expect(matrix.cells[2]?.[2]?.riskIds).toEqual(["R-002"]);
    expect(matrix.unrated).toEqual(["R-003"]);
  });
});
