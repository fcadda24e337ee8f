// CloudTrail, per region: the trails visible there (an organization or multi-Region trail shows in
// every region), and for each trail this account owns and homes here, its status and event selectors
// — asked once per trail, in its home region, by its owner.
import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from "@aws-sdk/client-cloudtrail";
import { z } from "zod";
import { defineOperation } from "../fetcher.js";
import { readPages } from "../snapshot.js";
import type { Collector, NoParams } from "./collector.js";

export const describeTrails = defineOperation<NoParams>("cloudtrail", "DescribeTrails", async (c) => [await c.get(CloudTrailClient).send(new DescribeTrailsCommand({}))]);
export const getTrailStatus = defineOperation<{ Name: string }>("cloudtrail", "GetTrailStatus", async (c, p) => [await c.get(CloudTrailClient).send(new GetTrailStatusCommand(p))]);
export const getEventSelectors = defineOperation<{ TrailName: string }>("cloudtrail", "GetEventSelectors", async (c, p) => [
  await c.get(CloudTrailClient).send(new GetEventSelectorsCommand(p)),
]);

const trailsPage = z.object({ trailList: z.array(z.object({ TrailARN: z.string(), HomeRegion: z.string().optional() })).default([]) });

/** The account in an ARN (arn:aws:cloudtrail:region:account:trail/name). */
export const arnAccount = (arn: string): string => arn.split(":")[4] ?? "";

export const cloudtrailCollector: Collector = {
  service: "cloudtrail",
  scope: "region",
  async collect(fetcher, target, region) {
    const described = await fetcher.fetch(target, region, describeTrails, {});
    const owned = readPages(described, trailsPage)
      .flatMap((p) => p.trailList)
      .filter((t) => t.HomeRegion === region && arnAccount(t.TrailARN) === target.account);
    await Promise.all(
      owned.flatMap(({ TrailARN }) => [fetcher.fetch(target, region, getTrailStatus, { Name: TrailARN }), fetcher.fetch(target, region, getEventSelectors, { TrailName: TrailARN })]),
    );
  },
};
