// `isms package`: the auditor's evidence package (a signed, reproducible ZIP with index.html) for a
// Stage 1, Stage 2 or surveillance audit; `isms package verify` checks one, file by file; `isms
// package key` prints the public key to hand the auditor separately.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { Option, type Command } from "commander";
import { buildEvidencePackage, type BuiltPackage } from "../app/package/build.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { IsmsError } from "../domain/errors.js";
import { createBlobStore, resolveEvidenceRoot } from "../evidence/index.js";
import { loadOrCreateSigningKey, resolveKeyDir } from "../reports/package/signing.js";
import { auditKinds, type AuditKind } from "../reports/package/types.js";
import { describeVerification, verifyPackage } from "../reports/package/verify.js";
import { globalOptions, withIsms } from "./context.js";
import { createOutput } from "./output.js";
import { parsePeriodFlag } from "./period.js";
import { UsageError, withExamples } from "./usage.js";

interface PackageOptions {
  audit?: AuditKind;
  period?: string;
  year?: string;
  out?: string;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text !== "2" && text !== "3") throw new UsageError(`--year "${text}": a surveillance audit is in year 2 or 3 of the cycle`);
  return Number(text);
}

function describeBuilt(built: BuiltPackage): string {
  const { manifest, counts } = built;
  const lines = [
    `Wrote ${built.out}: ${built.auditLabel}, ${manifest.period.start} to ${manifest.period.end}, data as of ${manifest.generatedAt}.`,
    `  ${manifest.files.length} files, ${megabytes(built.bytes)}: ${counts.documents} documents, ${counts.controls} controls in scope, ${counts.evidenceFiles} evidence files (${counts.evidenceRecords} records), ${counts.checkResults} check results.`,
    `  SHA-256 of the ZIP: ${built.sha256}`,
    `  Signed with Ed25519 key ${built.keyFingerprint}; its public key (also in the package as signing-key.pub.pem):`,
    ...built.publicKeyPem.trimEnd().split("\n").map((l) => `    ${l}`),
  ];
  if (built.missingDocuments.length > 0) lines.push(`  Missing required documents (${built.missingDocuments.length}): ${built.missingDocuments.join("; ")}`);
  lines.push(`Send the public key to the auditor separately; they check the package with: isms package verify ${built.out} --key signing-key.pub.pem`);
  return lines.join("\n");
}

export function registerPackageCommands(program: Command): void {
  const command = program
    .command("package")
    .description("build the auditor's evidence package: documents, SoA, per-control evidence of the period, index.html, signed manifest")
    .addOption(new Option("--audit <kind>", "the audit it is for").choices(auditKinds))
    .option("--period <from..to>", "the days the evidence covers (default: 90 days up to the data's time for stage2, 365 otherwise)")
    .option("--year <n>", "surveillance: the year of the cycle whose sample to include (2 or 3; default 2)")
    .option("--out <file.zip>", "where to write the package")
    .action(async (options: PackageOptions, cmd: Command) => {
      if (options.audit === undefined || options.out === undefined) throw new UsageError("give --audit stage1|stage2|surveillance and --out <file.zip>");
      if (!options.out.toLowerCase().endsWith(".zip")) throw new UsageError(`--out "${options.out}": the package is a ZIP; end the file name in .zip`);
      const period = options.period === undefined ? undefined : parsePeriodFlag(options.period);
      const year = parseYear(options.year);
      if (year !== undefined && options.audit !== "surveillance") throw new UsageError("--year is for --audit surveillance only");
      const { audit, out } = options;
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const key = await loadOrCreateSigningKey(resolveKeyDir(isms));
        if (key.created) output.line(`Created the package signing key in ${resolveKeyDir(isms)} (keep it; auditors compare its fingerprint).`);
        await mkdir(dirname(out), { recursive: true });
        const built = await buildEvidencePackage(isms.db, ws, createBlobStore(resolveEvidenceRoot(isms)), key, out, { audit, period, year });
        output.data(
          { out: built.out, bytes: built.bytes, sha256: built.sha256, keyFingerprint: built.keyFingerprint, publicKeyPem: built.publicKeyPem, audit: built.manifest.audit, period: built.manifest.period, generatedAt: built.manifest.generatedAt, files: built.manifest.files.length, counts: built.counts, missingDocuments: built.missingDocuments },
          () => describeBuilt(built),
        );
      });
    });
  withExamples(
    command,
    "isms package --audit stage1 --out stage1.zip",
    "isms package --audit stage2 --period 2026-09-01..2026-11-30 --out stage2.zip",
    "isms package --audit surveillance --year 2 --out surveillance-2027.zip",
    "isms package verify stage2.zip --key signing-key.pub.pem",
  );

  const verify = command
    .command("verify <package>")
    .description("check every file of a package (ZIP or unzipped folder) against its manifest and the manifest's signature; names each changed, added or removed file")
    .option("--key <public-key.pem>", "the public key you received from the organization (default: the one inside the package, which proves integrity but not origin)")
    .action(async (path: string, options: { key?: string }, cmd: Command) => {
      const output = createOutput({ json: globalOptions(cmd).json === true });
      const publicKeyPem = options.key === undefined ? undefined : await readKey(options.key);
      const result = await verifyPackage(path, publicKeyPem === undefined ? {} : { publicKeyPem, publicKeyName: options.key });
      output.data(result.manifest ? { ...result, manifest: undefined, files: result.manifest.files.length } : result, () => describeVerification(result).join("\n"));
      if (!result.ok) throw new IsmsError(`${path} does not match its signed manifest`, "Do not rely on it; ask the organization for the package again");
    });
  withExamples(verify, "isms package verify stage2.zip --key signing-key.pub.pem", "isms package verify ./stage2-unzipped");

  const key = command
    .command("key [file]")
    .description("print the public key packages are signed with and its fingerprint, and write it to [file] (to send the auditor separately)")
    .action(async (file: string | undefined, _options: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const signing = await loadOrCreateSigningKey(resolveKeyDir(isms));
        if (file !== undefined) await writeFile(file, signing.publicKeyPem);
        output.data({ fingerprint: signing.fingerprint, publicKeyPem: signing.publicKeyPem, ...(file ? { out: file } : {}) }, () =>
          [`Fingerprint (SHA-256 of the public key): ${signing.fingerprint}`, signing.publicKeyPem.trimEnd(), ...(file ? [`Written to ${file}.`] : [])].join("\n"),
        );
      });
    });
  withExamples(key, "isms package key signing-key.pub.pem");
}

async function readKey(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new IsmsError(`Cannot read the public key ${path}: ${error instanceof Error ? error.message : String(error)}`, "Give the .pem file the organization sent you");
  }
}
