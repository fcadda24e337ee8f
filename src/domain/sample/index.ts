// The auditor's sample (Stage 2 and surveillance): the kinds sampled, the seeded draw, the populations
// built from the workspace's data, and the request list the draw makes.
export * from "./model.js";
export { drawNumber, drawSample, type Draw, type Drawable, type DrawOptions } from "./draw.js";
export { lastTwelveMonths, maxSampleSize, readPeriod, readSampleSizes, type Read } from "./input.js";
export { iamUserPopulation, type IamUserInput, type UserCheckIds, type UserCheckResult } from "./iam-users.js";
export { cloudTrailDayPopulation, covers, daysOf, type CloudTrailDayInput, type EvidenceSummary } from "./cloudtrail-days.js";
export { restoreTestKind, restoreTestPopulation, type DoneActivity, type RestoreTestInput } from "./restore-tests.js";
export { joinerPopulation, leaverPopulation, type AwarenessRecord, type JoinerInput, type LeaverInput, type SampledPerson } from "./people.js";
export { describeKind, planAuditSample, type SamplePlan } from "./plan.js";
