import { describe, expect, it } from "vitest";
import { canonicalJson, toJsonValue } from "./content.js";
import { isSecretKey, redactedMarker, redactSecrets } from "./redact.js";
import { assumeRoleOutput, createAccessKeyOutput, envPassword, getSecretValueOutput, mixedOutput, rdsPassword, secretAccessKey, secretString, sessionToken } from "./test-fixtures.js";

const secrets = [secretAccessKey, sessionToken, secretString, "correct-horse-battery-staple", rdsPassword, envPassword, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).toString("base64")];

function redactedText(output: unknown): string {
  return canonicalJson(redactSecrets(toJsonValue(output)).value);
}

describe("redactSecrets", () => {
  it("removes the secret key and session token from AssumeRole but keeps the key id and expiry", () => {
    const { value, paths } = redactSecrets(toJsonValue(assumeRoleOutput()));
    expect(paths.sort()).toEqual(["Credentials.SecretAccessKey", "Credentials.SessionToken"]);
    expect(value).toMatchObject({
      Credentials: { AccessKeyId: "ASIAIOSFODNN7EXAMPLE", SecretAccessKey: redactedMarker, SessionToken: redactedMarker, Expiration: "2026-11-27T15:00:00.000Z" },
      AssumedRoleUser: { Arn: "arn:aws:sts::111122223333:assumed-role/IsmsReadOnly/isms-collector" },
    });
  });

  it("removes the secret string and binary from GetSecretValue but keeps the secret's name and versions", () => {
    const { value, paths } = redactSecrets(toJsonValue(getSecretValueOutput()));
    expect(paths.sort()).toEqual(["SecretBinary", "SecretString"]);
    expect(value).toMatchObject({ Name: "prod/db", VersionStages: ["AWSCURRENT"], SecretString: redactedMarker });
  });

  it("removes the new secret access key from CreateAccessKey", () => {
    const { value, paths } = redactSecrets(toJsonValue(createAccessKeyOutput()));
    expect(paths).toEqual(["AccessKey.SecretAccessKey"]);
    expect(value).toMatchObject({ AccessKey: { UserName: "ci-deployer", AccessKeyId: "AKIAIOSFODNN7EXAMPLE", Status: "Active" } });
  });

  it("finds passwords in RDS, in name/value environments and a secret key beside its key id under any name", () => {
    const { value, paths } = redactSecrets(toJsonValue(mixedOutput()));
    expect(paths.sort()).toEqual(["DBInstances[0].MasterUserPassword", "containerDefinitions[0].environment[0].value", "legacy.blob"]);
    expect(value).toMatchObject({
      DBInstances: [{ ManageMasterUserPassword: false, StorageEncrypted: true }],
      containerDefinitions: [{ environment: [{ name: "DB_PASSWORD", value: redactedMarker }, { name: "LOG_LEVEL", value: "info" }] }],
      NextToken: "page-2",
    });
  });

  it("leaves no secret of any fixture in the serialized evidence", () => {
    const text = [assumeRoleOutput(), getSecretValueOutput(), createAccessKeyOutput(), mixedOutput()].map(redactedText).join("\n");
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it("replaces a credentials body given as a string, whatever the key's case", () => {
    const { value, paths } = redactSecrets({ CREDENTIALS: "[default]\naws_access_key_id=AKIA…", password: "x", Token: "t" });
    expect(value).toEqual({ CREDENTIALS: redactedMarker, password: redactedMarker, Token: redactedMarker });
    expect(paths).toHaveLength(3);
  });

  it("does not change its input", () => {
    const input = toJsonValue(createAccessKeyOutput());
    const before = canonicalJson(input);
    redactSecrets(input);
    expect(canonicalJson(input)).toBe(before);
  });

  it("treats paging and idempotency tokens and password policies as not secret", () => {
    for (const key of ["NextToken", "ClientRequestToken", "PasswordPolicy", "PasswordLastUsed", "MinimumPasswordLength", "SecretId", "SecretList"]) expect(isSecretKey(key), key).toBe(false);
    for (const key of ["SessionToken", "MasterUserPassword", "db_password", "PrivateKey", "client_secret", "apiKey"]) expect(isSecretKey(key), key).toBe(true);
  });
});
