// The Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d): its entry, derivation from risks and
// evidence, the aws-saas prefill, version differences, summaries and the reading of imported cells.
export * from "./entry.js";
export * from "./derive.js";
export * from "./aws-saas-defaults.js";
export * from "./diff.js";
export * from "./summary.js";
export * from "./import-cells.js";
export * from "./convert-2013.js";
