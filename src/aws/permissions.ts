// The IAM permissions collection needs: the IAM action behind each collected operation (AWS names
// some differently from the API operation), the policies built from them, and the share of them the
// AWS managed policy SecurityAudit already grants. scripts/aws-policy.ts writes them to deploy/aws/.
import { readdir } from "node:fs/promises";

/** An AWS request by SigV4 signing name and API operation, as `defineOperation` and snapshots name it. */
export interface OperationRef {
  service: string;
  operation: string;
}

interface ServiceActions {
  /** The IAM service prefix, when it differs from the signing name ("monitoring" signs, "cloudwatch" authorizes). */
  prefix?: string;
  /** Operations authorized by the action of the same name (`prefix:Operation`). */
  same: readonly string[];
  /** Operations authorized by differently named actions. */
  renamed?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Read-only operations by signing name, each checked against AWS's Service Authorization Reference
 * and the API reference's permission notes. An operation missing here fails the permissions test:
 * add it after checking its action, never by guessing.
 */
const serviceActions: Readonly<Record<string, ServiceActions>> = {
  "access-analyzer": {
    same: ["GetAnalyzer", "GetFinding", "GetFindingsStatistics", "ListAnalyzers", "ListArchiveRules", "ListFindings"],
    // "ListFindings and ListFindingsV2 both use access-analyzer:ListFindings" (API reference).
    renamed: { ListFindingsV2: ["access-analyzer:ListFindings"], GetFindingV2: ["access-analyzer:GetFinding"] },
  },
  account: { same: ["GetAlternateContact", "GetContactInformation", "GetRegionOptStatus", "ListRegions"] },
  acm: { same: ["DescribeCertificate", "GetAccountConfiguration", "ListCertificates", "ListTagsForCertificate"] },
  backup: {
    same: [
      "DescribeBackupVault", "DescribeGlobalSettings", "DescribeRegionSettings", "GetBackupPlan", "GetBackupSelection", "GetBackupVaultAccessPolicy",
      "GetRestoreTestingPlan", "ListBackupJobs", "ListBackupPlans", "ListBackupSelections", "ListBackupVaults", "ListProtectedResources",
      "ListRecoveryPointsByBackupVault", "ListRestoreTestingPlans", "ListRestoreTestingSelections",
    ],
  },
  cloudtrail: { same: ["DescribeTrails", "GetEventSelectors", "GetInsightSelectors", "GetTrail", "GetTrailStatus", "ListTrails"] },
  config: {
    same: [
      "DescribeComplianceByConfigRule", "DescribeConfigRules", "DescribeConfigurationAggregators", "DescribeConfigurationRecorders",
      "DescribeConfigurationRecorderStatus", "DescribeConformancePacks", "DescribeDeliveryChannels", "DescribeDeliveryChannelStatus",
      "GetComplianceDetailsByConfigRule", "GetConformancePackComplianceSummary",
    ],
  },
  ec2: {
    same: [
      "DescribeFlowLogs", "DescribeImages", "DescribeInstances", "DescribeInternetGateways", "DescribeNatGateways", "DescribeNetworkAcls",
      "DescribeRegions", "DescribeRouteTables", "DescribeSecurityGroupRules", "DescribeSecurityGroups", "DescribeSnapshotAttribute",
      "DescribeSnapshots", "DescribeSubnets", "DescribeVolumes", "DescribeVpcEndpoints", "DescribeVpcs", "GetEbsDefaultKmsKeyId",
      "GetEbsEncryptionByDefault", "GetInstanceMetadataDefaults", "GetSnapshotBlockPublicAccessState",
    ],
  },
  guardduty: {
    same: [
      "DescribeOrganizationConfiguration", "GetDetector", "GetFindings", "GetFindingsStatistics", "GetMalwareScanSettings", "GetMasterAccount",
      "GetAdministratorAccount", "ListDetectors", "ListFindings", "ListMembers", "ListPublishingDestinations",
    ],
  },
  iam: {
    same: [
      "GenerateCredentialReport", "GetAccessKeyLastUsed", "GetAccountAuthorizationDetails", "GetAccountPasswordPolicy", "GetAccountSummary",
      "GetCredentialReport", "GetGroup", "GetGroupPolicy", "GetLoginProfile", "GetPolicy", "GetPolicyVersion", "GetRole", "GetRolePolicy",
      "GetUser", "GetUserPolicy", "ListAccessKeys", "ListAttachedGroupPolicies", "ListAttachedRolePolicies", "ListAttachedUserPolicies",
      "ListEntitiesForPolicy", "ListGroupPolicies", "ListGroups", "ListGroupsForUser", "ListInstanceProfiles", "ListMFADevices",
      "ListOpenIDConnectProviders", "ListPolicies", "ListRolePolicies", "ListRoles", "ListSAMLProviders", "ListServerCertificates",
      "ListUserPolicies", "ListUsers", "ListVirtualMFADevices",
    ],
  },
  identitystore: { same: ["ListGroupMemberships", "ListGroupMembershipsForMember", "ListGroups", "ListUsers"] },
  inspector2: {
    same: [
      "BatchGetAccountStatus", "DescribeOrganizationConfiguration", "GetConfiguration", "GetDelegatedAdminAccount", "ListCoverage",
      "ListCoverageStatistics", "ListFindingAggregations", "ListFindings", "ListMembers",
    ],
  },
  kms: { same: ["DescribeKey", "GetKeyPolicy", "GetKeyRotationStatus", "ListAliases", "ListGrants", "ListKeyPolicies", "ListKeys", "ListResourceTags"] },
  logs: { same: ["DescribeLogGroups", "DescribeMetricFilters", "DescribeResourcePolicies", "DescribeSubscriptionFilters"] },
  macie2: {
    same: [
      "DescribeBuckets", "DescribeOrganizationConfiguration", "GetAdministratorAccount", "GetAutomatedDiscoveryConfiguration", "GetBucketStatistics",
      "GetClassificationExportConfiguration", "GetFindingStatistics", "GetFindings", "GetMacieSession", "ListClassificationJobs", "ListFindings",
      "ListMembers",
    ],
  },
  monitoring: { prefix: "cloudwatch", same: ["DescribeAlarms", "DescribeAlarmsForMetric", "ListMetrics"] },
  "network-firewall": {
    same: ["DescribeFirewall", "DescribeFirewallPolicy", "DescribeLoggingConfiguration", "DescribeRuleGroup", "ListFirewallPolicies", "ListFirewalls", "ListRuleGroups"],
  },
  organizations: {
    same: [
      "DescribeAccount", "DescribeEffectivePolicy", "DescribeOrganization", "DescribeOrganizationalUnit", "DescribePolicy", "ListAccounts",
      "ListAccountsForParent", "ListAWSServiceAccessForOrganization", "ListChildren", "ListDelegatedAdministrators", "ListDelegatedServicesForAccount",
      "ListOrganizationalUnitsForParent", "ListParents", "ListPolicies", "ListPoliciesForTarget", "ListRoots", "ListTargetsForPolicy",
    ],
  },
  rds: {
    same: [
      "DescribeDBClusterSnapshotAttributes", "DescribeDBClusterSnapshots", "DescribeDBClusters", "DescribeDBInstances", "DescribeDBParameterGroups",
      "DescribeDBParameters", "DescribeDBSnapshotAttributes", "DescribeDBSnapshots", "DescribeEventSubscriptions",
    ],
  },
  route53resolver: {
    same: [
      "GetFirewallConfig", "GetFirewallDomainList", "GetFirewallRuleGroup", "GetFirewallRuleGroupAssociation", "ListFirewallConfigs",
      "ListFirewallDomainLists", "ListFirewallDomains", "ListFirewallRuleGroupAssociations", "ListFirewallRuleGroups", "ListFirewallRules",
      "ListResolverQueryLogConfigAssociations", "ListResolverQueryLogConfigs",
    ],
  },
  s3: {
    same: ["GetBucketAcl", "GetBucketLocation", "GetBucketLogging", "GetBucketOwnershipControls", "GetBucketPolicy", "GetBucketPolicyStatus", "GetBucketTagging", "GetBucketVersioning", "GetBucketWebsite"],
    // The S3 API's own permission notes; GetAccountPublicAccessBlock is S3 Control's GetPublicAccessBlock.
    renamed: {
      GetAccountPublicAccessBlock: ["s3:GetAccountPublicAccessBlock"],
      GetBucketCors: ["s3:GetBucketCORS"],
      GetBucketEncryption: ["s3:GetEncryptionConfiguration"],
      GetBucketLifecycleConfiguration: ["s3:GetLifecycleConfiguration"],
      GetBucketNotificationConfiguration: ["s3:GetBucketNotification"],
      GetBucketReplication: ["s3:GetReplicationConfiguration"],
      GetObjectLockConfiguration: ["s3:GetBucketObjectLockConfiguration"],
      GetPublicAccessBlock: ["s3:GetBucketPublicAccessBlock"],
      ListBuckets: ["s3:ListAllMyBuckets"],
    },
  },
  // Never GetSecretValue or BatchGetSecretValue: the values are not evidence (see `neverGranted`).
  secretsmanager: { same: ["DescribeSecret", "GetResourcePolicy", "ListSecrets", "ListSecretVersionIds"] },
  securityhub: {
    same: [
      "BatchGetSecurityControls", "BatchGetStandardsControlAssociations", "DescribeHub", "DescribeOrganizationConfiguration", "DescribeStandards",
      "DescribeStandardsControls", "GetAdministratorAccount", "GetEnabledStandards", "GetFindingAggregator", "GetFindings", "ListFindingAggregators",
      "ListSecurityControlDefinitions", "ListStandardsControlAssociations",
    ],
  },
  ssm: {
    same: [
      "DescribeInstanceInformation", "DescribeInstancePatchStates", "DescribeInstancePatches", "DescribePatchBaselines", "GetServiceSetting",
      "ListComplianceItems", "ListComplianceSummaries", "ListResourceComplianceSummaries",
    ],
  },
  sso: {
    same: [
      "DescribeInstance", "DescribePermissionSet", "GetInlinePolicyForPermissionSet", "GetPermissionsBoundaryForPermissionSet",
      "ListAccountAssignments", "ListAccountsForProvisionedPermissionSet", "ListCustomerManagedPolicyReferencesInPermissionSet", "ListInstances",
      "ListManagedPoliciesInPermissionSet", "ListPermissionSets", "ListPermissionSetsProvisionedToAccount",
    ],
  },
  // GetCallerIdentity needs no permission ("No permissions are required to perform this operation").
  sts: { same: ["AssumeRole"], renamed: { GetCallerIdentity: [] } },
};

/** Actions that would read secrets or data rather than configuration: never in a policy we ship. */
export const neverGranted: readonly string[] = [
  "kms:Decrypt", "macie2:GetSensitiveDataOccurrences", "s3:GetObject", "secretsmanager:BatchGetSecretValue", "secretsmanager:GetSecretValue",
  "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
];

/** The IAM prefixes the table knows (the SecurityAudit data must cover each). */
export const knownPrefixes: readonly string[] = Object.entries(serviceActions).map(([signing, s]) => s.prefix ?? signing);

/** The IAM actions an operation needs ([] for none), or undefined when the table does not know it. */
export function iamActionsFor({ service, operation }: OperationRef): readonly string[] | undefined {
  const entry = Object.hasOwn(serviceActions, service) ? serviceActions[service] : undefined;
  if (!entry) return undefined;
  if (entry.renamed && Object.hasOwn(entry.renamed, operation)) return entry.renamed[operation];
  return entry.same.includes(operation) ? [`${entry.prefix ?? service}:${operation}`] : undefined;
}

/** What src/aws/targets.ts asks in every account it collects from. */
export const discoveryOperations: readonly OperationRef[] = [
  { service: "sts", operation: "GetCallerIdentity" },
  { service: "ec2", operation: "DescribeRegions" },
];

export class UnmappedOperationError extends Error {
  constructor(readonly operations: readonly OperationRef[]) {
    super(
      `No IAM action is known for ${operations.map((o) => `${o.service} ${o.operation}`).join(", ")}. Add each to serviceActions in ` +
        "src/aws/permissions.ts after checking its action in AWS's Service Authorization Reference, then run `npm run aws:policy`.",
    );
    this.name = "UnmappedOperationError";
  }
}

export interface PolicyStatement {
  Sid: string;
  Effect: "Allow";
  Action: string[];
  Resource: string | string[];
}

export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

/** Every IAM action the operations need, sorted and without repeats; throws naming any unknown operation. */
export function requiredActions(operations: readonly OperationRef[]): string[] {
  const unmapped: OperationRef[] = [];
  const actions = new Set<string>();
  for (const op of operations) {
    const mapped = iamActionsFor(op);
    if (mapped === undefined) unmapped.push(op);
    else for (const action of mapped) actions.add(action);
  }
  if (unmapped.length > 0) throw new UnmappedOperationError(unmapped);
  return [...actions].sort();
}

const sidOf = (prefix: string): string => prefix.split(/[^A-Za-z0-9]+/).map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join("");

/**
 * One statement per service, actions and statements sorted. Resource "*": the list and describe
 * actions a read-only audit needs accept no narrower resource, and the per-resource ones must reach
 * every resource of the account.
 */
export function policyOf(actions: readonly string[]): PolicyDocument {
  const byPrefix = new Map<string, string[]>();
  for (const action of [...new Set(actions)].sort()) {
    const prefix = action.slice(0, action.indexOf(":"));
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), action]);
  }
  const statements = [...byPrefix].map(([prefix, list]): PolicyStatement => ({ Sid: `Read${sidOf(prefix)}`, Effect: "Allow", Action: list, Resource: "*" }));
  return { Version: "2012-10-17", Statement: statements.sort((a, b) => (a.Sid < b.Sid ? -1 : 1)) };
}

/** The complete, stand-alone policy for the operations (for those who cannot attach SecurityAudit). */
export function collectorPolicy(operations: readonly OperationRef[]): PolicyDocument {
  return policyOf(requiredActions(operations));
}

/** Only what SecurityAudit lacks, to attach beside it. */
export function supplementPolicy(operations: readonly OperationRef[]): PolicyDocument {
  return policyOf(requiredActions(operations).filter((action) => !securityAuditGrants(action)));
}

/** What the collector's own identity needs on top of reading its account: the organization's accounts and the member role. */
export function managementPolicy(roleName: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      // The member accounts are not known in advance; the role name is (change it with --role-name).
      { Sid: "AssumeMemberRole", Effect: "Allow", Action: ["sts:AssumeRole"], Resource: `arn:aws:iam::*:role/${roleName}` },
      { Sid: "ListOrganizationAccounts", Effect: "Allow", Action: ["organizations:ListAccounts"], Resource: "*" },
    ],
  };
}

const isOperation = (value: unknown): value is OperationRef =>
  typeof value === "object" && value !== null && "service" in value && typeof value.service === "string" &&
  "operation" in value && typeof value.operation === "string" && "run" in value && typeof value.run === "function";

/** Every operation exported by a module in src/aws/collectors/ (found on disk, so new collectors count), plus discovery's. */
export async function collectorOperations(): Promise<OperationRef[]> {
  const dir = new URL("./collectors/", import.meta.url);
  const modules = (await readdir(dir)).filter((f) => /\.(ts|js)$/.test(f) && !/\.(test|fixtures|d)\.(ts|js)$/.test(f)).sort();
  const found = new Map<string, OperationRef>();
  const loaded = await Promise.all(modules.map((file): Promise<Record<string, unknown>> => import(new URL(file, dir).href)));
  for (const value of loaded.flatMap((exports) => Object.values(exports)))
    if (isOperation(value)) found.set(`${value.service} ${value.operation}`, { service: value.service, operation: value.operation });
  for (const op of discoveryOperations) found.set(`${op.service} ${op.operation}`, op);
  return [...found.keys()].sort().flatMap((key) => found.get(key) ?? []);
}

/**
 * What the AWS managed policy SecurityAudit grants for the services in the table: version v91
 * (2026-07-21), as iam:GetPolicyVersion returns it (mirrored in github.com/zoph-io/IAMTrail,
 * policies/SecurityAudit; AWS publishes it at docs.aws.amazon.com/aws-managed-policy/latest/
 * reference/SecurityAudit.html). AWS revises the policy, mostly by adding actions; an action
 * added since only makes the supplement repeat a grant. Other services' entries are left out.
 */
export const securityAudit = {
  version: "v91",
  actions: `
    access-analyzer:GetAnalyzedResource access-analyzer:GetAnalyzer access-analyzer:GetArchiveRule access-analyzer:GetFinding
    access-analyzer:ListAnalyzedResources access-analyzer:ListAnalyzers access-analyzer:ListArchiveRules access-analyzer:ListFindings
    access-analyzer:ListTagsForResource
    account:GetAccountInformation account:GetAlternateContact account:GetPrimaryEmail account:GetRegionOptStatus
    acm:Describe* acm:List*
    backup:DescribeGlobalSettings backup:DescribeRegionSettings backup:GetBackupVaultAccessPolicy backup:GetBackupVaultNotifications
    backup:ListBackupVaults backup:ListTags
    cloudtrail:DescribeTrails cloudtrail:GetEventSelectors cloudtrail:GetInsightSelectors cloudtrail:GetTrail cloudtrail:GetTrailStatus
    cloudtrail:ListTags cloudtrail:ListTrails cloudtrail:LookupEvents
    cloudwatch:Describe* cloudwatch:GetDashboard cloudwatch:ListDashboards cloudwatch:ListTagsForResource
    config:BatchGetAggregateResourceConfig config:BatchGetResourceConfig config:Deliver* config:Describe* config:Get* config:List*
    config:SelectAggregateResourceConfig config:SelectResourceConfig
    ec2:Describe* ec2:GetAllowedImagesSettings ec2:GetEbsDefaultKmsKeyId ec2:GetEbsEncryptionByDefault ec2:GetImageBlockPublicAccessState
    ec2:GetInstanceMetadataDefaults ec2:GetManagedPrefixListAssociations ec2:GetManagedPrefixListEntries
    ec2:GetNetworkInsightsAccessScopeAnalysisFindings ec2:GetNetworkInsightsAccessScopeContent ec2:GetSerialConsoleAccessStatus
    ec2:GetSnapshotBlockPublicAccessState ec2:GetTransitGatewayAttachmentPropagations ec2:GetTransitGatewayMulticastDomainAssociations
    ec2:GetTransitGatewayPrefixListReferences ec2:GetTransitGatewayRouteTableAssociations ec2:GetTransitGatewayRouteTablePropagations
    ec2:SearchTransitGatewayRoutes
    guardduty:DescribeMalwareScans guardduty:DescribeOrganizationConfiguration guardduty:DescribePublishingDestination guardduty:Get*
    guardduty:List*
    iam:GenerateCredentialReport iam:GenerateServiceLastAccessedDetails iam:Get* iam:List* iam:SimulateCustomPolicy
    iam:SimulatePrincipalPolicy
    identitystore:DescribeGroupMembership identitystore:GetGroupId identitystore:GetGroupMembershipId identitystore:GetUserId
    identitystore:IsMemberInGroups identitystore:ListGroupMemberships identitystore:ListGroupMembershipsForMember identitystore:ListGroups
    identitystore:ListUsers
    inspector2:BatchGetAccountStatus inspector2:BatchGetFreeTrialInfo inspector2:DescribeOrganizationConfiguration inspector2:GetConfiguration
    inspector2:GetDelegatedAdminAccount inspector2:GetFindingsReportStatus inspector2:GetMember inspector2:ListAccountPermissions
    inspector2:ListCoverage inspector2:ListCoverageStatistics inspector2:ListDelegatedAdminAccounts inspector2:ListFilters
    inspector2:ListFindingAggregations inspector2:ListFindings inspector2:ListTagsForResource inspector2:ListUsageTotals
    kms:Describe* kms:Get* kms:List*
    logs:Describe* logs:GetLogDelivery logs:ListLogDeliveries logs:ListTagsForResource logs:ListTagsLogGroup
    macie2:ListFindings
    network-firewall:DescribeFirewall network-firewall:DescribeFirewallPolicy network-firewall:DescribeLoggingConfiguration
    network-firewall:DescribeResourcePolicy network-firewall:DescribeRuleGroup network-firewall:ListFirewallPolicies
    network-firewall:ListFirewalls network-firewall:ListRuleGroups
    organizations:Describe* organizations:List*
    rds:Describe* rds:DownloadDBLogFilePortion rds:ListTagsForResource
    route53resolver:Get* route53resolver:List*
    s3:DescribeJob s3:GetAccelerateConfiguration s3:GetAccessGrantsInstanceResourcePolicy s3:GetAccessPoint
    s3:GetAccessPointConfigurationForObjectLambda s3:GetAccessPointForObjectLambda s3:GetAccessPointPolicy
    s3:GetAccessPointPolicyForObjectLambda s3:GetAccessPointPolicyStatus s3:GetAccessPointPolicyStatusForObjectLambda
    s3:GetAccountPublicAccessBlock s3:GetAnalyticsConfiguration s3:GetBucket* s3:GetEncryptionConfiguration s3:GetInventoryConfiguration
    s3:GetLifecycleConfiguration s3:GetMetricsConfiguration s3:GetMultiRegionAccessPoint s3:GetMultiRegionAccessPointPolicy
    s3:GetMultiRegionAccessPointPolicyStatus s3:GetObjectAcl s3:GetObjectTagging s3:GetObjectVersionAcl s3:GetReplicationConfiguration
    s3:GetStorageLensConfiguration s3:GetStorageLensGroup s3:ListAccessGrants s3:ListAccessGrantsInstances s3:ListAccessPoints
    s3:ListAccessPointsForObjectLambda s3:ListAllMyBuckets s3:ListBucket s3:ListCallerAccessGrants s3:ListJobs
    s3:ListMultiRegionAccessPoints s3:ListStorageLensConfigurations s3:ListStorageLensGroups
    secretsmanager:DescribeSecret secretsmanager:GetResourcePolicy secretsmanager:ListSecrets secretsmanager:ListSecretVersionIds
    securityhub:BatchGetAutomationRules securityhub:BatchGetConfigurationPolicyAssociations securityhub:BatchGetControlEvaluations
    securityhub:BatchGetSecurityControls securityhub:BatchGetStandardsControlAssociations securityhub:Describe* securityhub:Get*
    securityhub:List*
    ssm:Describe* ssm:GetAutomationExecution ssm:GetServiceSetting ssm:ListAssociations ssm:ListAssociationVersions ssm:ListCommands
    ssm:ListComplianceItems ssm:ListComplianceSummaries ssm:ListDocumentMetadataHistory ssm:ListDocuments ssm:ListDocumentVersions
    ssm:ListInventoryEntries ssm:ListOpsMetadata ssm:ListResourceComplianceSummaries ssm:ListResourceDataSync ssm:ListTagsForResource
    sso:DescribeAccountAssignmentCreationStatus sso:DescribeAccountAssignmentDeletionStatus sso:DescribeApplication
    sso:DescribeApplicationAssignment sso:DescribeApplicationProvider sso:DescribeInstance
    sso:DescribeInstanceAccessControlAttributeConfiguration sso:DescribePermissionSet sso:DescribePermissionSetProvisioningStatus
    sso:DescribeRegion sso:DescribeTrustedTokenIssuer sso:GetApplicationAccessScope sso:GetApplicationAssignmentConfiguration
    sso:GetApplicationAuthenticationMethod sso:GetApplicationGrant sso:GetApplicationSessionConfiguration
    sso:GetInlinePolicyForPermissionSet sso:GetPermissionsBoundaryForPermissionSet sso:ListAccountAssignmentCreationStatus
    sso:ListAccountAssignmentDeletionStatus sso:ListAccountAssignments sso:ListAccountAssignmentsForPrincipal
    sso:ListAccountsForProvisionedPermissionSet sso:ListApplicationAccessScopes sso:ListApplicationAssignments
    sso:ListApplicationAssignmentsForPrincipal sso:ListApplicationAuthenticationMethods sso:ListApplicationGrants
    sso:ListApplicationInstanceCertificates sso:ListApplicationInstances sso:ListApplicationProviders sso:ListApplications
    sso:ListApplicationTemplates sso:ListCustomerManagedPolicyReferencesInPermissionSet sso:ListDirectoryAssociations sso:ListInstances
    sso:ListManagedPoliciesInPermissionSet sso:ListPermissionSetProvisioningStatus sso:ListPermissionSets
    sso:ListPermissionSetsProvisionedToAccount sso:ListProfileAssociations sso:ListProfiles sso:ListRegions sso:ListTagsForResource
    sso:ListTrustedTokenIssuers
    sts:GetAccessKeyInfo
  `.trim().split(/\s+/),
} as const;

/** IAM matches actions case-insensitively, with `*` for any run of characters and `?` for one. */
const actionPattern = (pattern: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
const securityAuditPatterns = securityAudit.actions.map(actionPattern);

/** True when SecurityAudit (the version above) allows the action. */
export function securityAuditGrants(action: string): boolean {
  return securityAuditPatterns.some((pattern) => pattern.test(action));
}

export const defaultRoleName = "ISMSCollector";

/**
 * The CloudFormation template (JSON, so any parser reads it) of the member role, for a StackSet with
 * service-managed permissions. StackSets never deploy to the management account: the collector runs
 * there with its own identity, which needs SecurityAudit, the supplement and `managementPolicy`.
 */
export function memberRoleTemplate(supplement: PolicyDocument): Record<string, unknown> {
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description:
      "OpenISMS read-only collector role for each member account: SecurityAudit plus the OpenISMS supplement, assumable by the " +
      "account that runs the collector (the management account or a delegated administrator). Generated by `npm run aws:policy`.",
    Metadata: {
      ManagementAccount:
        "StackSets do not deploy to the management account. The collector's own identity there needs SecurityAudit, " +
        "openisms-collector-supplement.json and openisms-collector-management.json (organizations:ListAccounts, sts:AssumeRole on this role).",
    },
    Parameters: {
      RoleName: { Type: "String", Default: defaultRoleName, AllowedPattern: "[\\w+=,.@-]{1,64}", Description: "The role's name; pass the same to `isms collect aws --role-name`." },
      CollectorAccountId: { Type: "String", AllowedPattern: "[0-9]{12}", Description: "The account the collector runs in: the management account or a delegated administrator." },
      ExternalId: { Type: "String", Default: "", AllowedPattern: "[\\w+=,.@:/-]*", MaxLength: 1224, Description: "Optional: an external ID the collector must present; empty for none." },
    },
    Conditions: { HasExternalId: { "Fn::Not": [{ "Fn::Equals": [{ Ref: "ExternalId" }, ""] }] } },
    Resources: {
      CollectorRole: {
        Type: "AWS::IAM::Role",
        Properties: {
          RoleName: { Ref: "RoleName" },
          Description: "OpenISMS: reads security configuration for ISO/IEC 27001 evidence; never changes anything.",
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: {
            Version: "2012-10-17",
            Statement: [
              {
                Effect: "Allow",
                Principal: { AWS: { "Fn::Sub": "arn:${AWS::Partition}:iam::${CollectorAccountId}:root" } },
                Action: "sts:AssumeRole",
                Condition: { "Fn::If": ["HasExternalId", { StringEquals: { "sts:ExternalId": { Ref: "ExternalId" } } }, { Ref: "AWS::NoValue" }] },
              },
            ],
          },
          ManagedPolicyArns: [{ "Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/SecurityAudit" }],
          Policies: [{ PolicyName: "OpenISMSCollectorSupplement", PolicyDocument: supplement }],
        },
      },
    },
    Outputs: { RoleArn: { Description: "The collector role's ARN.", Value: { "Fn::GetAtt": ["CollectorRole", "Arn"] } } },
  };
}

/** The files under deploy/aws/, by name, as `npm run aws:policy` writes them. */
export function policyFiles(operations: readonly OperationRef[]): Record<string, string> {
  const supplement = supplementPolicy(operations);
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  return {
    "openisms-collector-policy.json": json(collectorPolicy(operations)),
    "openisms-collector-supplement.json": json(supplement),
    "openisms-collector-management.json": json(managementPolicy(defaultRoleName)),
    "member-role-stackset.json": json(memberRoleTemplate(supplement)),
  };
}
