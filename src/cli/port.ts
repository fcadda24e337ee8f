// The --port flag of the commands that listen (serve, demo, sim start): 0 asks the system for a free port.
import { UsageError } from "./usage.js";

export function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535 (got "${text}")`);
  return port;
}
