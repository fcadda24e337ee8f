// Account passwords (A.5.17 authentication information): scrypt, memory-hard, stored as a string that
// names its own parameters so they can rise later; new passwords refused when short or easily guessed.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { IsmsError, InvalidInputError } from "../errors.js";

export interface ScryptParameters {
  /** CPU and memory cost, a power of two: 2^15 takes 32 MiB and about 0.1 s. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
}

/** OWASP's floor for scrypt (2^17 with r=8, p=1 is its first choice; 2^15 keeps a login near 0.1 s on a small server). */
export const defaultScryptParameters: ScryptParameters = { N: 2 ** 15, r: 8, p: 1 };

const saltBytes = 16;
const hashBytes = 32;
export const minimumPasswordLength = 12;
/** Long enough for any passphrase, short enough that hashing it stays cheap. */
export const maximumPasswordLength = 256;

/** "scrypt$32768$8$1$<salt>$<hash>", salt and hash in base64url. */
export async function hashPassword(password: string, parameters: ScryptParameters = defaultScryptParameters): Promise<string> {
  if (parameters.N < defaultScryptParameters.N || parameters.r < 8 || parameters.p < 1) {
    throw new IsmsError(`scrypt parameters N=${parameters.N}, r=${parameters.r}, p=${parameters.p} are weaker than N=2^15, r=8, p=1`, "Raise them; never lower them");
  }
  const salt = randomBytes(saltBytes);
  const hash = await derive(password, salt, parameters, hashBytes);
  return ["scrypt", parameters.N, parameters.r, parameters.p, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

/** Whether `password` is the one `stored` was made from; the comparison takes the same time whatever differs. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const { parameters, salt, hash } = parseStoredPassword(stored);
  if ([...password].length > maximumPasswordLength) return false;
  const candidate = await derive(password, salt, parameters, hash.length);
  return timingSafeEqual(candidate, hash);
}

/** Whether a stored hash was made with weaker parameters than `wanted`: rehash the password at the next login. */
export function needsRehash(stored: string, wanted: ScryptParameters = defaultScryptParameters): boolean {
  const { parameters, hash } = parseStoredPassword(stored);
  return parameters.N < wanted.N || parameters.r < wanted.r || parameters.p < wanted.p || hash.length < hashBytes;
}

/** Refuses a new password that is too short, too long or easily guessed (NIST SP 800-63B 3.1.1.2), then hashes it. */
export async function hashNewPassword(password: string, context: PasswordContext = {}): Promise<string> {
  const weakness = passwordWeakness(password, context);
  if (weakness) throw new InvalidInputError("password", [{ path: "", message: weakness }]);
  return hashPassword(password);
}

/** Words an attacker tries first for this account: its email, its name, the workspace. */
export interface PasswordContext {
  email?: string;
  name?: string;
  workspace?: string;
}

// The most used passwords of public breach lists that are 12 characters or longer, and keyboard runs.
const commonPasswords = new Set([
  "123456789012", "1234567890123", "12345678901234", "password1234", "password12345", "passwordpassword",
  "qwertyuiopas", "qwertyuiop123", "1qaz2wsx3edc", "1q2w3e4r5t6y", "qwerty123456", "iloveyou1234",
  "abc123456789", "aaaaaaaaaaaa", "letmeinplease", "welcome12345", "administrator", "changemenow1",
]);

/** Why a new password would be refused, in words that say what to do; undefined when it is acceptable. */
export function passwordWeakness(password: string, context: PasswordContext = {}): string | undefined {
  const length = [...password].length;
  const advice = "a passphrase of four or more unrelated words is long and easy to remember";
  if (length < minimumPasswordLength) return `use at least ${minimumPasswordLength} characters (this one has ${length}); ${advice}`;
  if (length > maximumPasswordLength) return `use at most ${maximumPasswordLength} characters (this one has ${length})`;
  const folded = password.normalize("NFKC").toLowerCase();
  if (new Set(folded).size <= 2) return `it repeats one or two characters; ${advice}`;
  if (commonPasswords.has(folded) || isRun(folded)) return `it is among the passwords attackers try first; ${advice}`;
  const known: [string, string | undefined][] = [["email", context.email], ["name", context.name], ["workspace", context.workspace]];
  for (const [what, value] of known) {
    const words = (value ?? "").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
    const found = words.find((w) => folded.includes(w));
    if (found) return `it contains "${found}" from your ${what}, which an attacker would try first; ${advice}`;
  }
  return undefined;
}

/** "abcdefghijkl", "987654321098": each character one after (or before) the last. */
function isRun(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0) ?? 0);
  const steps = new Set(codes.slice(1).map((code, i) => code - (codes[i] ?? 0)));
  return steps.size === 1 && (steps.has(1) || steps.has(-1));
}

function parseStoredPassword(stored: string): { parameters: ScryptParameters; salt: Buffer; hash: Buffer } {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split("$");
  const parameters = { N: Number(n), r: Number(r), p: Number(p) };
  const sane =
    scheme === "scrypt" &&
    rest.length === 0 &&
    [parameters.N, parameters.r, parameters.p].every(Number.isSafeInteger) &&
    parameters.N >= 2 && parameters.N <= 2 ** 22 && (parameters.N & (parameters.N - 1)) === 0 &&
    parameters.r >= 1 && parameters.r <= 64 && parameters.p >= 1 && parameters.p <= 16 &&
    /^[\w-]{16,}$/.test(salt ?? "") && /^[\w-]{22,}$/.test(hash ?? "");
  if (!sane) throw new IsmsError("A stored password hash is not in the form scrypt$N$r$p$salt$hash", "Set a new password for the account (an administrator can send a setup link)");
  return { parameters, salt: Buffer.from(salt ?? "", "base64url"), hash: Buffer.from(hash ?? "", "base64url") };
}

function derive(password: string, salt: Buffer, parameters: ScryptParameters, length: number): Promise<Buffer> {
  // Twice what scrypt needs (128·N·r·p bytes): Node refuses at about the exact amount.
  const options: ScryptOptions = { ...parameters, maxmem: 2 * 128 * parameters.N * parameters.r * parameters.p + 1024 * 1024 };
  // NFKC: the same passphrase typed on another keyboard or system gives the same bytes.
  const input = Buffer.from(password.normalize("NFKC"), "utf8");
  return new Promise((resolve, reject) => scrypt(input, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));
}
