// Views of a workspace are computed once and reused until the workspace changes: at once for a change
// made through this server, within a second for one made elsewhere; concurrent requests share one
// computation, and a failed one is tried again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditLog } from "../../app/audit-log.js";
import type { Workspace } from "../../app/workspaces.js";
import type { Store } from "../../store/open.js";
import { createTestWorkspace } from "../../../test/helpers/fixtures.js";
import { openTestStore } from "../../../test/helpers/pglite-template.js";
import { headTrustMs, workspaceChanged, workspaceView } from "./workspace-views.js";

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(() => store.close());

/** A view that counts its computations and answers with the count. */
function countingView() {
  let computed = 0;
  const view = workspaceView(() => Promise.resolve(++computed));
  return { view, computed: () => computed };
}

const change = (ws: Workspace) => store.db.transaction((tx) => appendAuditLog(tx, { workspaceId: ws.id, actor: "test", action: "test.change", entityType: "test", entityId: "1", before: null, after: null }));

describe("a workspace view", () => {
  it("is computed once for concurrent and later requests while nothing changes", async () => {
    const ws = await createTestWorkspace(store.db);
    const { view, computed } = countingView();
    expect(await Promise.all([view(store.db, ws), view(store.db, ws), view(store.db, ws)])).toEqual([1, 1, 1]);
    expect(await view(store.db, ws)).toBe(1);
    expect(computed()).toBe(1);
  });

  it("is computed again at once after a change made through this server", async () => {
    const ws = await createTestWorkspace(store.db);
    const { view } = countingView();
    expect(await view(store.db, ws)).toBe(1);
    await change(ws);
    workspaceChanged(store.db, ws.id);
    expect(await view(store.db, ws)).toBe(2);
    // Marked changed, but nothing was written: the head is the same, the view stands.
    workspaceChanged(store.db, ws.id);
    expect(await view(store.db, ws)).toBe(2);
  });

  it("sees a change made by another process once the head is read again, within a second", async () => {
    const ws = await createTestWorkspace(store.db);
    const { view } = countingView();
    expect(await view(store.db, ws)).toBe(1);
    await change(ws);
    expect(await view(store.db, ws)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, headTrustMs + 50));
    expect(await view(store.db, ws)).toBe(2);
  });

  it("keeps each workspace's view apart", async () => {
    const [a, b] = [await createTestWorkspace(store.db), await createTestWorkspace(store.db)];
    const view = workspaceView((_db, ws) => Promise.resolve(ws.slug));
    expect([await view(store.db, a), await view(store.db, b)]).toEqual([a.slug, b.slug]);
  });

  it("forgets a computation that failed, so that the next request tries again", async () => {
    const ws = await createTestWorkspace(store.db);
    let attempts = 0;
    const view = workspaceView(() => (++attempts === 1 ? Promise.reject(new Error("the database went away")) : Promise.resolve(attempts)));
    await expect(view(store.db, ws)).rejects.toThrow("the database went away");
    expect(await view(store.db, ws)).toBe(2);
  });
});
