// Telling AWS managed Network Firewall rule groups from the account's own by their ARN: the
// collector skips describing them (their rules are AWS's), the web-filtering check judges them by name.

/** AWS managed rule groups live under the "aws-managed" account; their names say what they hold. */
export function isAwsManagedRuleGroup(arn: string): boolean {
  return arn.includes(":aws-managed:");
}
