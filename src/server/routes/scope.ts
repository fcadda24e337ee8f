// The scope and assets (4.3, A.5.9) over HTTP. Being built: registered now so the API and its document take the routes as they land.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env.js";

export function registerScopeRoutes(app: OpenAPIHono<AppEnv>): void {
  void app;
}
