// The IAM credential report as AWS writes it: one CSV row for the root user and one per IAM user,
// with AWS's columns, "N/A", "no_information" and "not_supported" where AWS puts them.
import type { IamState, IamUser } from "./state.js";

export const credentialReportColumns = [
  "user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
  "password_next_rotation", "mfa_active", "access_key_1_active", "access_key_1_last_rotated",
  "access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
  "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
  "access_key_2_last_used_region", "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated",
  "cert_2_active", "cert_2_last_rotated",
];

const iso = (value: string): string => new Date(value).toISOString().replace(/\.\d{3}Z$/, "+00:00");

function keyColumns(user: IamUser, index: number): string[] {
  const key = user.accessKeys[index];
  if (!key) return ["false", "N/A", "N/A", "N/A", "N/A"];
  return [
    String(key.status === "Active"),
    iso(key.created),
    key.lastUsed ? iso(key.lastUsed.date) : "N/A",
    key.lastUsed?.region ?? "N/A",
    key.lastUsed?.service ?? "N/A",
  ];
}

function nextRotation(changed: string | undefined, maxAge: number | undefined): string {
  if (!changed || maxAge === undefined) return "N/A";
  return iso(new Date(Date.parse(changed) + maxAge * 86_400_000).toISOString());
}

export function credentialReportCsv(accountId: string, state: IamState, accountCreated: string): string {
  const root = [
    "<root_account>", `arn:aws:iam::${accountId}:root`, iso(accountCreated), "not_supported",
    state.root.passwordLastUsed ? iso(state.root.passwordLastUsed) : "no_information", "not_supported", "not_supported",
    String(state.root.mfa), String(state.root.accessKeys >= 1), "N/A", "N/A", "N/A", "N/A",
    String(state.root.accessKeys >= 2), "N/A", "N/A", "N/A", "N/A", "false", "N/A", "false", "N/A",
  ];
  const users = state.users.map((user) => {
    const changed = user.console?.passwordLastChanged ?? user.console?.created ?? user.created;
    return [
      user.name, `arn:aws:iam::${accountId}:user${user.path}${user.name}`, iso(user.created), String(user.console !== undefined),
      user.console ? (user.console.lastUsed ? iso(user.console.lastUsed) : "no_information") : "N/A",
      user.console ? iso(changed) : "N/A",
      user.console ? nextRotation(changed, state.passwordPolicy?.maxPasswordAge) : "N/A",
      String(user.mfaDevices.length > 0), ...keyColumns(user, 0), ...keyColumns(user, 1), "false", "N/A", "false", "N/A",
    ];
  });
  return [credentialReportColumns, root, ...users].map((row) => row.join(",")).join("\n");
}
