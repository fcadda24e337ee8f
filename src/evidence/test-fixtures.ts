// AWS API results that carry secrets, shaped as the SDK returns them, for the redaction tests.

export const secretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
export const sessionToken = "IQoJb3JpZ2luX2VjEXAMPLEtokenFwoGZXIvYXdzEBYaDHkdk2Jz+EXAMPLE+SESSION";
export const secretString = '{"username":"app","password":"correct-horse-battery-staple"}';
export const rdsPassword = "Sup3r-S3cret-Master!";
export const envPassword = "env-db-password-9f2c";

/** STS AssumeRole. */
export function assumeRoleOutput() {
  return {
    $metadata: { httpStatusCode: 200, requestId: "c6104cbe-af31-11e0-8154-cbc7ccf896c7" },
    Credentials: { AccessKeyId: "ASIAIOSFODNN7EXAMPLE", SecretAccessKey: secretAccessKey, SessionToken: sessionToken, Expiration: new Date("2026-11-27T15:00:00Z") },
    AssumedRoleUser: { AssumedRoleId: "AROA3XFRBF535PLBIFPI4:isms-collector", Arn: "arn:aws:sts::111122223333:assumed-role/IsmsReadOnly/isms-collector" },
    PackedPolicySize: 6,
  };
}

/** Secrets Manager GetSecretValue, with a binary secret too. */
export function getSecretValueOutput() {
  return {
    ARN: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:prod/db-AbCdEf",
    Name: "prod/db",
    VersionId: "EXAMPLE1-90ab-cdef-fedc-ba987SECRET1",
    SecretString: secretString,
    SecretBinary: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]),
    VersionStages: ["AWSCURRENT"],
    CreatedDate: new Date("2026-01-02T03:04:05Z"),
  };
}

/** IAM CreateAccessKey. */
export function createAccessKeyOutput() {
  return {
    AccessKey: { UserName: "ci-deployer", AccessKeyId: "AKIAIOSFODNN7EXAMPLE", Status: "Active", SecretAccessKey: secretAccessKey, CreateDate: new Date("2026-11-27T14:00:00Z") },
  };
}

/** Secrets in less obvious places: an RDS instance, an ECS container's environment, a paged result. */
export function mixedOutput() {
  return {
    DBInstances: [{ DBInstanceIdentifier: "prod", MasterUsername: "admin", MasterUserPassword: rdsPassword, ManageMasterUserPassword: false, StorageEncrypted: true }],
    containerDefinitions: [{ name: "api", environment: [{ name: "DB_PASSWORD", value: envPassword }, { name: "LOG_LEVEL", value: "info" }] }],
    // A key pair pasted under an unhelpful name, beside its access key id.
    legacy: { id: "AKIAIOSFODNN7EXAMPLE", blob: secretAccessKey },
    NextToken: "page-2",
  };
}
