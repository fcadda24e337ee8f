// The request list a draw makes: kinds in a fixed order, a request per drawn item that is provided when
// the data answers it, the whole population when it is small, and a request for the population when it is empty.
import { describe, expect, it } from "vitest";
import { defaultSampleSizes, type Population, type SampleCandidate, type SampleKind } from "./model.js";
import { describeKind, planAuditSample } from "./plan.js";

const candidate = (key: string, answered: boolean, on?: string): SampleCandidate => ({ key, on, item: `item ${key}`, evidenceIds: answered ? [`E-${key}`] : [], records: [], answered, note: `note ${key}` });
const population = (kind: SampleKind, candidates: SampleCandidate[]): Population => ({
  kind,
  candidates,
  from: `the ${kind} source`,
  whenEmpty: { item: `all ${kind}`, evidenceIds: [], records: [], answered: false, note: `provide the ${kind}` },
});
const users = population("users", Array.from({ length: 40 }, (_, i) => candidate(`u${i}`, i % 2 === 0)));
const joiners = population("joiners", [candidate("P-2", true, "2026-01-01"), candidate("P-1", false, "2025-09-01")]);
const restores = population("restores", []);

describe("planAuditSample", () => {
  const plan = planAuditSample([joiners, restores, users], defaultSampleSizes, "seed-1");

  it("draws the kinds in their fixed order, 25 users, both joiners and one request for the missing restore test", () => {
    expect(plan.requests.map((r) => r.topic).filter((t, i, all) => all.indexOf(t) === i)).toEqual(["iam-users", "backup-restore-tests", "joiners"]);
    expect(plan.requests.filter((r) => r.topic === "iam-users")).toHaveLength(25);
    expect(plan.requests.filter((r) => r.topic === "joiners").map((r) => r.item)).toEqual(["item P-1", "item P-2"]);
    expect(plan.requests.find((r) => r.topic === "backup-restore-tests")).toMatchObject({ item: "all restores", status: "open", note: "provide the restores", controlIds: ["8.13"] });
  });

  it("marks a request provided when the data answers it and open otherwise, carrying its evidence and note", () => {
    const [oldest, newest] = plan.requests.filter((r) => r.topic === "joiners");
    expect(oldest).toMatchObject({ status: "open", evidenceIds: [], note: "note P-1", question: "Show this joiner's information security awareness training", controlIds: ["6.3"] });
    expect(newest).toMatchObject({ status: "provided", evidenceIds: ["E-P-2"] });
  });

  it("says which kinds were taken whole and which had nothing to draw from", () => {
    expect(plan.kinds.map((k) => [k.kind, k.asked, k.population, k.drawn, k.whole])).toEqual([
      ["users", 25, 40, 25, false],
      ["restores", 1, 0, 0, true],
      ["joiners", 5, 2, 2, true],
    ]);
    expect(plan.kinds.map(describeKind)).toEqual([
      "25 of 40 IAM users, from the users source",
      "no backup restore tests to draw from (the restores source); asked for the population instead",
      "2 of 2 joiners: the whole population (5 asked), from the joiners source",
    ]);
  });

  it("skips a kind whose size is 0 and draws the same list from the same seed", () => {
    const again = planAuditSample([users, joiners, restores], { ...defaultSampleSizes, restores: 0 }, "seed-1");
    expect(again.kinds.map((k) => k.kind)).toEqual(["users", "joiners"]);
    expect(again.requests.filter((r) => r.topic === "iam-users")).toEqual(plan.requests.filter((r) => r.topic === "iam-users"));
    const other = planAuditSample([users], defaultSampleSizes, "seed-2");
    expect(other.requests.map((r) => r.item)).not.toEqual(plan.requests.filter((r) => r.topic === "iam-users").map((r) => r.item));
  });

  it("describes the latest rule when it picks among several restore tests", () => {
    const several = planAuditSample([population("restores", [candidate("ACT-1", true, "2025-10-01"), candidate("ACT-2", true, "2026-01-01")])], defaultSampleSizes, "s");
    expect(several.requests.map((r) => r.item)).toEqual(["item ACT-2"]);
    expect(several.kinds.map(describeKind)).toEqual(["the latest 1 of 2 backup restore tests, from the restores source"]);
  });
});
