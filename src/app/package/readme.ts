// README.txt of a package: what it holds, for which audit and period, and how to check it has not
// changed since it was signed.
import type { PackageIndexModel } from "../../reports/package/types.js";

export function packageReadme(model: PackageIndexModel, missingDocuments: readonly string[]): string {
  const { header } = model;
  const inScope = model.controls.filter((c) => c.inScope).length;
  const lines = [
    `Evidence package of ${header.workspace.company} (${header.workspace.name})`,
    `${model.auditLabel}, period ${header.period.start} to ${header.period.end}`,
    `Data as of ${header.generatedAt}, built by ${header.generator.name} ${header.generator.version}`,
    "",
    "Open index.html in a browser: the Statement of Applicability with every control, linked to the",
    "documents and, for the controls in scope, a one-page summary and the evidence of the period.",
    "",
    "What it holds:",
    `- documents/: ${model.documents.length} documents (the SoA as XLSX and PDF, the mandatory documents, the topic policies)`,
    `- controls/: ${inScope} controls in scope, each with summary.html and, where checks ran, check-results.csv`,
    "- evidence/: raw AWS API snapshots (JSON), check results and attached files, each content once",
    "- manifest.json: every file with its SHA-256, size, source, collection time and period",
    "- manifest.json.sig: the Ed25519 signature of manifest.json; signing-key.pub.pem: the public key",
    "",
    "To check it: isms package verify <this zip or folder> --key <public key you received separately>",
    `Key fingerprint (SHA-256 of the public key): ${model.keyFingerprint}`,
    "Without --key, verify checks the files against the manifest and the manifest against the key inside",
    "the package: that shows nothing changed by accident, not who signed it.",
  ];
  if (missingDocuments.length > 0) lines.push("", "Required documents that do not exist yet:", ...missingDocuments.map((m) => `- ${m}`));
  return `${lines.join("\n")}\n`;
}
