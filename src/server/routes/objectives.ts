// The information security objectives (6.2, 9.1) over HTTP. Being built: registered now so the API and its document take the routes as they land.
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env.js";

export function registerObjectiveRoutes(app: OpenAPIHono<AppEnv>): void {
  void app;
}
