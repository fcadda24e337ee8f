// The demo workspace `npm start` builds: the aws-saas template for a fictional company, rebuilt
// from scratch on every run so it always shows the current template.
import type { Db } from "../store/open.js";
import { initWorkspace, type WorkspaceSummary } from "./workspaces.js";

export const demoSlug = "demo";

export async function createDemoWorkspace(db: Db): Promise<WorkspaceSummary> {
  return initWorkspace(db, {
    slug: demoSlug,
    name: "Demo ISMS",
    companyName: "Example Cloud Ltd",
    template: "aws-saas",
    actor: "demo",
    replaceExisting: true,
  });
}
