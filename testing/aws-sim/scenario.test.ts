import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readScenarioFile } from "./scenario.js";

async function scenarioFile(text: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), "aws-sim-")), "bad.yaml");
  await writeFile(file, text);
  return file;
}

const base = `
organization: { id: o-abcdef1234, managementAccount: "111111111111", root: r-ab12 }
identities: [{ accessKeyId: AKIAADMIN000000001, secretAccessKey: s, account: "111111111111", principal: "arn:aws:iam::111111111111:user/admin" }]
`;

describe("scenario files", () => {
  it("a bad field is named with the file and its path", async () => {
    const file = await scenarioFile(`${base}accounts: [{ id: "1234", name: m, email: aws@example.com, parent: r-ab12 }]\n`);
    await expect(readScenarioFile(file)).rejects.toThrow(`${file}: accounts[0].id: an account id is 12 digits`);
  });

  it("a service's state is checked against the schema that service registered", async () => {
    const state = `state: { global: { iam: { users: [{ name: alice }] } }, regions: { eu-west-1: { kmss: {} } } }`;
    const file = await scenarioFile(`${base}accounts: [{ id: "111111111111", name: m, email: aws@example.com, parent: r-ab12, ${state} }]\n`);
    const error = readScenarioFile(file);
    await expect(error).rejects.toThrow(/accounts\[0\]\.state\.global\.iam\.users\[0\]\.created/);
    await expect(readScenarioFile(file)).rejects.toThrow(/accounts\[0\]\.state\.regions\.eu-west-1\.kmss: no simulated service keeps regional state named "kmss"/);
  });

  it("references to unknown OUs and accounts are named", async () => {
    const file = await scenarioFile(`${base}accounts: [{ id: "111111111111", name: m, email: aws@example.com, parent: ou-nowhere }]\n`);
    await expect(readScenarioFile(file)).rejects.toThrow(`${file}: accounts[0].parent: "ou-nowhere" is neither the root nor an OU id`);
  });
});
