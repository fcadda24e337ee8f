// The manifest of an evidence package: which paths a package may hold, the schema a verifier parses
// the manifest with, and the one byte-exact way it is written (the signature covers those bytes).
import { z } from "zod";
import { IsmsError } from "../../domain/errors.js";
import type { ManifestFile, PackageHeader, PackageManifest } from "./types.js";
import { auditKinds, manifestPath, packageFormat, publicKeyPath, signaturePath } from "./types.js";

/** The files the writer adds itself; no entry may take their names. */
export const reservedPaths: readonly string[] = [manifestPath, signaturePath, publicKeyPath];

/**
 * Why `path` cannot name a file inside a package, or undefined when it can. A package path is
 * relative, uses "/" only, and has no empty, "." or ".." segment, so that unzipping it anywhere
 * writes inside the target folder and every unzip tool agrees on the name.
 */
export function packagePathProblem(path: string): string | undefined {
  if (path === "") return "it is empty";
  if (path.includes("\\")) return "it contains a backslash (use / between folders)";
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "it is absolute (give a path relative to the package root)";
  if (/\p{Cc}/u.test(path)) return "it contains a control character";
  const segments = path.split("/");
  if (segments.includes("")) return "it has an empty segment (a leading, trailing or doubled /)";
  if (segments.includes("..")) return 'it has a ".." segment';
  if (segments.includes(".")) return 'it has a "." segment';
  return undefined;
}

/** Orders paths by UTF-16 code units: the same order on every machine, whatever its locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a day as YYYY-MM-DD");
const timestamp = z.iso.datetime({ offset: true });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "expected a SHA-256 hash: 64 lower-case hexadecimal digits");
const periodSchema = z
  .object({ start: day, end: day })
  .refine((period) => period.start <= period.end, "the period ends before it starts");

const sourceSchema = z.object({
  kind: z.string().min(1),
  account: z.string().optional(),
  region: z.string().optional(),
  service: z.string().optional(),
  operation: z.string().optional(),
  uploader: z.string().optional(),
  generator: z.string().optional(),
  evidenceIds: z.array(z.string()).optional(),
});

const packagePath = z.string().superRefine((path, context) => {
  const problem = packagePathProblem(path);
  if (problem) context.addIssue({ code: "custom", message: `"${path}" cannot be a package path: ${problem}` });
  else if (reservedPaths.includes(path)) context.addIssue({ code: "custom", message: `"${path}" is reserved for the package itself` });
});

export const manifestFileSchema = z.object({
  path: packagePath,
  sha256,
  size: z.number().int().nonnegative(),
  mediaType: z.string().min(1),
  source: sourceSchema,
  collectedAt: timestamp.optional(),
  period: periodSchema.optional(),
});

export const packageHeaderSchema = z.object({
  workspace: z.object({ id: z.string().min(1), name: z.string(), company: z.string() }),
  audit: z.enum(auditKinds),
  period: periodSchema,
  generatedAt: timestamp,
  generator: z.object({ name: z.string().min(1), version: z.string().min(1) }),
});

export const manifestSchema = packageHeaderSchema.extend({
  format: z.literal(packageFormat),
  files: z.array(manifestFileSchema).superRefine((files, context) => {
    for (let index = 1; index < files.length; index++) {
      const previous = files[index - 1]?.path ?? "";
      const path = files[index]?.path ?? "";
      if (comparePaths(previous, path) >= 0) {
        context.addIssue({ code: "custom", path: [index, "path"], message: `"${path}" is listed twice or out of order` });
        return;
      }
    }
  }),
});

/** The manifest's exact bytes: pretty JSON, keys in a fixed order, absent fields left out, files sorted by path. */
export function serializeManifest(manifest: PackageManifest): Buffer {
  const { workspace, audit, period, generatedAt, generator } = manifest;
  const ordered = {
    format: manifest.format,
    workspace: { id: workspace.id, name: workspace.name, company: workspace.company },
    audit,
    period: { start: period.start, end: period.end },
    generatedAt,
    generator: { name: generator.name, version: generator.version },
    files: [...manifest.files].sort((a, b) => comparePaths(a.path, b.path)).map(orderFile),
  };
  // JSON.stringify leaves out the keys whose value is undefined.
  return Buffer.from(`${JSON.stringify(ordered, null, 2)}\n`, "utf8");
}

function orderFile(file: ManifestFile): ManifestFile {
  const { source, period } = file;
  return {
    path: file.path,
    sha256: file.sha256,
    size: file.size,
    mediaType: file.mediaType,
    source: {
      kind: source.kind,
      account: source.account,
      region: source.region,
      service: source.service,
      operation: source.operation,
      uploader: source.uploader,
      generator: source.generator,
      evidenceIds: source.evidenceIds ? [...source.evidenceIds] : undefined,
    },
    collectedAt: file.collectedAt,
    period: period ? { start: period.start, end: period.end } : undefined,
  };
}

/** Parses a manifest's bytes; `where` names it in the error ("audit.zip: manifest.json"). */
export function parseManifest(bytes: Buffer, where: string): PackageManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new IsmsError(`${where} is not valid JSON (${error instanceof Error ? error.message : String(error)})`, unreadableHint);
  }
  const result = manifestSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const at = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    throw new IsmsError(`${where} is not an OpenISMS evidence package manifest (${packageFormat})${at}: ${issue?.message ?? "unknown format"}`, unreadableHint);
  }
  const manifest: PackageManifest = result.data;
  return manifest;
}

/** Checks a header before anything is written, so a bad one fails fast. */
export function checkPackageHeader(header: PackageHeader): void {
  const result = packageHeaderSchema.safeParse(header);
  if (result.success) return;
  const issue = result.error.issues[0];
  throw new IsmsError(
    `The package header is invalid at ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "unknown problem"}`,
    "This is a bug in the code that builds the package; report it with the command you ran",
  );
}

const unreadableHint =
  "The package was damaged or changed after it was made: ask its sender for a fresh copy, and do not rely on this one";
