// The plan of a first certification: its phases with dates and dependencies, alone or with SOC 2.
export { certificationPhases, combinedPhases } from "./phases.js";
export type { MonthsPhase, Track, WeeksPhase } from "./phases.js";
export { planCertification, planCertificationWithSoc2, planEvents, trackName } from "./plan.js";
export type { CertificationPlan, PlannedPhase } from "./plan.js";
