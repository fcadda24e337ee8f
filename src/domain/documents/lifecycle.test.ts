// The rules of a controlled document's version: which action each status allows, how a refusal
// guides the user, version numbering, segregation of duties in approval and the review date.
import { describe, expect, it } from "vitest";
import {
  checkApprover,
  compareVersions,
  documentActions,
  documentStatuses,
  DocumentLifecycleError,
  editStartsNewVersion,
  nextReviewDay,
  nextVersionNumber,
  transition,
  type ApprovalCheck,
  type DocumentAction,
  type DocumentStatus,
} from "./lifecycle.js";

/** The error `run` throws, so that a test can assert on its class and text. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error, but nothing was thrown");
}

const allowed: readonly { status: DocumentStatus; action: DocumentAction; leaves: DocumentStatus }[] = [
  { status: "draft", action: "edit", leaves: "draft" },
  { status: "draft", action: "submit", leaves: "in_review" },
  { status: "in_review", action: "approve", leaves: "approved" },
  { status: "in_review", action: "reject", leaves: "draft" },
  { status: "approved", action: "publish", leaves: "published" },
];

/** How each status is named in a message, and the command a refusal from that status points to. */
const guidance: Record<DocumentStatus, { label: string; command: string }> = {
  draft: { label: "draft", command: "isms docs submit POL-ACCESS" },
  in_review: { label: "in review", command: "isms docs approve POL-ACCESS" },
  approved: { label: "approved", command: "isms docs publish POL-ACCESS" },
  published: { label: "published", command: "isms docs edit POL-ACCESS" },
  superseded: { label: "superseded", command: "isms docs show POL-ACCESS" },
};

const refused = documentStatuses.flatMap((status) =>
  documentActions.filter((action) => !allowed.some((a) => a.status === status && a.action === action)).map((action) => ({ status, action })),
);

describe("moving a document version through its lifecycle", () => {
  it.each(allowed)("$action on a $status version leaves it $leaves", ({ status, action, leaves }) => {
    expect(transition("POL-ACCESS", "2", status, action)).toBe(leaves);
  });

  it("refuses every other pair of status and action (20 of the 25)", () => {
    expect(refused).toHaveLength(20);
  });

  it.each(refused)("refuses to $action a $status version, naming it and saying what to run next", ({ status, action }) => {
    const error = thrownBy(() => transition("POL-ACCESS", "2", status, action));

    expect(error).toBeInstanceOf(DocumentLifecycleError);
    const message = error instanceof Error ? error.message : "";
    expect(message).toContain(`Cannot ${action} POL-ACCESS v2`);
    expect(message).toContain(`it is ${guidance[status].label}`);
    expect(message).toContain(guidance[status].command);
  });

  it("tells a user who publishes a draft to submit it for review first", () => {
    expect(() => transition("POL-CRYPTO", "1", "draft", "publish")).toThrow(
      /Cannot publish POL-CRYPTO v1: it is draft, and publish needs a version that is approved.*isms docs submit POL-CRYPTO/,
    );
  });

  it("says which statuses an action needs, in words", () => {
    expect(() => transition("POL-CRYPTO", "1", "draft", "approve")).toThrow("approve needs a version that is in review");
  });

  it("refuses a status it does not know and says so", () => {
    const error = thrownBy(() => transition("POL-CRYPTO", "1", "archived", "publish"));

    expect(error).toBeInstanceOf(DocumentLifecycleError);
    expect(error instanceof Error ? error.message : "").toContain('its status "archived" is not one OpenISMS knows');
  });
});

describe("editing a document", () => {
  it.each(["approved", "published", "superseded"] as const)("starts a new version when the newest is %s", (status) => {
    expect(editStartsNewVersion(status)).toBe(true);
  });

  it.each(["draft", "in_review"] as const)("writes on the same version when it is %s", (status) => {
    expect(editStartsNewVersion(status)).toBe(false);
  });
});

describe("numbering versions", () => {
  it("numbers the first version 1", () => {
    expect(nextVersionNumber([])).toBe("1");
  });

  it("numbers the next version one above the highest so far", () => {
    expect(nextVersionNumber(["1", "2"])).toBe("3");
    expect(nextVersionNumber(["2", "1"])).toBe("3");
  });

  it("counts a minor version by its major number", () => {
    expect(nextVersionNumber(["1.3"])).toBe("2");
    expect(nextVersionNumber(["1", "1.1", "1.2"])).toBe("2");
  });

  it("orders versions by their numbers, not their text", () => {
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("1.9", "1.10")).toBeLessThan(0);
    expect(compareVersions("10", "9")).toBeGreaterThan(0);
    expect(compareVersions("2", "2")).toBe(0);
    expect(["2", "1.10", "10", "1", "1.9"].sort(compareVersions)).toEqual(["1", "1.9", "1.10", "2", "10"]);
  });
});

describe("who may approve a version", () => {
  const approval = (overrides: Partial<ApprovalCheck>): ApprovalCheck => ({
    documentId: "POL-ISP",
    version: "3",
    author: "P-002",
    approver: "P-001",
    people: 6,
    ...overrides,
  });

  it("refuses the author as approver when someone else could approve", () => {
    const error = thrownBy(() => checkApprover(approval({ approver: "P-002", people: 2 })));

    expect(error).toBeInstanceOf(DocumentLifecycleError);
    const message = error instanceof Error ? error.message : "";
    expect(message).toContain("P-002 wrote POL-ISP v3 and cannot approve it");
    expect(message).toContain("isms docs approve POL-ISP --by <person>");
  });

  it("lets the author approve when the author is the only person in the workspace", () => {
    expect(() => checkApprover(approval({ approver: "P-002", people: 1 }))).not.toThrow();
  });

  it("lets someone other than the author approve", () => {
    expect(() => checkApprover(approval({ approver: "P-001" }))).not.toThrow();
  });

  it("lets anyone approve a version whose author is not recorded", () => {
    expect(() => checkApprover(approval({ author: null, approver: "P-002" }))).not.toThrow();
  });
});

describe("the next review of a published version", () => {
  it("falls the given number of months after publication", () => {
    expect(nextReviewDay(new Date(Date.UTC(2025, 2, 15)), 12)).toBe("2026-03-15");
  });

  it("moves 31 January plus a month to the last day of February in a common year", () => {
    expect(nextReviewDay(new Date(Date.UTC(2025, 0, 31)), 1)).toBe("2025-02-28");
  });

  it("moves 31 January plus a month to 29 February in a leap year", () => {
    expect(nextReviewDay(new Date(Date.UTC(2024, 0, 31)), 1)).toBe("2024-02-29");
  });

  it("counts the day of publication in UTC", () => {
    expect(nextReviewDay(new Date("2025-01-31T23:30:00Z"), 1)).toBe("2025-02-28");
  });
});
