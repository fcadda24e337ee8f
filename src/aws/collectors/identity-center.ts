// IAM Identity Center (SSO Admin), per region: the instances the account can see and, for each, its
// permission sets described (their session duration). The instance lives in one region of the
// management account (or of a member, for an account instance), so every region is asked.
import { DescribePermissionSetCommand, paginateListInstances, paginateListPermissionSets, SSOAdminClient } from "@aws-sdk/client-sso-admin";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";

export const listInstances = defineOperation<NoParams>("sso", "ListInstances", (c) => paginateListInstances({ client: c.get(SSOAdminClient) }, {}));
export const listPermissionSets = defineOperation<{ InstanceArn: string }>("sso", "ListPermissionSets", (c, p) => paginateListPermissionSets({ client: c.get(SSOAdminClient) }, p));
export const describePermissionSet = defineOperation<{ InstanceArn: string; PermissionSetArn: string }>("sso", "DescribePermissionSet", async (c, p) => [
  await c.get(SSOAdminClient).send(new DescribePermissionSetCommand(p)),
]);

const instancesPage = z.object({ Instances: z.array(z.object({ InstanceArn: z.string() })).default([]) });
const permissionSetsPage = z.object({ PermissionSets: z.array(z.string()).default([]) });

export const identityCenterCollector: Collector = {
  service: "sso",
  scope: "region",
  async collect(fetcher, target, region) {
    const instances = await fetcher.fetch(target, region, listInstances, {});
    await Promise.all(
      readPages(instances, instancesPage).flatMap((page) =>
        page.Instances.map(async ({ InstanceArn }) => {
          const sets = await fetcher.fetch(target, region, listPermissionSets, { InstanceArn });
          await Promise.all(readPages(sets, permissionSetsPage).flatMap((p) => p.PermissionSets.map((PermissionSetArn) => fetcher.fetch(target, region, describePermissionSet, { InstanceArn, PermissionSetArn }))));
        }),
      ),
    );
  },
};
