// `isms package` as a user runs it: a Stage 1 package of a new workspace, its public key handed over
// separately, `isms package verify` passing, then failing with the changed file named, and the
// mistakes a user makes on the command line refused with what to do instead.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { flipByte, readZip, unzipTo } from "../src/reports/package/test-fixtures.js";
import { ismsInProcess } from "./helpers/cli-in-process.js";

let dir: string;
const isms = (...args: string[]) => ismsInProcess(["--data-dir", join(dir, "data"), ...args]);
const built = z.object({ out: z.string(), files: z.number(), keyFingerprint: z.string().regex(/^[0-9a-f]{64}$/), sha256: z.string(), counts: z.object({ documents: z.number() }) });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "isms-package-cli-"));
  const init = await isms("init", "--name", "Acme ISMS", "--company", "Acme Cloud Ltd", "--template", "aws-saas");
  expect(init.status, init.stderr).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("isms package", () => {
  it("builds a Stage 1 package, prints its key, and verify passes with the key handed over separately", async () => {
    const out = join(dir, "stage1.zip");
    const result = await isms("--json", "package", "--audit", "stage1", "--out", out);
    expect(result.status, result.stderr).toBe(0);
    const summary = built.parse(JSON.parse(result.stdout));
    expect(summary.counts.documents).toBe(29);

    const key = await isms("package", "key", join(dir, "signing-key.pub.pem"));
    expect(key.status, key.stderr).toBe(0);
    expect(key.stdout).toContain(summary.keyFingerprint);
    expect(await readFile(join(dir, "signing-key.pub.pem"), "utf8")).toMatch(/^-----BEGIN PUBLIC KEY-----/);

    const verified = await isms("package", "verify", out, "--key", join(dir, "signing-key.pub.pem"));
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/signature: valid/);
    expect(verified.stdout).toMatch(new RegExp(`OK: ${summary.files} files match the manifest`));
  });

  it("verify exits 1 and names the document whose byte was flipped in the unzipped folder", async () => {
    const folder = join(dir, "unzipped");
    await unzipTo(join(dir, "stage1.zip"), folder);
    const files = [...(await readZip(join(dir, "stage1.zip"))).keys()];
    const target = files.find((f) => f.startsWith("documents/policies/")) ?? "";
    await writeFile(join(folder, target), flipByte(await readFile(join(folder, target))));
    const result = await isms("package", "verify", folder);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(target);
    expect(result.stderr).toMatch(/does not match its signed manifest/);
  });

  it("refuses a package checked against another organization's key", async () => {
    const other = await ismsInProcess(["--data-dir", join(dir, "other"), "package", "key", join(dir, "other.pem")]);
    expect(other.status, other.stderr).toBe(0);
    const result = await isms("package", "verify", join(dir, "stage1.zip"), "--key", join(dir, "other.pem"));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/signature:? invalid/);
  });

  it("refuses bad flags with what to write instead, and writes nothing", async () => {
    const cases: [string[], RegExp][] = [
      [["package", "--out", join(dir, "x.zip")], /give --audit stage1\|stage2\|surveillance and --out/],
      [["package", "--audit", "stage2", "--out", join(dir, "x.tar")], /end the file name in \.zip/],
      [["package", "--audit", "stage2", "--year", "2", "--out", join(dir, "x.zip")], /--year is for --audit surveillance only/],
      [["package", "--audit", "surveillance", "--year", "4", "--out", join(dir, "x.zip")], /--year "4": a surveillance audit is in year 2 or 3/],
      [["package", "--audit", "stage2", "--period", "2026-03-01..2026-01-01", "--out", join(dir, "x.zip")], /ends before it starts/],
    ];
    for (const [args, message] of cases) {
      const result = await isms(...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    const audit = await isms("package", "--audit", "stage3", "--out", join(dir, "x.zip"));
    expect(audit.status).toBe(2);
    expect(audit.stderr).toMatch(/stage1, stage2, surveillance/);
    await expect(readFile(join(dir, "x.zip"))).rejects.toThrow(/ENOENT/);
  });

  it("a surveillance package without a certification cycle says how to start one", async () => {
    const result = await isms("package", "--audit", "surveillance", "--out", join(dir, "s.zip"));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/isms cycle set --body/);
  });

  it("verify of something that is not a package says so", async () => {
    await writeFile(join(dir, "not-a.zip"), "plain text");
    const result = await isms("package", "verify", join(dir, "not-a.zip"));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/not-a\.zip/);
  });
});
