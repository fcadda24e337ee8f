// Small factories for store tests: unique workspaces, so that tests sharing a suite's store never collide.
import { randomBytes } from "node:crypto";
import type { Db } from "../../src/store/open.js";
import type { NewWorkspaceRow, Workspace } from "../../src/store/workspaces.js";
import { createWorkspace } from "../../src/store/workspaces.js";

/** A slug no other test uses: "<prefix>-<random>". */
export function uniqueSlug(prefix = "ws"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export function newWorkspaceRow(overrides: Partial<NewWorkspaceRow> = {}): NewWorkspaceRow {
  return { slug: uniqueSlug(), name: "Acme ISMS", companyName: "Acme Cloud Ltd", template: "blank", ...overrides };
}

export function createTestWorkspace(db: Db, overrides: Partial<NewWorkspaceRow> = {}): Promise<Workspace> {
  return createWorkspace(db, newWorkspaceRow(overrides));
}
