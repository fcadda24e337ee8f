// The demo's evidence: one real collection run (organization mode, every collector and check) against
// the simulated AWS organization that `isms demo` starts on loopback.
import type { BlobStore } from "../evidence/index.js";
import type { Db } from "../store/open.js";
import { runAwsCollection, type AwsCollectionOutcome } from "./aws-collection.js";
import type { Workspace } from "./workspaces.js";

/** Where the simulated organization answers, and the credentials of its management account. */
export interface SimulatedOrganization {
  url: string;
  env: Record<string, string>;
}

/** The role the demo scenario lets the management account assume in each member account. */
const demoCollectorRole = "ISMSCollector";

export function collectDemoEvidence(db: Db, ws: Workspace, blobs: BlobStore, organization: SimulatedOrganization): Promise<AwsCollectionOutcome> {
  const { env } = organization;
  return runAwsCollection(db, ws, blobs, {
    clientConfig: {
      endpoint: organization.url,
      region: env.AWS_REGION ?? "us-east-1",
      credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID ?? "", secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? "" },
    },
    org: true,
    roleName: demoCollectorRole,
    actor: "demo",
  });
}
