// Waiting for Ctrl-C or SIGTERM in a command that keeps serving, so it can close what it opened
// (server, simulator, store and its data-directory lock) before the process ends.

const signals = ["SIGINT", "SIGTERM"] as const;

/**
 * Resolves on Ctrl-C or SIGTERM. main.ts ends the process at once on those signals; while serving, the
 * command must close its resources first, so those handlers are set aside until then.
 */
export function untilStopped(): Promise<void> {
  const setAside = signals.map((signal) => ({ signal, listeners: process.listeners(signal) }));
  return new Promise((resolve) => {
    const stop = () => {
      for (const { signal, listeners } of setAside) {
        process.removeListener(signal, stop);
        for (const listener of listeners) process.on(signal, listener);
      }
      resolve();
    };
    for (const { signal, listeners } of setAside) {
      for (const listener of listeners) process.removeListener(signal, listener);
      process.on(signal, stop);
    }
  });
}
