// Keeps secret values out of evidence: walks a JSON value and replaces what sits under secret-holding
// keys (and strings shaped like AWS secret keys beside an access key id) with "[REDACTED]".
import type { JsonValue } from "../store/schema/json.js";

export const redactedMarker = "[REDACTED]";

export interface Redaction {
  value: JsonValue;
  /** Where values were replaced, as "Credentials.SecretAccessKey" or "Parameters[2].Value". */
  paths: string[];
}

/** Key names (lower case, letters and digits only) whose whole value is a secret. */
const secretKeys = new Set(["secret", "token", "credentials", "credential", "apikey", "passphrase", "privatekey", "connectionstring"]);
/** Endings of key names whose value is a secret: MasterUserPassword, DB_PASSWORD, SessionToken, ... */
const secretKeyEndings = ["password", "passwd", "passphrase", "secretaccesskey", "secretkey", "sessiontoken", "privatekey", "secretstring", "secretbinary", "clientsecret", "apikey", "token"];
/** Names ending in "token" that are paging or idempotency handles, not secrets. */
const notSecretTokens = new Set(["nexttoken", "paginationtoken", "continuationtoken", "nextcontinuationtoken", "starttoken", "clienttoken", "clientrequesttoken", "idempotencytoken"]);

const awsAccessKeyId = /^(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{16}$/;
const awsSecretKeyShape = /^[A-Za-z0-9/+]{40}$/;

function normalize(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Whether a key (or the name in a {Name, Value} pair) holds a secret value. */
export function isSecretKey(key: string): boolean {
  const name = normalize(key);
  if (notSecretTokens.has(name)) return false;
  return secretKeys.has(name) || secretKeyEndings.some((ending) => name.endsWith(ending));
}

/** Booleans, numbers and null are settings about a secret (ManageMasterUserPassword: true), not one. */
function canHoldSecret(value: JsonValue): boolean {
  return typeof value === "string" || (value !== null && typeof value === "object");
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** An object carrying an AWS access key id, whose other 40-character strings are its secret key. */
function hasAccessKeyId(object: { [key: string]: JsonValue }): boolean {
  return Object.entries(object).some(([key, value]) => normalize(key).endsWith("accesskeyid") || (typeof value === "string" && awsAccessKeyId.test(value)));
}

/** The name of a {Name|Key|ParameterKey, Value|ParameterValue} pair (ECS environment, CloudFormation, tags). */
function pairName(object: { [key: string]: JsonValue }): string | undefined {
  for (const [key, value] of Object.entries(object)) {
    if (["name", "key", "parameterkey"].includes(normalize(key)) && typeof value === "string") return value;
  }
  return undefined;
}

function isPairValueKey(key: string): boolean {
  return ["value", "parametervalue"].includes(normalize(key));
}

/** The value with every secret replaced by "[REDACTED]", and the paths replaced. Does not change its input. */
export function redactSecrets(value: JsonValue): Redaction {
  const paths: string[] = [];

  function walk(node: JsonValue, path: string): JsonValue {
    if (Array.isArray(node)) return node.map((item, index) => walk(item, `${path}[${index}]`));
    if (!isObject(node)) return node;
    const withKeyId = hasAccessKeyId(node);
    const name = pairName(node);
    const secretPair = name !== undefined && isSecretKey(name);
    const result: { [key: string]: JsonValue } = {};
    for (const [key, child] of Object.entries(node)) {
      const childPath = path ? `${path}.${key}` : key;
      const credentialBody = ["credentials", "credential"].includes(normalize(key)) && typeof child !== "string";
      const secret =
        canHoldSecret(child) &&
        ((isSecretKey(key) && !credentialBody) ||
          (secretPair && isPairValueKey(key)) ||
          (withKeyId && typeof child === "string" && awsSecretKeyShape.test(child)));
      if (secret) {
        paths.push(childPath);
        result[key] = redactedMarker;
      } else {
        // A Credentials object is walked: its AccessKeyId and Expiration stay, its secrets go.
        result[key] = walk(child, childPath);
      }
    }
    return result;
  }

  return { value: walk(value, ""), paths };
}
