// The certification cycle's vocabulary: the certification body's audits, the three years of a
// certificate, and how long a finding of theirs may stay open.
import { externalAuditKinds, minorNonconformityDays, type AuditKind } from "../audit/audit.js";

/** The certification body's audits: every audit kind but the internal one. */
export const certificationAuditKinds = externalAuditKinds;
export type CertificationAuditKind = Exclude<AuditKind, "internal">;

export function isCertificationAudit(kind: string): kind is CertificationAuditKind {
  return certificationAuditKinds.some((k) => k === kind);
}

/** A certificate runs three years from issue (ISO/IEC 17021-1); surveillance audits fall in years 2 and 3. */
export const certificateValidityMonths = 36;

/**
 * Days a certification body commonly allows to correct a nonconformity when its report sets no date:
 * about 90 for a minor one. A major one blocks the certificate until it is closed, so the same 90 days
 * are the longest it can wait; the report's own date, recorded as the finding's due date, wins.
 */
export const findingDeadlineDays: Readonly<Record<string, number>> = {
  major_nonconformity: minorNonconformityDays,
  minor_nonconformity: minorNonconformityDays,
};

/** A certification cycle as stored: the body, the audit dates and the certificate. */
export interface CertificationCycle {
  id: string;
  certificationBody: string;
  stage1Date: string | null;
  stage2Date: string | null;
  certificateNumber: string | null;
  certificateIssued: string | null;
  certificateExpires: string | null;
  samplingSeed: string | null;
}

export { addDays, isCalendarDay } from "../risk/calendar.js";
