// Serves the app over HTTP with Node's server (@hono/node-server) and closes it cleanly: stops
// accepting, finishes what is in flight, then returns so the caller can close the store.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { BlobStore } from "../evidence/blobs.js";
import type { Db } from "../store/open.js";
import { createApp } from "./app.js";

export interface ServeOptions {
  db: Db;
  blobs: BlobStore | null;
  /** 0: any free port. */
  port: number;
  host: string;
  /** Default: secure everywhere except on a loopback address (plain HTTP on this machine). */
  secureCookies?: boolean;
  /** Behind a reverse proxy that sets X-Forwarded-For (see AppOptions.trustProxy). */
  trustProxy?: boolean;
}

export interface RunningServer {
  /** http://host:port, with the port actually bound. */
  url: string;
  close(): Promise<void>;
}

/** Whether the host is this machine only, where plain HTTP (and so cookies without Secure) is acceptable. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function startServer(options: ServeOptions): Promise<RunningServer> {
  const app = createApp({ db: options.db, blobs: options.blobs, secureCookies: options.secureCookies ?? !isLoopback(options.host), trustProxy: options.trustProxy ?? false });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = info.family === "IPv6" || info.address.includes(":") ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${options.host === "localhost" ? "localhost" : host}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Idle keep-alive connections would hold close() open; in-flight requests still finish.
            if ("closeIdleConnections" in server) server.closeIdleConnections();
          }),
      });
    });
    server.once("error", reject);
  });
}
