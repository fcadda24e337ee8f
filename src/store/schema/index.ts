// The whole database schema, one module per domain; drizzle-kit reads this file to generate migrations.
export * from "./tenancy.js";
export * from "./people.js";
export * from "./context.js";
export * from "./assets.js";
export * from "./suppliers.js";
export * from "./risk.js";
export * from "./soa.js";
export * from "./evidence.js";
export * from "./collection.js";
export * from "./documents.js";
export * from "./objectives.js";
export * from "./audits.js";
export * from "./management-review.js";
export * from "./activities.js";
export * from "./requests.js";
export * from "./audit-log.js";
export * from "./workspace-tables.js";
export type * from "./json.js";
