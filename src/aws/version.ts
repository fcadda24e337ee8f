// The collector's version, recorded with every collection run and its evidence: an auditor can tell
// which checks and which collection logic produced a result.
export const collectorVersion = "openisms-aws/0.1.0";
