// The supplier register: who processes what, how critical, under which contract and assurance.
import { boolean, date, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { workspaceKey, workspaceScoped } from "./columns.js";
import type { SupplierCertification } from "./json.js";
import { personReference } from "./people.js";

/** Suppliers and their security (A.5.19–A.5.22: relationships, agreements, ICT supply chain, monitoring). */
export const suppliers = pgTable(
  "suppliers",
  {
    ...workspaceScoped(),
    name: text("name").notNull(),
    service: text("service").notNull(),
    dataAccessed: text("data_accessed"),
    criticality: text("criticality"),
    location: text("location"),
    owner: text("owner"),
    contractStart: date("contract_start", { mode: "string" }),
    contractEnd: date("contract_end", { mode: "string" }),
    dpa: boolean("dpa").notNull().default(false),
    certifications: jsonb("certifications").$type<SupplierCertification[]>().notNull().default([]),
    lastReview: date("last_review", { mode: "string" }),
    nextReview: date("next_review", { mode: "string" }),
  },
  (t) => [workspaceKey(t), personReference("suppliers_owner_fk", t, t.owner)],
);
