// Reading which 9.3.2 inputs a management review covered from the keys of its inputs record.
import { describe, expect, it } from "vitest";
import { coveredReviewInputs, reviewInputRef } from "./review-inputs.js";

describe("management review inputs", () => {
  it("reads the 9.3.2 input a key names, however it is written", () => {
    expect(["a", "B)", "9.3.2 c)", "9.3.2d", " g "].map(reviewInputRef)).toEqual(["9.3.2 a)", "9.3.2 b)", "9.3.2 c)", "9.3.2 d)", "9.3.2 g)"]);
    expect(reviewInputRef("h")).toBeNull();
    expect(reviewInputRef("decisions")).toBeNull();
  });

  it("counts an input covered only when something was recorded for it", () => {
    expect(coveredReviewInputs({ a: "All actions closed", b: "", c: null, d: ["Trend of incidents"], e: {}, f: true })).toEqual(["9.3.2 a)", "9.3.2 d)", "9.3.2 f)"]);
  });
});
