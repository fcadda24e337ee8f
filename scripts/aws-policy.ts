// `npm run aws:policy`: writes deploy/aws/*.json (the collector's IAM policies and the member-role
// StackSet template) from the operations the collectors in src/aws/collectors/ define.
import { mkdir, writeFile } from "node:fs/promises";
import { collectorOperations, policyFiles } from "../src/aws/permissions.js";

const dir = new URL("../deploy/aws/", import.meta.url);
const operations = await collectorOperations();
await mkdir(dir, { recursive: true });
for (const [name, text] of Object.entries(policyFiles(operations))) {
  await writeFile(new URL(name, dir), text);
  console.log(`wrote deploy/aws/${name}`);
}
console.log(`${operations.length} operations`);
