// The identity and access checks (Annex A 5.15–5.18, 5.23, 8.2, 8.3, 8.5, 8.24) over IAM, IAM Identity
// Center, Access Analyzer, Secrets Manager and Organizations; the first five IAM checks are listed in index.ts.
import type { Check } from "./check.js";
import { accessAnalyzerEnabled, accessAnalyzerUnusedAccess } from "./identity-access-analyzer.js";
import { identityCenterEnabled, identityCenterSessionDuration } from "./identity-center.js";
import { iamRootRecentUse, iamUserUnusedCredentials } from "./identity-credentials.js";
import { iamPolicyNoFullAdmin, iamUserNoDirectPolicies } from "./identity-iam-policies.js";
import { organizationsAllFeatures, organizationsScpGuardrails } from "./identity-organizations.js";
import { secretsManagerRotation } from "./identity-secrets.js";
import { iamPasswordPolicyStrength } from "./iam-account.js";

export const identityChecks: readonly Check[] = [
  iamPasswordPolicyStrength,
  iamUserUnusedCredentials,
  iamRootRecentUse,
  iamPolicyNoFullAdmin,
  iamUserNoDirectPolicies,
  identityCenterEnabled,
  identityCenterSessionDuration,
  accessAnalyzerEnabled,
  accessAnalyzerUnusedAccess,
  secretsManagerRotation,
  organizationsScpGuardrails,
  organizationsAllFeatures,
];
