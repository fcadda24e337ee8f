// The evidence store: content-addressed blobs, evidence records, redaction of secrets and freshness.
export * from "./blobs.js";
export * from "./content.js";
export * from "./freshness.js";
export * from "./records.js";
export * from "./redact.js";
