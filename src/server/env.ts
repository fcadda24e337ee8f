// What every request handler of the HTTP API can read from its context: the store, the signed-in
// account, and — under /api/w/:workspace/ — the workspace and the account's principal there.
import type { Principal } from "../domain/access/permissions.js";
import type { BlobStore } from "../evidence/blobs.js";
import type { Db } from "../store/open.js";
import type { Workspace } from "../app/workspaces.js";

/** The signed-in account. */
export interface SignedInAccount {
  id: string;
  email: string;
  name: string;
}

export interface AppVariables {
  db: Db;
  /** The evidence folder, when the deployment has one. */
  blobs: BlobStore | null;
  /** Null on routes that need no sign-in. */
  account: SignedInAccount | null;
  /** Set by the workspace middleware on /api/w/:workspace/… routes. */
  workspace: Workspace;
  principal: Principal;
  /** The actor recorded in the audit log: "account:<email>". */
  actor: string;
}

export type AppEnv = { Variables: AppVariables };
