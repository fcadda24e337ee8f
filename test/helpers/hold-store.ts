// A second process for the lock test: opens the store in the data directory given as argument and
// holds it. It prints "ready <pid>" once open, or "refused <pid of holder> <error name>" if it could
// not open; then obeys stdin: "close" closes the store and exits, "exit" exits without closing.
import { createInterface } from "node:readline";
import { DataDirectoryInUseError } from "../../src/store/lock.js";
import { openStore } from "../../src/store/open.js";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: hold-store.ts <data dir>");

try {
  const store = await openStore({ dataDir, command: "hold-store (lock test)" });
  process.stdout.write(`ready ${process.pid}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === "close") {
      await store.close();
      process.exit(0);
    }
    if (line === "exit") process.exit(0);
  }
} catch (error) {
  if (!(error instanceof DataDirectoryInUseError)) throw error;
  process.stdout.write(`refused ${error.pid} ${error.name}\n`);
  process.exit(3);
}
