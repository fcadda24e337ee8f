// The signed-in account as every screen sees it: who, in which workspace, with what principal, and how
// to sign out. Provided by the shell (Shell.tsx).
import { createContext, useContext } from "react";
import type { Principal } from "../../domain/access/permissions.js";
import type { Me, Membership } from "../api/schemas.js";

export interface WorkspaceSession {
  me: Me;
  membership: Membership;
  principal: Principal;
  /** The workspace's slug, as in its URLs. */
  workspace: string;
}

export const WorkspaceContext = createContext<WorkspaceSession | null>(null);

export function useWorkspace(): WorkspaceSession {
  const session = useContext(WorkspaceContext);
  if (!session) throw new Error("useWorkspace() outside a workspace page: render it inside the shell's WorkspaceContext");
  return session;
}
