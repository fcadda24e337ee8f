// restJson1 routing: each operation is a method and a path template ("/detector/{DetectorId}"), as
// the service's API model declares it; a service is a list of such routes.
import { unknownOperation } from "../../aws-errors.js";
import type { ServiceHandler, SimContext, SimRequest, SimResponse } from "../../service.js";
import { SimError } from "../../service.js";

export interface Route {
  method: string;
  path: string;
  operation: string;
  answer(req: SimRequest, ctx: SimContext, labels: Record<string, string>): SimResponse;
}

function matchPath(template: string, path: string): Record<string, string> | undefined {
  const want = template.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return undefined;
  const labels: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = got[i] ?? "";
    const label = /^\{(\w+)\}$/.exec(part)?.[1];
    if (label) {
      if (actual === "") return undefined;
      labels[label] = decodeURIComponent(actual);
    } else if (part !== actual) return undefined;
  }
  return labels;
}

function resolve(routes: readonly Route[], req: SimRequest): { route: Route; labels: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== req.method) continue;
    const labels = matchPath(route.path, req.path);
    if (labels) return { route, labels };
  }
  return undefined;
}

/** A restJson1 service answering `routes`; other requests get UnknownOperationException. */
export function restJsonService(service: string, routes: readonly Route[]): ServiceHandler {
  return {
    service,
    protocol: "restJson1",
    operationOf(req) {
      const found = resolve(routes, req);
      if (!found) return "";
      // Path labels are request parameters too: the call log then tells GetDetector on two detectors apart.
      for (const [label, value] of Object.entries(found.labels)) req.params[label] ??= value;
      return found.route.operation;
    },
    handle(req, ctx) {
      const found = resolve(routes, req);
      if (!found) throw unknownOperation("restJson1", service, `${req.method} ${req.path}`);
      return { ...found.route.answer(req, ctx, found.labels), operation: found.route.operation };
    },
  };
}

export const stringParam = (params: Record<string, unknown>, name: string): string | undefined => {
  const value = params[name];
  return typeof value === "string" && value !== "" ? value : undefined;
};

export const stringListParam = (params: Record<string, unknown>, name: string): string[] => {
  const value = params[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
};

/** restJson1 services answer a resource that does not exist with ResourceNotFoundException (404) unless they say otherwise. */
export const notFound = (what: string, code = "ResourceNotFoundException", status = 404): SimError => new SimError(code, `${what} was not found`, status);
