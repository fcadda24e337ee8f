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
  },
});
