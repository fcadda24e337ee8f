// `isms serve`: the HTTP API and web app over the store, printing the URL and, on the first run, the
// one-time link that creates the first administrator. Runs until Ctrl-C or SIGTERM, then closes cleanly.
import type { Command } from "commander";
import { ensureSetupLink } from "../app/accounts/setup.js";
import { openIsms } from "../app/isms.js";
import { createBlobStore, resolveEvidenceRoot, type BlobStore } from "../evidence/blobs.js";
import type { Store } from "../store/open.js";
import { globalOptions, outputFor } from "./context.js";
import { withExamples } from "./usage.js";
import { untilStopped } from "./until-stopped.js";
import { parsePort } from "./port.js";

interface ServeFlags {
  port: string;
  host: string;
  trustProxy?: boolean;
}

/** The evidence folder when the store has one (PostgreSQL needs ISMS_EVIDENCE_DIR); null otherwise. */
function evidenceFolder(store: Store): BlobStore | null {
  try {
    return createBlobStore(resolveEvidenceRoot(store));
  } catch {
    return null;
  }
}

export function registerServeCommand(program: Command): void {
  const command = program
    .command("serve")
    .description("serve the HTTP API and the web app; prints the one-time setup link while no administrator exists")
    .option("--port <port>", "the port to listen on (0: any free port)", "8080")
    .option("--host <host>", "the address to listen on (0.0.0.0: every interface, behind an HTTPS proxy)", "127.0.0.1")
    .option("--trust-proxy", "take each client's address from X-Forwarded-For (only behind a reverse proxy that sets it): sign-in limits per address need it")
    .action(async (flags: ServeFlags, cmd: Command) => {
      const port = parsePort(flags.port);
      const output = outputFor(cmd);
      const store = await openIsms({ dataDir: globalOptions(cmd).dataDir, command: "isms serve" });
      try {
        // Loaded on use: other commands never load the HTTP stack.
        const { startServer } = await import("../server/serve.js");
        const server = await startServer({ db: store.db, blobs: evidenceFolder(store), port, host: flags.host, trustProxy: flags.trustProxy === true });
        const link = await ensureSetupLink(store.db);
        const setupLink = link ? `${server.url}/setup#token=${link.token}` : null;
        output.data({ url: server.url, setupLink, setupLinkExpiresAt: link?.expiresAt.toISOString() ?? null }, () =>
          [
            output.style("green", `OpenISMS is serving on ${server.url} (store: ${store.location})`),
            ...(setupLink && link
              ? ["", "No administrator exists yet. Open this link once to create the first one (it works until " + link.expiresAt.toISOString().slice(0, 16).replace("T", " ") + " UTC):", `  ${setupLink}`]
              : []),
            "",
            output.style("dim", "Press Ctrl-C to stop."),
          ].join("\n"),
        );
        await untilStopped();
        await server.close();
      } finally {
        await store.close();
      }
    });
  withExamples(command, "isms serve", "isms serve --port 3000", "isms serve --host 0.0.0.0 --port 8080 --trust-proxy   # behind an HTTPS reverse proxy");
}
