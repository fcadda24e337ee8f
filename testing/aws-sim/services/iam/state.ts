// The shape of an account's IAM state in scenarios (state.global.iam): users with console, MFA,
// access keys and their own policies, roles with the accounts they trust, customer managed
// policies, password policy, root.
import { z } from "zod";
import { registerServiceState } from "../../state.js";

const accessKey = z.object({
  id: z.string().regex(/^AKIA[A-Z0-9]{12,}$/, "an access key id starts with AKIA"),
  status: z.enum(["Active", "Inactive"]).default("Active"),
  created: z.string(),
  lastUsed: z.object({ date: z.string(), service: z.string().default("s3"), region: z.string().default("us-east-1") }).optional(),
});

export const iamUser = z.object({
  name: z.string().min(1),
  path: z.string().default("/"),
  created: z.string(),
  /** Present when the user has a console password (a login profile). */
  console: z.object({ created: z.string().optional(), lastUsed: z.string().optional(), passwordLastChanged: z.string().optional() }).optional(),
  mfaDevices: z.array(z.object({ serial: z.string(), enabled: z.string() })).default([]),
  accessKeys: z.array(accessKey).max(2, "IAM allows two access keys per user").default([]),
  attachedPolicies: z.array(z.string()).default([]),
  /** Inline policies embedded in the user (ListUserPolicies names them). */
  inlinePolicies: z.array(z.object({ name: z.string().min(1), document: z.record(z.string(), z.unknown()) })).default([]),
});

export const iamRole = z.object({
  name: z.string().min(1),
  path: z.string().default("/"),
  created: z.string().default("2023-01-15T09:00:00Z"),
  description: z.string().default(""),
  /** Accounts whose principals may sts:AssumeRole into this role. */
  trustedAccounts: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  /** Service principals in the trust policy, e.g. config.amazonaws.com. */
  trustedServices: z.array(z.string()).default([]),
  attachedPolicies: z.array(z.string()).default([]),
  lastUsed: z.string().optional(),
  maxSessionDuration: z.number().int().default(3600),
});

export const iamPolicy = z.object({
  name: z.string().min(1),
  path: z.string().default("/"),
  created: z.string().default("2023-01-15T09:00:00Z"),
  updated: z.string().optional(),
  description: z.string().default(""),
  document: z.record(z.string(), z.unknown()),
  attachmentCount: z.number().int().default(0),
});

export const passwordPolicy = z.object({
  minimumPasswordLength: z.number().int().min(6).max(128).default(8),
  requireSymbols: z.boolean().default(false),
  requireNumbers: z.boolean().default(false),
  requireUppercase: z.boolean().default(false),
  requireLowercase: z.boolean().default(false),
  allowUsersToChangePassword: z.boolean().default(true),
  maxPasswordAge: z.number().int().optional(),
  passwordReusePrevention: z.number().int().optional(),
  hardExpiry: z.boolean().default(false),
});

export const iamState = z.object({
  users: z.array(iamUser).default([]),
  roles: z.array(iamRole).default([]),
  policies: z.array(iamPolicy).default([]),
  /** Absent: the account has no password policy (GetAccountPasswordPolicy answers NoSuchEntity). */
  passwordPolicy: passwordPolicy.optional(),
  root: z
    .object({ mfa: z.boolean().default(false), accessKeys: z.number().int().min(0).max(2).default(0), passwordLastUsed: z.string().optional() })
    .prefault({}),
  /** When the credential report was last generated (GenerateCredentialReport sets it). */
  credentialReportGenerated: z.string().optional(),
});

export type IamState = z.infer<typeof iamState>;
export type IamUser = z.infer<typeof iamUser>;
export type IamRole = z.infer<typeof iamRole>;

registerServiceState("iam", "global", iamState);
