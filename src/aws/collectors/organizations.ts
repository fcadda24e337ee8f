// Organizations (global, once per account): every account asks which organization it belongs to;
// the management account, the only one that may list them, also reads the tree of OUs and accounts
// and the service control policies with their content and targets.
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListPolicies,
  paginateListRoots,
  paginateListTargetsForPolicy,
} from "@aws-sdk/client-organizations";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import type { Fetcher } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Target } from "../targets.js";
import type { Collector, NoParams } from "./collector.js";

export const describeOrganization = defineOperation<NoParams>("organizations", "DescribeOrganization", async (c) => [await c.organizations().send(new DescribeOrganizationCommand({}))]);
export const listRoots = defineOperation<NoParams>("organizations", "ListRoots", (c) => paginateListRoots({ client: c.organizations() }, {}));
export const listOrganizationalUnitsForParent = defineOperation<{ ParentId: string }>("organizations", "ListOrganizationalUnitsForParent", (c, p) =>
  paginateListOrganizationalUnitsForParent({ client: c.organizations() }, p),
);
export const listAccountsForParent = defineOperation<{ ParentId: string }>("organizations", "ListAccountsForParent", (c, p) => paginateListAccountsForParent({ client: c.organizations() }, p));
export const listServiceControlPolicies = defineOperation<{ Filter: "SERVICE_CONTROL_POLICY" }>("organizations", "ListPolicies", (c, p) => paginateListPolicies({ client: c.organizations() }, p));
export const describePolicy = defineOperation<{ PolicyId: string }>("organizations", "DescribePolicy", async (c, p) => [await c.organizations().send(new DescribePolicyCommand(p))]);
export const listTargetsForPolicy = defineOperation<{ PolicyId: string }>("organizations", "ListTargetsForPolicy", (c, p) => paginateListTargetsForPolicy({ client: c.organizations() }, p));

const organizationPage = z.object({ Organization: z.object({ MasterAccountId: z.string().optional() }) });
const rootsPage = z.object({ Roots: z.array(z.object({ Id: z.string() })).default([]) });
const unitsPage = z.object({ OrganizationalUnits: z.array(z.object({ Id: z.string() })).default([]) });
const policiesPage = z.object({ Policies: z.array(z.object({ Id: z.string() })).default([]) });

/** The accounts and OUs under `parent`, and the same for each OU beneath it. */
async function collectTree(fetcher: Fetcher, target: Target, region: string, parent: string): Promise<void> {
  const [units] = await Promise.all([
    fetcher.fetch(target, region, listOrganizationalUnitsForParent, { ParentId: parent }),
    fetcher.fetch(target, region, listAccountsForParent, { ParentId: parent }),
  ]);
  await Promise.all(readPages(units, unitsPage).flatMap((page) => page.OrganizationalUnits.map((ou) => collectTree(fetcher, target, region, ou.Id))));
}

export const organizationsCollector: Collector = {
  service: "organizations",
  scope: "account",
  async collect(fetcher, target, region) {
    const organization = await fetcher.fetch(target, region, describeOrganization, {});
    const isManagement = readPages(organization, organizationPage).some((p) => p.Organization.MasterAccountId === target.account);
    if (!isManagement) return;
    await Promise.all([
      fetcher.fetch(target, region, listRoots, {}).then((roots) =>
        Promise.all(readPages(roots, rootsPage).flatMap((page) => page.Roots.map((root) => collectTree(fetcher, target, region, root.Id)))),
      ),
      fetcher.fetch(target, region, listServiceControlPolicies, { Filter: "SERVICE_CONTROL_POLICY" }).then((policies) =>
        Promise.all(
          readPages(policies, policiesPage).flatMap((page) =>
            page.Policies.flatMap(({ Id }) => [fetcher.fetch(target, region, describePolicy, { PolicyId: Id }), fetcher.fetch(target, region, listTargetsForPolicy, { PolicyId: Id })]),
          ),
        ),
      ),
    ]);
  },
};
