// The asset inventory, entered by hand or discovered from AWS.
import { boolean, jsonb, pgTable, text, unique } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";
import { personReference } from "./people.js";

/**
 * Inventory of information and other associated assets (A.5.9) with owner and classification
 * (A.5.12). `externalRef` is the discovered resource's identity (an ARN), unique per workspace.
 */
export const assets = pgTable(
  "assets",
  {
    ...workspaceScoped(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    owner: text("owner"),
    classification: text("classification"),
    inScope: boolean("in_scope").notNull().default(true),
    description: text("description"),
    location: text("location"),
    externalRef: text("external_ref"),
    /** Further columns an imported inventory carries (criticality, custodian, environment…), kept as given. */
    attributes: jsonb("attributes").$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [workspaceKey(t), unique("assets_external_ref_unique").on(t.workspaceId, t.externalRef), personReference("assets_owner_fk", t, t.owner)],
);
