import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "testing/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Most of a test file's time is spent waiting on a database, a browser or a child process, so two files
    // at once keep a two-core machine busy where Vitest's default (cores - 1) would run one at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A worker keeps the modules it has loaded from one file to the next (the AWS SDK, pdfkit, PGlite, the
    // application): loading them again for each of ~190 files took about a quarter of a run. The files share
    // no mocks or module state they change; each opens its own stores, servers and temp folders.
    isolate: false,
  },
});
