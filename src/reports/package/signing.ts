// The Ed25519 key that signs evidence package manifests: kept as a PKCS#8 file in the key folder,
// created once on first use, and the signing and checking of a manifest's bytes.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";
import type { KeyObject } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { IsmsError } from "../../domain/errors.js";
import type { Store } from "../../store/open.js";

export const signingKeyFile = "package-signing-key.pem";

export interface SigningKey {
  privateKey: KeyObject;
  /** The public half, SPKI PEM: what the package holds and an auditor checks with. */
  publicKeyPem: string;
  /** SHA-256 of the public key's SPKI DER bytes, hex. */
  fingerprint: string;
  /** Whether this call created the key (the CLI says so, and prints the fingerprint to keep). */
  created: boolean;
}

/**
 * The signing key in `dir`, created there on first use. The key file is written exclusively (an
 * existing key is never overwritten, even by a racing process) and readable by its owner only.
 */
export async function loadOrCreateSigningKey(dir: string): Promise<SigningKey> {
  const file = join(resolve(dir), signingKeyFile);
  let created = false;
  let pem = await readKeyFile(file);
  if (pem === undefined) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync("ed25519");
    const fresh = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    try {
      await writeFile(file, fresh, { flag: "wx", mode: 0o600 });
      created = true;
      pem = fresh;
    } catch (error) {
      if (!hasCode(error, "EEXIST")) throw error;
      // Another process created the key first: use that one.
      pem = await readKeyFile(file);
    }
  }
  if (pem === undefined) throw new IsmsError(`The package signing key ${file} disappeared while it was being created`, "Run the command again");
  const privateKey = parsePrivateKey(pem, file);
  const publicKeyPem = createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString();
  return { privateKey, publicKeyPem, fingerprint: publicKeyFingerprint(publicKeyPem), created };
}

/**
 * The folder that keeps the signing key. ISMS_KEY_DIR wins when set; otherwise the embedded database
 * keeps it beside itself in `<data dir>/keys`. PostgreSQL and in-memory stores have no folder of
 * their own, so ISMS_KEY_DIR must name one (the same for every process, so packages share one key).
 */
export function resolveKeyDir(store: Pick<Store, "kind" | "location">, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.ISMS_KEY_DIR;
  if (configured) return resolve(configured);
  if (store.kind === "pglite" && store.location !== "memory") return join(store.location, "keys");
  const where = store.kind === "postgres" ? "With PostgreSQL" : "With an in-memory database";
  throw new IsmsError(
    `${where} the package signing key has no folder of its own`,
    "Set ISMS_KEY_DIR to a private folder that keeps the key across runs (it is created there on first use)",
  );
}

/** The Ed25519 signature of a manifest's exact bytes, base64. */
export function signManifest(bytes: Buffer, key: Pick<SigningKey, "privateKey">): string {
  return sign(null, bytes, key.privateKey).toString("base64");
}

/**
 * Whether `signatureBase64` is the signature of `bytes` by the key in `publicKeyPem`. A signature
 * that is not base64 of 64 bytes is simply not valid; a key that is not an Ed25519 public key is an
 * IsmsError (see parsePublicKey).
 */
export function verifyManifestSignature(bytes: Buffer, signatureBase64: string, publicKeyPem: string): boolean {
  const publicKey = parsePublicKey(publicKeyPem, "the public key");
  const text = signatureBase64.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return false;
  const signature = Buffer.from(text, "base64");
  if (signature.length !== 64) return false;
  return verify(null, bytes, publicKey, signature);
}

/** SHA-256 of the public key's SPKI DER bytes, hex: what a person compares to trust a key. */
export function publicKeyFingerprint(publicKeyPem: string): string {
  const der = parsePublicKey(publicKeyPem, "the public key").export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex");
}

/** An Ed25519 public key from PEM; `where` names its origin in the error ("keys/auditor.pem"). */
export function parsePublicKey(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new IsmsError(`${where} is not a public key in PEM format`, 'Give the "-----BEGIN PUBLIC KEY-----" file printed when the package was made');
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new IsmsError(`${where} is a ${key.asymmetricKeyType ?? "unknown"} key, not an Ed25519 key`, "Give the Ed25519 public key the package was signed with");
  }
  return key;
}

function parsePrivateKey(pem: string, file: string): KeyObject {
  const moveAway = `Move ${file} away (keep it if packages were signed with it) and run the command again to create a new key`;
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new IsmsError(`The package signing key ${file} is not a private key in PEM format`, moveAway);
  }
  if (key.asymmetricKeyType !== "ed25519") {
    throw new IsmsError(`The package signing key ${file} is a ${key.asymmetricKeyType ?? "unknown"} key, not an Ed25519 key`, moveAway);
  }
  return key;
}

async function readKeyFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if (hasCode(error, "ENOENT")) return undefined;
    throw error;
  }
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}
