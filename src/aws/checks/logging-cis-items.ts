// The monitoring items of the CIS AWS Foundations Benchmark (section 4 of v1.4.0 and v3.0.0): for each,
// the terms a metric filter's pattern must name for it to catch the event. The event names are AWS
// API names, as the benchmark lists them; retired ones (EC2-Classic ClassicLink) are left out.
export interface CisMonitoringItem {
  /** Stable resource name for the item's result: "cis-4.3-root-usage". */
  id: string;
  /** What the alarm is for, as an auditor reads it. */
  event: string;
  /** Every term must appear in the filter pattern as a whole word. */
  terms: readonly string[];
  /** The Security Hub control that checks the same thing, where there is one. */
  securityHubControl?: string;
}

export const cisMonitoringItems: readonly CisMonitoringItem[] = [
  { id: "cis-4.1-unauthorized-api-calls", event: "unauthorized API calls", terms: ["UnauthorizedOperation", "AccessDenied"], securityHubControl: "CloudWatch.2" },
  { id: "cis-4.2-console-signin-without-mfa", event: "console sign-in without MFA", terms: ["ConsoleLogin", "MFAUsed"], securityHubControl: "CloudWatch.3" },
  { id: "cis-4.3-root-usage", event: "use of the root user", terms: ["userIdentity.type", "Root"], securityHubControl: "CloudWatch.1" },
  {
    id: "cis-4.4-iam-policy-changes",
    event: "IAM policy changes",
    terms: [
      "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy", "CreatePolicy", "DeletePolicy",
      "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy",
    ],
    securityHubControl: "CloudWatch.4",
  },
  { id: "cis-4.5-cloudtrail-changes", event: "CloudTrail configuration changes", terms: ["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"], securityHubControl: "CloudWatch.5" },
  { id: "cis-4.6-console-auth-failures", event: "console authentication failures", terms: ["ConsoleLogin", "Failed authentication"], securityHubControl: "CloudWatch.6" },
  { id: "cis-4.7-cmk-disable-or-deletion", event: "disabling or scheduled deletion of customer managed keys", terms: ["kms.amazonaws.com", "DisableKey", "ScheduleKeyDeletion"], securityHubControl: "CloudWatch.7" },
  {
    id: "cis-4.8-s3-bucket-policy-changes",
    event: "S3 bucket policy changes",
    terms: ["s3.amazonaws.com", "PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication", "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication"],
    securityHubControl: "CloudWatch.8",
  },
  {
    id: "cis-4.9-config-changes",
    event: "AWS Config configuration changes",
    terms: ["config.amazonaws.com", "StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder"],
    securityHubControl: "CloudWatch.9",
  },
  {
    id: "cis-4.10-security-group-changes",
    event: "security group changes",
    terms: ["AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup"],
    securityHubControl: "CloudWatch.10",
  },
  {
    id: "cis-4.11-nacl-changes",
    event: "network ACL changes",
    terms: ["CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation"],
    securityHubControl: "CloudWatch.11",
  },
  {
    id: "cis-4.12-network-gateway-changes",
    event: "network gateway changes",
    terms: ["CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway"],
    securityHubControl: "CloudWatch.12",
  },
  {
    id: "cis-4.13-route-table-changes",
    event: "route table changes",
    terms: ["CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable"],
    securityHubControl: "CloudWatch.13",
  },
  {
    id: "cis-4.14-vpc-changes",
    event: "VPC changes",
    terms: ["CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection", "CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection"],
    securityHubControl: "CloudWatch.14",
  },
  {
    id: "cis-4.15-organizations-changes",
    event: "AWS Organizations changes",
    terms: [
      "organizations.amazonaws.com", "AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit", "CreatePolicy", "DeclineHandshake", "DeleteOrganization",
      "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy", "DisablePolicyType", "EnablePolicyType", "InviteAccountToOrganization", "LeaveOrganization", "MoveAccount",
      "RemoveAccountFromOrganization", "UpdatePolicy", "UpdateOrganizationalUnit",
    ],
  },
];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The item's terms the pattern does not name as whole words ("CreatePolicy" is not named by "CreatePolicyVersion"). */
export function missingTerms(item: CisMonitoringItem, pattern: string): string[] {
  return item.terms.filter((term) => !new RegExp(`(?:^|[^A-Za-z0-9_])${escape(term)}(?:$|[^A-Za-z0-9_])`).test(pattern));
}
