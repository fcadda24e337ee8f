// The simulator's HTTP server on loopback: authenticates SigV4 scopes, applies regions, SCPs and
// faults, dispatches to the service handler by signing name, and records every call.
import { readDemoScenario } from "./scenarios/demo.js";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { z } from "zod";
import { CredentialStore, denyingPolicy, globalServices, parseCredentialScope, regionEnabled } from "./access.js";
import { generateBenchScenario } from "./bench-scenario.js";
import { accessDenied, invalidToken, serverFault, throttled, unknownOperation } from "./aws-errors.js";
import { CallLog } from "./calls.js";
import { FaultEngine } from "./faults.js";
import type { Faults } from "./faults.js";
import { renderError } from "./protocols.js";
import { readScenarioFile } from "./scenario.js";
import { signatureMatches, signatureMismatch } from "./signature.js";
import type { Account, Scenario } from "./scenario.js";
import { SimError } from "./service.js";
import type { Protocol, ServiceHandler, SimContext, SimRequest, SimResponse } from "./service.js";
import { loadServiceModules } from "./services/index.js";

export interface SimulatorOptions {
  /** A parsed scenario, a YAML file's path, "demo", or "bench:NxRxM" (N accounts × R regions × M resources). */
  scenario: Scenario | string;
  port?: number;
  host?: string;
  faults?: Faults;
  /** Recompute SigV4 signatures with the scenario's secret keys (default true; presigned URLs are not checked). */
  verifySignatures?: boolean;
}

export interface Simulator {
  url: string;
  port: number;
  scenario: Scenario;
  /** AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION for the scenario's first identity. */
  env: Record<string, string>;
  calls: CallLog;
  faults: Faults;
  /** Replaces the faults (and resets the token buckets and injected faults). */
  setFaults(faults: Faults): void;
  close(): Promise<void>;
}

export { demoScenarioPath } from "./scenarios/demo.js";

function detectProtocol(req: IncomingMessage, body: Buffer, service: string, handler: ServiceHandler | undefined): Protocol {
  if (req.headers["x-amz-target"]) return handler?.protocol === "awsJson1_0" ? "awsJson1_0" : "awsJson1_1";
  const form = String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded");
  if (form && new URLSearchParams(body.toString("utf8")).has("Action")) return service === "ec2" ? "ec2Query" : "awsQuery";
  return handler?.protocol ?? (service === "s3" || service === "s3-control" ? "restXml" : "restJson1");
}

function parseParams(protocol: Protocol, body: Buffer, query: URLSearchParams): Record<string, unknown> {
  if (protocol === "awsQuery" || protocol === "ec2Query") return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
  let parsed: unknown = {};
  const text = body.toString("utf8").trim();
  if (text.startsWith("{")) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new SimError("SerializationException", "The request body is not valid JSON", 400);
    }
  }
  const fields = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : {};
  return protocol === "restJson1" || protocol === "restXml" ? { ...Object.fromEntries(query), ...fields } : fields;
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

function isOf<S extends z.ZodType>(schema: S, value: unknown): value is z.infer<S> {
  return schema.safeParse(value).success;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(",") : v;
  return out;
}

async function scenarioNamed(name: string): Promise<Scenario> {
  const bench = /^bench:(\d+)x(\d+)x(\d+)$/.exec(name);
  if (bench) return generateBenchScenario({ accounts: Number(bench[1]), regions: Number(bench[2]), resources: Number(bench[3]) });
  return name === "demo" ? readDemoScenario() : readScenarioFile(name);
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const handlers = await loadServiceModules();
  const scenario = typeof options.scenario === "string" ? await scenarioNamed(options.scenario) : options.scenario;
  const credentials = new CredentialStore(scenario);
  const calls = new CallLog();
  let engine = new FaultEngine(options.faults ?? {});
  const stateCache = new Map<string, unknown>();

  const accountById = (id: string): Account => {
    const account = scenario.accounts.find((a) => a.id === id);
    if (!account) throw new SimError("InternalFailure", `No account ${id} in the scenario`, 500);
    return account;
  };
  // State is parsed once and kept, so handlers' changes persist; the type guard re-checks the kept
  // value (state schemas must accept their own output: defaults yes, transforms no).
  // Which schema produced each kept object: a value kept for the same schema is returned without
  // validating it again on every call (a third of the simulator's time under load otherwise).
  const parsedBy = new WeakMap<object, z.ZodType>();
  const keptFor = <S extends z.ZodType>(schema: S, value: unknown): value is z.infer<S> => typeof value === "object" && value !== null && parsedBy.get(value) === schema;
  const cached = <S extends z.ZodType>(key: string, raw: unknown, schema: S): z.infer<S> => {
    const kept = stateCache.get(key);
    if (keptFor(schema, kept)) return kept;
    if (stateCache.has(key) && isOf(schema, kept)) return kept;
    const parsed = schema.parse(raw ?? {});
    stateCache.set(key, parsed);
    if (typeof parsed === "object" && parsed !== null) parsedBy.set(parsed, schema);
    return parsed;
  };

  const contextFor = (account: Account, region: string, requestId: string): SimContext => ({
    scenario,
    account,
    region,
    requestId,
    globalState: (service, schema, accountId = account.id) =>
      cached(`${accountId}|global|${service}`, accountById(accountId).state.global[service], schema),
    regionalState: (service, schema, inRegion = region, accountId = account.id) =>
      cached(`${accountId}|${inRegion}|${service}`, accountById(accountId).state.regions[inRegion]?.[service], schema),
    issueCredentials: (accountId, principalArn, ttl) => credentials.issue(accountId, principalArn, ttl),
  });

  async function answer(req: IncomingMessage, body: Buffer, requestId: string): Promise<SimResponse> {
    const url = new URL(req.url ?? "/", "http://sim");
    const scope = parseCredentialScope(req.headers.authorization, url.searchParams);
    const handler = scope ? handlers.get(scope.service) : undefined;
    const protocol = detectProtocol(req, body, scope?.service ?? "", handler);
    const record = { accountId: "", region: scope?.region ?? "", service: scope?.service ?? "", operation: "", params: {}, faulted: false };
    const respond = (response: SimResponse, extra: Partial<typeof record> = {}, code?: string): SimResponse => {
      const status = response.status ?? 200;
      const error = code ?? (status >= 300 ? (response.headers?.["x-amzn-errortype"] ?? `HTTP ${status}`) : undefined);
      calls.record({ ...record, ...extra, status, ...(error ? { error } : {}) });
      return response;
    };
    const fail = (error: SimError, extra: Partial<typeof record> = {}): SimResponse =>
      respond(renderError(protocol, error, requestId), extra, error.code);

    if (!scope) return fail(new SimError("IncompleteSignature", "The request signature is missing or malformed (AWS4-HMAC-SHA256 Credential=…/date/region/service/aws4_request).", 400));
    const known = credentials.lookup(scope.accessKeyId, req.headers["x-amz-security-token"]?.toString());
    if (!known) return fail(invalidToken(protocol));
    const authorization = req.headers.authorization;
    if (options.verifySignatures !== false && authorization) {
      const signed = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, body, authorization, scope };
      if (!signatureMatches(signed, known.secretAccessKey)) return fail(signatureMismatch(protocol), { accountId: known.accountId });
    }
    record.accountId = known.accountId;
    const account = accountById(known.accountId);
    // AWS answers calls to an opt-in region the account has not enabled as if the token were invalid.
    if (!globalServices.has(scope.service) && !regionEnabled(scenario, known.accountId, scope.region)) return fail(invalidToken(protocol));

    let params: Record<string, unknown>;
    try {
      params = parseParams(protocol, body, url.searchParams);
    } catch (error) {
      if (error instanceof SimError) return fail(error);
      throw error;
    }
    const request: SimRequest = {
      protocol, service: scope.service, region: scope.region, accountId: known.accountId, principalArn: known.principalArn,
      accessKeyId: scope.accessKeyId, operation: "", method: req.method ?? "GET", path: url.pathname, query: url.searchParams,
      headers: headerRecord(req), body, params,
    };
    const target = req.headers["x-amz-target"]?.toString();
    request.operation =
      protocol === "awsQuery" || protocol === "ec2Query" ? (typeof params.Action === "string" ? params.Action : "")
      : target ? target.slice(target.lastIndexOf(".") + 1)
      : (handler?.operationOf?.(request) ?? "");
    const queryParams = protocol === "awsQuery" || protocol === "ec2Query"
      ? Object.fromEntries(Object.entries(params).filter(([k]) => k !== "Action" && k !== "Version")) : params;
    Object.assign(record, { operation: request.operation, params: queryParams });

    const policy = denyingPolicy(scenario, known.accountId, scope.service);
    if (policy)
      return fail(accessDenied(protocol, `User: ${known.principalArn} is not authorized to perform: ${scope.service}:${request.operation} with an explicit deny in a service control policy`));
    if (!handler) return fail(unknownOperation(protocol, scope.service, request.operation));

    const delay = engine.delayMs();
    if (delay > 0) await sleep(delay);
    const fault = engine.decide({ accountId: known.accountId, region: scope.region, service: scope.service, operation: request.operation });
    if (fault) return fail(fault === "throttle" ? throttled(protocol) : serverFault(protocol), { faulted: true });

    try {
      const response = await handler.handle(request, contextFor(account, scope.region, requestId));
      return respond(response, response.operation ? { operation: response.operation } : {});
    } catch (error) {
      if (error instanceof SimError) return fail(error);
      const message = error instanceof Error ? error.message : String(error);
      return fail(new SimError("InternalFailure", `The simulator failed: ${message}`, 500));
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    readBody(req)
      .then((body) => answer(req, body, requestId))
      .then((response) => {
        const payload = response.body ?? "";
        res.writeHead(response.status ?? 200, {
          "x-amzn-requestid": requestId,
          ...response.headers,
          "content-length": Buffer.byteLength(payload),
        });
        res.end(payload);
      })
      .catch((error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`simulator failure: ${error instanceof Error ? error.message : String(error)}`);
      });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? (address satisfies AddressInfo).port : 0;
  const url = `http://${host}:${port}`;
  const first = scenario.identities[0];
  const sim: Simulator = {
    url,
    port,
    scenario,
    env: {
      AWS_ENDPOINT_URL: url,
      AWS_ACCESS_KEY_ID: first?.accessKeyId ?? "",
      AWS_SECRET_ACCESS_KEY: first?.secretAccessKey ?? "",
      AWS_REGION: scenario.regions.default[0] ?? "us-east-1",
    },
    calls,
    faults: options.faults ?? {},
    setFaults(faults) {
      engine = new FaultEngine(faults);
      sim.faults = faults;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return sim;
}
