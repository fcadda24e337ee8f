// The data-directory lock across real processes: one process at a time on a PGlite data directory.
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirectoryLock, DataDirectoryInUseError, lockFileName } from "../src/store/lock.js";
import { openStore } from "../src/store/open.js";
import { seedDataDir } from "./helpers/pglite-template.js";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const holdStoreScript = fileURLToPath(new URL("./helpers/hold-store.ts", import.meta.url));

interface Child {
  process: ChildProcessWithoutNullStreams;
  pid: number;
  /** The next line the child prints. */
  nextLine(): Promise<string>;
  exited: Promise<number | null>;
}

const children: Child[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.process.exitCode === null) child.process.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "isms-lock-"));
  dirs.push(dir);
  return dir;
}

/** A data directory holding a migrated database already, so the processes spend their time on the lock, not on initdb. */
async function seededDataDir(): Promise<string> {
  const dir = freshDataDir();
  await seedDataDir(dir);
  return dir;
}

function startHolder(dataDir: string): Child {
  const proc = spawn(process.execPath, ["--import", "tsx", holdStoreScript, dataDir], { cwd: repoRoot, stdio: "pipe" });
  let stderr = "";
  proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  const nextLine = async () => {
    const next = await lines.next();
    if (next.done) throw new Error(`the child process ended without answering; its stderr:\n${stderr}`);
    return next.value;
  };
  if (proc.pid === undefined) throw new Error("the child process did not start");
  const child = { process: proc, pid: proc.pid, nextLine, exited };
  children.push(child);
  return child;
}

function lockHolderPid(dataDir: string): number | undefined {
  const path = join(dataDir, lockFileName);
  if (!existsSync(path)) return undefined;
  const record: unknown = JSON.parse(readFileSync(path, "utf8"));
  return typeof record === "object" && record !== null && "pid" in record && typeof record.pid === "number" ? record.pid : undefined;
}

describe("data directory lock across processes", () => {
  it("refuses a second process while another holds the directory, naming the holder, and allows it after", async () => {
    const dataDir = await seededDataDir();
    const holder = startHolder(dataDir);
    expect(await holder.nextLine()).toBe(`ready ${holder.pid}`);

    const refused = await openStore({ dataDir }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirectoryInUseError);
    expect(refused).toMatchObject({ pid: holder.pid, command: "hold-store (lock test)" });
    expect(String(refused)).toContain(`process ${holder.pid} (hold-store (lock test))`);
    expect(String(refused)).toContain("stop that process");
    expect(String(refused)).toContain("DATABASE_URL");

    holder.process.stdin.write("close\n");
    expect(await holder.exited).toBe(0);
    expect(lockHolderPid(dataDir)).toBeUndefined();
    const store = await openStore({ dataDir });
    expect(lockHolderPid(dataDir)).toBe(process.pid);
    await store.close();
  });

  it("refuses another process while this one holds the directory", async () => {
    const dataDir = await seededDataDir();
    const store = await openStore({ dataDir });
    try {
      const other = startHolder(dataDir);
      expect(await other.nextLine()).toBe(`refused ${process.pid} DataDirectoryInUseError`);
      expect(await other.exited).toBe(3);
    } finally {
      await store.close();
    }
  });

  it("takes over the lock of a process that was killed", async () => {
    const dataDir = await seededDataDir();
    const holder = startHolder(dataDir);
    expect(await holder.nextLine()).toBe(`ready ${holder.pid}`);
    holder.process.kill("SIGKILL");
    await holder.exited;
    expect(lockHolderPid(dataDir)).toBe(holder.pid);

    const store = await openStore({ dataDir });
    expect(lockHolderPid(dataDir)).toBe(process.pid);
    await store.close();
  });

  it("releases the lock when the holder exits without closing the store", async () => {
    const dataDir = await seededDataDir();
    const holder = startHolder(dataDir);
    expect(await holder.nextLine()).toBe(`ready ${holder.pid}`);
    holder.process.stdin.write("exit\n");
    expect(await holder.exited).toBe(0);
    expect(lockHolderPid(dataDir)).toBeUndefined();
  });
});

describe("data directory lock in one process", () => {
  const deadPid = 2 ** 22 + 12_345; // above Linux's pid_max default range: no such process

  it("takes over a lock file naming a PID that no longer runs on this host", async () => {
    const dataDir = freshDataDir();
    writeLock(dataDir, { pid: deadPid, command: "isms collect", hostname: hostname(), startedAt: "2025-01-01T00:00:00.000Z" });
    const lock = await acquireDataDirectoryLock(dataDir, "test");
    expect(lockHolderPid(dataDir)).toBe(process.pid);
    lock.release();
    expect(lockHolderPid(dataDir)).toBeUndefined();
  });

  it("takes over a lock naming this process's PID that this process does not hold (a previous run's)", async () => {
    const dataDir = freshDataDir();
    writeLock(dataDir, { pid: process.pid, command: "isms serve", hostname: hostname(), startedAt: "2025-01-01T00:00:00.000Z" });
    const lock = await acquireDataDirectoryLock(dataDir, "test");
    expect(lock.record.startedAt).not.toBe("2025-01-01T00:00:00.000Z");
    await expect(acquireDataDirectoryLock(dataDir, "again")).rejects.toBeInstanceOf(DataDirectoryInUseError);
    lock.release();
  });

  it("respects a lock held from another host, since it cannot tell whether that process runs", async () => {
    const dataDir = freshDataDir();
    writeLock(dataDir, { pid: deadPid, command: "isms serve", hostname: "another-host", startedAt: "2025-01-01T00:00:00.000Z" });
    const refused = acquireDataDirectoryLock(dataDir, "test");
    await expect(refused).rejects.toBeInstanceOf(DataDirectoryInUseError);
    await expect(refused).rejects.toThrow(`process ${deadPid} (isms serve) on host another-host`);
  });

  it("takes over a lock file left empty by a writer that died, once it is old", async () => {
    const dataDir = freshDataDir();
    writeFileSync(join(dataDir, lockFileName), "", { flag: "wx" });
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dataDir, lockFileName), old, old);
    const lock = await acquireDataDirectoryLock(dataDir, "test");
    expect(lockHolderPid(dataDir)).toBe(process.pid);
    lock.release();
  });

  it("does not remove a lock that another process took over after us", async () => {
    const dataDir = freshDataDir();
    const lock = await acquireDataDirectoryLock(dataDir, "test");
    writeLock(dataDir, { pid: 1, command: "someone else", hostname: hostname(), startedAt: "2025-01-01T00:00:00.000Z" }, "w");
    lock.release();
    expect(lockHolderPid(dataDir)).toBe(1);
  });
});

function writeLock(dataDir: string, record: { pid: number; command: string; hostname: string; startedAt: string }, flag = "wx"): void {
  writeFileSync(join(dataDir, lockFileName), JSON.stringify(record), { flag });
}
