// The registry of per-service state schemas: each service module registers the shape of its part of
// an account's `state`, so new services extend scenarios without changing the scenario loader.
import type { z } from "zod";

export type StateScope = "global" | "regional";

const registry = new Map<string, z.ZodType>();

const key = (scope: StateScope, service: string): string => `${scope}:${service}`;

/** Declares that scenarios may hold `state.global.<service>` or `state.regions.<region>.<service>` of this shape. */
export function registerServiceState(service: string, scope: StateScope, schema: z.ZodType): void {
  registry.set(key(scope, service), schema);
}

export function stateSchemaFor(service: string, scope: StateScope): z.ZodType | undefined {
  return registry.get(key(scope, service));
}

export function registeredStates(scope: StateScope): string[] {
  return [...registry.keys()].filter((k) => k.startsWith(`${scope}:`)).map((k) => k.slice(scope.length + 1)).sort();
}
