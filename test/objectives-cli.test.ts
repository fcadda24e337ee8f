// `isms objectives …` as a user runs it (in-process): the register, measurements by hand, the trend,
// binding to a check, and the mistakes a user makes (exit 2 for usage, 1 for a refused change).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ismsInProcess } from "./helpers/cli-in-process.js";

let dir: string;
const isms = (...args: string[]) => ismsInProcess(["--data-dir", join(dir, "data"), ...args]);
const json = async (...args: string[]): Promise<unknown> => {
  const result = await isms("--json", ...args);
  if (result.status !== 0) throw new Error(`isms ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
};

const listed = z.array(z.object({ id: z.string(), checkId: z.string().nullable(), targetValue: z.number().nullable(), latest: z.object({ value: z.number() }).nullable(), met: z.boolean().nullable() }));
const trendJson = z.object({
  objective: z.object({ id: z.string(), targetValue: z.number().nullable() }),
  direction: z.string(),
  points: z.array(z.object({ id: z.string(), measuredOn: z.string(), value: z.number(), source: z.string(), met: z.boolean().nullable() })),
  change: z.number().nullable(),
  met: z.boolean().nullable(),
  sparkline: z.string(),
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "isms-objectives-cli-"));
  const init = await isms("init", "--name", "Acme ISMS", "--template", "aws-saas");
  expect(init.status, init.stderr).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("isms objectives", () => {
  it("lists the template's objectives with OBJ-001 measured by the console MFA check", async () => {
    const list = await isms("objectives", "list");
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/OBJ-001\s+active\s+P-002\s+iam-user-console-mfa\s+—\s+≥ 100%/);
    const objectives = listed.parse(await json("objectives", "list"));
    expect(objectives.map((o) => o.id)).toEqual(["OBJ-001", "OBJ-002", "OBJ-003", "OBJ-004"]);
    expect(objectives[0]).toMatchObject({ checkId: "iam-user-console-mfa", targetValue: 100, latest: null, met: null });
  });

  it("adds an objective, records two measurements by hand and shows them as a trend that meets the target", async () => {
    const added = await isms("objectives", "add", "--title", "Access reviews are done on time", "--owner", "Head of Security", "--target", "at least 95%", "--target-value", "95", "--unit", "%", "--frequency", "quarterly");
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toContain("Added objective OBJ-005.");
    expect((await isms("objectives", "measure", "OBJ-005", "--value", "80", "--on", "2026-01-31", "--note", "Q4 review")).status).toBe(0);
    const second = await isms("objectives", "measure", "OBJ-005", "--value", "97.5", "--on", "2026-04-30");
    expect(second.stdout).toContain("Recorded MS-002: OBJ-005 97.5% on 2026-04-30.");
    expect(second.stdout).toContain("80% → 97.5% over 2 measurements (2026-01-31 to 2026-04-30); target ≥ 95%: met");

    const trend = trendJson.parse(await json("objectives", "trend", "OBJ-005"));
    expect(trend.points.map((p) => [p.measuredOn, p.value, p.source, p.met])).toEqual([["2026-01-31", 80, "manual", false], ["2026-04-30", 97.5, "manual", true]]);
    expect(trend).toMatchObject({ direction: "at-least", change: 17.5, met: true });
    expect(trend.sparkline).toHaveLength(2);

    const shown = await isms("objectives", "show", "OBJ-005");
    expect(shown.stdout).toContain("owner          P-002");
    expect(shown.stdout).toMatch(/MS-001\s+2026-01-31\s+80%\s+not met\s+manual\s+Q4 review/);
    expect(shown.stdout).toContain("Trend: ");
  });

  it("binds an objective to a check and unbinds it, refusing an unknown check with the near ones", async () => {
    const unknown = await isms("objectives", "bind", "OBJ-003", "--check", "iam-users-mfa");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/No automated check "iam-users-mfa"\. Did you mean .*iam-user-console-mfa/);
    const root = await isms("objectives", "bind", "OBJ-003", "--check", "iam-root-mfa", "--target", "100", "--unit", "%");
    expect(root.status, root.stderr).toBe(0);
    expect(root.stdout).toContain("OBJ-003 is measured by iam-root-mfa at each collection (target 100%).");
    const unbound = await isms("objectives", "bind", "OBJ-003", "--unbind");
    expect(unbound.stdout).toContain("OBJ-003 is no longer bound to a check; its measurements stay.");
  });

  it("says what was wrong with a call and exits 2", async () => {
    const cases: [string[], string][] = [
      [["objectives", "bind", "OBJ-001"], "Name the check with --check <check id>, or give --unbind"],
      [["objectives", "measure", "OBJ-001", "--value", "lots"], '--value: "lots" is not a number'],
      [["objectives", "measure", "OBJ-001", "--value", "5", "--on", "31/01/2026"], '--on: "31/01/2026" is not a date; write it as YYYY-MM-DD'],
      [["objectives", "edit", "OBJ-001", "--status", "done"], '--status: "done" is not one of planned, active'],
      [["objectives", "add", "--owner", "P-002"], "--title is required to add an objective"],
    ];
    for (const [args, message] of cases) {
      const result = await isms(...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });

  it("refuses an unknown objective or owner and exits 1; removing an objective takes its measurements", async () => {
    const missing = await isms("objectives", "show", "OBJ-404");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("No objective OBJ-404 in this workspace. List them with: isms objectives list");
    const owner = await isms("objectives", "edit", "OBJ-002", "--owner", "Nobody Known");
    expect(owner.status).toBe(1);
    expect(owner.stderr).toContain('owner: no person "Nobody Known"');
    const removed = await isms("objectives", "remove", "OBJ-005");
    expect(removed.stdout).toContain("Removed objective OBJ-005 and its 2 measurements.");
  });
});
