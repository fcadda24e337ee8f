// Amazon RDS over awsQuery (state.regions.<region>.rds): DB instances with encryption, public
// access, backup retention, Multi-AZ, deletion protection and tags; DescribeDBInstances with Marker paging.
import { z } from "zod";
import { unknownOperation } from "../../aws-errors.js";
import { registerBenchState } from "../../bench-scenario.js";
import { paginate } from "../../paginate.js";
import { numberParam, stringParam } from "../../params.js";
import { querySuccess } from "../../protocols.js";
import { SimError } from "../../service.js";
import type { ServiceHandler, SimContext, SimRequest } from "../../service.js";
import { registerServiceState } from "../../state.js";
import { XmlList } from "../../xml.js";
import type { XmlValue } from "../../xml.js";

const namespace = "http://rds.amazonaws.com/doc/2014-10-31/";

const dbInstance = z.object({
  id: z.string().min(1),
  engine: z.string().default("postgres"),
  engineVersion: z.string().default("15.5"),
  instanceClass: z.string().default("db.t4g.medium"),
  status: z.string().default("available"),
  storageEncrypted: z.boolean().default(false),
  kmsKeyId: z.string().optional(),
  publiclyAccessible: z.boolean().default(false),
  backupRetentionDays: z.number().int().min(0).max(35).default(7),
  multiAz: z.boolean().default(false),
  deletionProtection: z.boolean().default(false),
  autoMinorVersionUpgrade: z.boolean().default(true),
  created: z.string().default("2023-02-01T10:00:00Z"),
  /** An Aurora instance's cluster: backups, encryption and deletion protection are the cluster's. */
  cluster: z.string().optional(),
  tags: z.record(z.string(), z.string()).default({}),
});
export const rdsState = z.object({ instances: z.array(dbInstance).default([]) });
registerServiceState("rds", "regional", rdsState);

type DbInstance = z.infer<typeof dbInstance>;

function describe(ctx: SimContext, db: DbInstance): { [key: string]: XmlValue } {
  return {
    DBInstanceIdentifier: db.id,
    DBInstanceArn: `arn:aws:rds:${ctx.region}:${ctx.account.id}:db:${db.id}`,
    DBInstanceClass: db.instanceClass,
    Engine: db.engine,
    EngineVersion: db.engineVersion,
    DBInstanceStatus: db.status,
    InstanceCreateTime: db.created,
    StorageEncrypted: db.storageEncrypted,
    KmsKeyId: db.kmsKeyId,
    PubliclyAccessible: db.publiclyAccessible,
    BackupRetentionPeriod: db.backupRetentionDays,
    MultiAZ: db.multiAz,
    DeletionProtection: db.deletionProtection,
    AutoMinorVersionUpgrade: db.autoMinorVersionUpgrade,
    DBClusterIdentifier: db.cluster,
    TagList: new XmlList(Object.entries(db.tags).map(([Key, Value]) => ({ Key, Value })), "Tag"),
  };
}

function describeDbInstances(req: SimRequest, ctx: SimContext): { [key: string]: XmlValue } {
  const instances = ctx.regionalState("rds", rdsState).instances;
  const wanted = stringParam(req.params, "DBInstanceIdentifier");
  if (wanted !== undefined) {
    const found = instances.find((i) => i.id === wanted || `arn:aws:rds:${ctx.region}:${ctx.account.id}:db:${i.id}` === wanted);
    if (!found) throw new SimError("DBInstanceNotFound", `DBInstance ${wanted} not found.`, 404);
    return { DBInstances: new XmlList([describe(ctx, found)], "DBInstance") };
  }
  // RDS pages by Marker with MaxRecords between 20 and 100 (default 100).
  const size = numberParam(req.params, "MaxRecords");
  if (size !== undefined && (size < 20 || size > 100)) throw new SimError("InvalidParameterValue", "MaxRecords must be between 20 and 100.", 400);
  const { items, next } = paginate(instances, stringParam(req.params, "Marker"), size, 100, { maxSize: 100, invalidCode: "InvalidParameterValue" });
  return { DBInstances: new XmlList(items.map((i) => describe(ctx, i)), "DBInstance"), Marker: next };
}

export const rdsHandler: ServiceHandler = {
  service: "rds",
  protocol: "awsQuery",
  handle(req, ctx) {
    if (req.operation !== "DescribeDBInstances") throw unknownOperation("awsQuery", "rds", req.operation);
    return querySuccess(req.operation, namespace, describeDbInstances(req, ctx), ctx.requestId);
  },
};

export const handlers: ServiceHandler[] = [rdsHandler];

// Bench: M instances per account and region, every third unencrypted.
registerBenchState("rds", "regional", ({ resources }) => ({
  instances: Array.from({ length: resources }, (_, i) => ({ id: `bench-db-${i}`, storageEncrypted: i % 3 !== 0 })),
}));
