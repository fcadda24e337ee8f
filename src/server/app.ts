// The HTTP API: one Hono app with everything under /api — sessions, CSRF, sign-in, workspace access
// and the resource routes — errors as problem+json, the OpenAPI document, and the built web app.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { OpenAPIHono } from "@hono/zod-openapi";
import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context } from "hono";
import { LoginRateLimiter } from "../domain/access/login-rate-limit.js";
import type { BlobStore } from "../evidence/blobs.js";
import type { Db } from "../store/open.js";
import { openRoutes, registerAuthRoutes } from "./auth-routes.js";
import type { AppEnv } from "./env.js";
import { registerMemberRoutes } from "./member-routes.js";
import { csrfMiddleware } from "./middleware/csrf.js";
import { requireSignIn } from "./middleware/require-sign-in.js";
import { sessionMiddleware } from "./middleware/session.js";
import { workspaceMiddleware } from "./middleware/workspace.js";
import { registerOpenApiDocument } from "./openapi.js";
import { registerResourceRoutes } from "./routes/index.js";
import { HttpProblem, problemResponse, statusOf, validationProblem } from "./problem.js";

export interface AppOptions {
  db: Db;
  blobs: BlobStore | null;
  /** The clock (tests move it); default the system's. */
  now?: () => Date;
  /** Secure, __Host- cookies; false only when serving plain HTTP on localhost. Default true. */
  secureCookies?: boolean;
  /** Shared by the app's sign-in route; give one to inspect or reset it in tests. */
  loginLimiter?: LoginRateLimiter;
  /** The built web app's folder; default dist/web of this package, served only if it exists. Null: none. */
  webRoot?: string | null;
  /**
   * Behind a reverse proxy every request comes from the proxy: take the client's address from the
   * last X-Forwarded-For entry (the one the proxy added) for the per-address sign-in limit. Only set
   * this when a proxy sets that header, or clients could pick their own address.
   */
  trustProxy?: boolean;
  /** The client's network address, for per-address sign-in limits; default the socket's (see trustProxy). */
  clientAddress?: (c: Context<AppEnv>) => string;
}

const defaultWebRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));

export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const now = options.now ?? (() => new Date());
  const cookies = { secure: options.secureCookies ?? true };
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationProblem(result.error, result.target === "json" ? "request body" : `request ${result.target}`);
    },
  });

  app.onError((error, c) => {
    if (statusOf(error) === 500) console.error(`${c.req.method} ${new URL(c.req.url).pathname}:`, error);
    return problemResponse(c, error);
  });

  app.use("/api/*", async (c, next) => {
    c.set("db", options.db);
    c.set("blobs", options.blobs);
    c.set("account", null);
    await next();
  });
  app.use("/api/*", sessionMiddleware(cookies, now));
  app.use("/api/*", csrfMiddleware(cookies));
  app.use("/api/*", requireSignIn(openRoutes));
  app.use("/api/w/:workspace", workspaceMiddleware());
  app.use("/api/w/:workspace/*", workspaceMiddleware());

  registerAuthRoutes(app, { cookies, now, limiter: options.loginLimiter ?? new LoginRateLimiter(), clientAddress: options.clientAddress ?? (options.trustProxy ? forwardedAddress : socketAddress) });
  registerMemberRoutes(app, { now });
  registerResourceRoutes(app);
  registerOpenApiDocument(app, { secureCookies: cookies.secure });

  app.all("/api/*", (c) => {
    throw new HttpProblem(404, `No route ${c.req.method} ${new URL(c.req.url).pathname}; see /api/openapi.json for the routes`);
  });
  const webRoot = options.webRoot === undefined ? defaultWebRoot : options.webRoot;
  if (webRoot !== null && existsSync(webRoot)) {
    app.use("/*", serveStatic({ root: webRoot }));
    // The web app routes in the browser: any other page is its index.html.
    app.get("/*", serveStatic({ root: webRoot, path: "index.html" }));
  }
  return app;
}

function forwardedAddress(c: Context<AppEnv>): string {
  const last = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
  return last || socketAddress(c);
}

function socketAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket.
    return "unknown";
  }
}
