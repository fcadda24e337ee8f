// IAM (global, once per account): users with their MFA devices, access keys and own policies, the
// password policy, the account summary (root MFA and keys), the credential report, and the attached
// customer managed policies with their default version's document.
import {
  GenerateCredentialReportCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetPolicyVersionCommand,
  paginateListAccessKeys,
  paginateListAttachedUserPolicies,
  paginateListMFADevices,
  paginateListPolicies,
  paginateListUserPolicies,
  paginateListUsers,
} from "@aws-sdk/client-iam";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const listUsers = defineOperation<NoParams>("iam", "ListUsers", (c) => paginateListUsers({ client: c.iam() }, {}));
export const listMfaDevices = defineOperation<{ UserName: string }>("iam", "ListMFADevices", (c, p) => paginateListMFADevices({ client: c.iam() }, p));
export const listAccessKeys = defineOperation<{ UserName: string }>("iam", "ListAccessKeys", (c, p) => paginateListAccessKeys({ client: c.iam() }, p));
export const getAccountPasswordPolicy = defineOperation<NoParams>("iam", "GetAccountPasswordPolicy", async (c) => [await c.iam().send(new GetAccountPasswordPolicyCommand({}))]);
export const getAccountSummary = defineOperation<NoParams>("iam", "GetAccountSummary", async (c) => [await c.iam().send(new GetAccountSummaryCommand({}))]);

/** Asks IAM for a credential report until it is COMPLETE: after 0.25, 0.5, 1 s, then every 2 s, at most 15 times (AWS takes seconds). */
export const generateCredentialReport = defineOperation<NoParams>("iam", "GenerateCredentialReport", async (c) => {
  for (let attempt = 1; ; attempt += 1) {
    const output = await c.iam().send(new GenerateCredentialReportCommand({}));
    if (output.State === "COMPLETE" || attempt >= 15) return [output];
    await wait(Math.min(2_000, 250 * 2 ** (attempt - 1)));
  }
});

/** The report's CSV is decoded to text so that the snapshot reads as the auditor would read it. */
export const getCredentialReport = defineOperation<NoParams>("iam", "GetCredentialReport", async (c) => {
  const output = await c.iam().send(new GetCredentialReportCommand({}));
  return [{ ...output, Content: output.Content ? new TextDecoder().decode(output.Content) : undefined }];
});

export const listAttachedUserPolicies = defineOperation<{ UserName: string }>("iam", "ListAttachedUserPolicies", (c, p) => paginateListAttachedUserPolicies({ client: c.iam() }, p));
export const listUserPolicies = defineOperation<{ UserName: string }>("iam", "ListUserPolicies", (c, p) => paginateListUserPolicies({ client: c.iam() }, p));

/** Customer managed policies ("Local") that are attached to something: those that grant access. */
export const listAttachedLocalPolicies = defineOperation<{ Scope: "Local"; OnlyAttached: true }>("iam", "ListPolicies", (c, p) => paginateListPolicies({ client: c.iam() }, p));
export const getPolicyVersion = defineOperation<{ PolicyArn: string; VersionId: string }>("iam", "GetPolicyVersion", async (c, p) => [await c.iam().send(new GetPolicyVersionCommand(p))]);

const usersPage = z.object({ Users: z.array(z.object({ UserName: z.string() })).default([]) });
const reportState = z.object({ State: z.string().optional() });
const policiesPage = z.object({ Policies: z.array(z.object({ Arn: z.string(), DefaultVersionId: z.string() })).default([]) });

export const iamCollector: Collector = {
  service: "iam",
  scope: "account",
  async collect(fetcher, target, region) {
    await Promise.all([
      fetcher.fetch(target, region, getAccountPasswordPolicy, {}),
      fetcher.fetch(target, region, getAccountSummary, {}),
      fetcher.fetch(target, region, generateCredentialReport, {}).then(async (generated) => {
        if (readPages(generated, reportState).some((p) => p.State === "COMPLETE")) await fetcher.fetch(target, region, getCredentialReport, {});
      }),
      fetcher.fetch(target, region, listUsers, {}).then((users) =>
        Promise.all(
          readPages(users, usersPage).flatMap((page) =>
            page.Users.flatMap(({ UserName }) => [
              fetcher.fetch(target, region, listMfaDevices, { UserName }),
              fetcher.fetch(target, region, listAccessKeys, { UserName }),
              fetcher.fetch(target, region, listAttachedUserPolicies, { UserName }),
              fetcher.fetch(target, region, listUserPolicies, { UserName }),
            ]),
          ),
        ),
      ),
      fetcher.fetch(target, region, listAttachedLocalPolicies, { Scope: "Local", OnlyAttached: true }).then((policies) =>
        Promise.all(
          readPages(policies, policiesPage).flatMap((page) =>
            page.Policies.map(({ Arn, DefaultVersionId }) => fetcher.fetch(target, region, getPolicyVersion, { PolicyArn: Arn, VersionId: DefaultVersionId })),
          ),
        ),
      ),
    ]);
  },
};
