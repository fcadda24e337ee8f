// Finds the simulated services: every folder under services/ with an index.ts that exports
// `handlers: ServiceHandler[]` (and registers its state schemas when imported).
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import type { ServiceHandler } from "../service.js";

const here = fileURLToPath(new URL(".", import.meta.url));
let loaded: Promise<Map<string, ServiceHandler>> | undefined;

function isServiceHandler(value: unknown): value is ServiceHandler {
  return (
    typeof value === "object" && value !== null &&
    "service" in value && typeof value.service === "string" &&
    "protocol" in value && typeof value.protocol === "string" &&
    "handle" in value && typeof value.handle === "function"
  );
}

async function discover(): Promise<Map<string, ServiceHandler>> {
  const byService = new Map<string, ServiceHandler>();
  const folders = readdirSync(here, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const folder of folders) {
    const file = ["index.ts", "index.js"].map((name) => join(here, folder, name)).find((f) => existsSync(f));
    if (!file) continue;
    const mod: unknown = await import(pathToFileURL(file).href);
    const handlers: unknown = typeof mod === "object" && mod !== null && "handlers" in mod ? mod.handlers : undefined;
    if (!Array.isArray(handlers)) throw new Error(`${file}: a simulated service module exports handlers: ServiceHandler[]`);
    for (const handler of handlers) {
      if (!isServiceHandler(handler)) throw new Error(`${file}: every entry of handlers needs service, protocol and handle()`);
      if (byService.has(handler.service)) throw new Error(`${file}: a second handler for service "${handler.service}"`);
      byService.set(handler.service, handler);
    }
  }
  return byService;
}

/** Imports every service module once; returns the handlers by SigV4 signing name. */
export function loadServiceModules(): Promise<Map<string, ServiceHandler>> {
  loaded ??= discover();
  return loaded;
}
