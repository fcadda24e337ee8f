// Builds an awsJson1_0/awsJson1_1 service handler from a table of operations, each returning the
// output object (timestamps as epochSeconds) or throwing a SimError.
import { unknownOperation } from "./aws-errors.js";
import { jsonSuccess } from "./protocols.js";
import type { ServiceHandler, SimContext, SimRequest } from "./service.js";

export type JsonOperation = (req: SimRequest, ctx: SimContext) => unknown;

export function jsonService(service: string, operations: Record<string, JsonOperation>, protocol: "awsJson1_0" | "awsJson1_1" = "awsJson1_1"): ServiceHandler {
  return {
    service,
    protocol,
    handle(req, ctx) {
      const operation = operations[req.operation];
      if (!operation) throw unknownOperation(protocol, service, req.operation);
      return jsonSuccess(protocol, operation(req, ctx));
    },
  };
}
