// The OpenAPI 3.1 document of the HTTP API at /api/openapi.json, generated from the routes' zod
// schemas (every route is declared with createRoute), with the session cookie and CSRF header described.
import type { OpenAPIHono } from "@hono/zod-openapi";
import { sessionCookieName } from "../domain/access/tokens.js";
import { csrfHeader } from "../domain/access/csrf.js";
import type { AppEnv } from "./env.js";

export const openApiPath = "/api/openapi.json";

export function registerOpenApiDocument(app: OpenAPIHono<AppEnv>, options: { secureCookies: boolean }): void {
  const cookie = options.secureCookies ? sessionCookieName.secure : sessionCookieName.insecure;
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: cookie,
    description: "Set by POST /api/session (HttpOnly; the web app never reads it)",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "csrf", {
    type: "apiKey",
    in: "header",
    name: csrfHeader,
    description: "The csrfToken of GET /api/me or of the sign-in response; needed on every POST, PUT, PATCH and DELETE of a signed-in session",
  });
  app.doc31(openApiPath, {
    openapi: "3.1.0",
    info: {
      title: "OpenISMS API",
      version: "0.1.0",
      description:
        "Run an ISO/IEC 27001:2022 ISMS. Errors are application/problem+json (RFC 9457). Everything under /api/w/{workspace}/ needs a membership of that workspace; without one it answers 404.",
    },
    security: [{ session: [], csrf: [] }],
  });
}
