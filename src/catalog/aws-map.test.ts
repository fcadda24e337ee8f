import { describe, expect, it } from "vitest";
import { annexAControls, controlsByTheme, isControlId } from "./annex-a.js";
import { awsControlMap, awsMappingForControl, awsServices, controlsForAwsService } from "./aws-map.js";
import { CatalogLookupError } from "./errors.js";

const servicesOf = (controlId: string) => awsMappingForControl(controlId).services.map((s) => s.service);
const evidenceOf = (controlId: string) =>
  awsMappingForControl(controlId).services.flatMap((s) => s.evidence).join("; ");

describe("the AWS map", () => {
  it("has exactly one entry for each of the 93 controls, in the standard's order", () => {
    expect(awsControlMap.map((m) => m.control)).toEqual(annexAControls.map((c) => c.id));
    for (const mapping of awsControlMap) expect(isControlId(mapping.control)).toBe(true);
  });

  it("covers every technological control with AWS evidence, fully or in part, and at least one service", () => {
    for (const control of controlsByTheme("technological")) {
      const mapping = awsMappingForControl(control.id);
      expect(["aws-evidence", "partial"], control.id).toContain(mapping.coverage);
      expect(mapping.services.length, control.id).toBeGreaterThan(0);
    }
  });

  it("says in a note where the evidence comes from whenever AWS does not produce it", () => {
    for (const mapping of awsControlMap.filter((m) => m.coverage === "none" || m.coverage === "inherited")) {
      expect(mapping.note?.trim().length ?? 0, mapping.control).toBeGreaterThan(20);
    }
  });

  it("names no services for a control AWS cannot evidence, and AWS Artifact for every inherited one", () => {
    for (const mapping of awsControlMap) {
      if (mapping.coverage === "none") expect(mapping.services, mapping.control).toEqual([]);
      if (mapping.coverage === "inherited") {
        expect(servicesOf(mapping.control), mapping.control).toContain("AWS Artifact");
      }
    }
  });

  it("gives every service at least one kind of evidence and a reason", () => {
    for (const mapping of awsControlMap) {
      for (const service of mapping.services) {
        expect(service.evidence.length, `${mapping.control} ${service.service}`).toBeGreaterThan(0);
        expect(service.reason.trim().length, `${mapping.control} ${service.service}`).toBeGreaterThan(10);
      }
    }
  });

  it("treats the people controls as HR evidence, except remote working which reaches into AWS", () => {
    for (const control of controlsByTheme("people")) {
      expect(awsMappingForControl(control.id).coverage, control.id).toBe(control.id === "6.7" ? "partial" : "none");
    }
    expect(servicesOf("6.7")).toEqual(expect.arrayContaining(["AWS IAM Identity Center", "AWS Verified Access"]));
  });

  it("inherits the data-centre physical controls from AWS and leaves office ones to the organization", () => {
    for (const id of ["7.1", "7.2", "7.4", "7.6", "7.8", "7.11", "7.12"]) {
      expect(awsMappingForControl(id).coverage, id).toBe("inherited");
    }
    for (const id of ["7.5", "7.7", "7.9", "7.10", "7.14"]) {
      expect(["partial", "none"], id).toContain(awsMappingForControl(id).coverage);
    }
  });

  it.each([
    ["5.7", "Amazon GuardDuty"],
    ["5.7", "AWS Security Hub"],
    ["5.15", "AWS IAM"],
    ["5.15", "AWS IAM Identity Center"],
    ["5.16", "AWS IAM Identity Center"],
    ["5.17", "AWS IAM"],
    ["5.18", "AWS IAM Identity Center"],
    ["5.23", "AWS Artifact"],
    ["5.30", "AWS Backup"],
    ["5.36", "AWS Config"],
    ["5.36", "AWS Security Hub"],
    ["8.2", "AWS IAM Identity Center"],
    ["8.2", "AWS IAM Access Analyzer"],
    ["8.3", "AWS IAM"],
    ["8.3", "Amazon Verified Permissions"],
    ["8.5", "AWS IAM Identity Center"],
    ["8.7", "Amazon Inspector"],
    ["8.7", "Amazon GuardDuty"],
    ["8.8", "Amazon Inspector"],
    ["8.8", "AWS Systems Manager"],
    ["8.9", "AWS Config"],
    ["8.9", "AWS CloudFormation"],
    ["8.9", "AWS Security Hub"],
    ["8.10", "Amazon S3"],
    ["8.10", "AWS KMS"],
    ["8.11", "Amazon Macie"],
    ["8.12", "Amazon Macie"],
    ["8.12", "Amazon S3"],
    ["8.12", "Amazon VPC"],
    ["8.13", "AWS Backup"],
    ["8.14", "AWS Backup"],
    ["8.14", "Amazon S3"],
    ["8.14", "Amazon Route 53"],
    ["8.15", "AWS CloudTrail"],
    ["8.15", "Amazon CloudWatch Logs"],
    ["8.15", "Amazon VPC"],
    ["8.16", "Amazon GuardDuty"],
    ["8.16", "AWS Security Hub"],
    ["8.16", "Amazon CloudWatch"],
    ["8.16", "Amazon EventBridge"],
    ["8.16", "AWS CloudTrail"],
    ["8.17", "Amazon Time Sync Service"],
    ["8.20", "Amazon VPC"],
    ["8.21", "AWS Network Firewall"],
    ["8.21", "AWS Shield"],
    ["8.22", "AWS Organizations"],
    ["8.23", "Amazon Route 53 Resolver DNS Firewall"],
    ["8.24", "AWS KMS"],
    ["8.24", "AWS Certificate Manager"],
    ["8.24", "AWS Secrets Manager"],
    ["8.28", "Amazon CodeGuru Reviewer"],
    ["8.31", "AWS Organizations"],
    ["8.32", "AWS CodePipeline"],
  ])("lists %s as evidenced by %s", (control, service) => {
    expect(servicesOf(control)).toContain(service);
  });

  it("names the evidence the implementation guide expects for cloud services, DR readiness and backup", () => {
    expect(evidenceOf("5.23")).toMatch(/responsibility matrix/);
    expect(evidenceOf("5.23")).toMatch(/BAA/);
    expect(evidenceOf("5.30")).toMatch(/restore test/);
    expect(evidenceOf("5.36")).toMatch(/conformance pack/);
    expect(evidenceOf("8.13")).toMatch(/cross-region/);
    expect(evidenceOf("8.15")).toMatch(/organization trail/);
    expect(evidenceOf("8.24")).toMatch(/rotation/);
  });
});

describe("looking up the AWS map", () => {
  it("finds a control's entry by any form of its id", () => {
    expect(awsMappingForControl("A.8.24")).toBe(awsMappingForControl("8.24"));
  });

  it("throws a CatalogLookupError for a control that does not exist", () => {
    expect(() => awsMappingForControl("8.35")).toThrow(CatalogLookupError);
  });

  it("lists each AWS service once, sorted by name", () => {
    expect(new Set(awsServices).size).toBe(awsServices.length);
    expect([...awsServices].sort((a, b) => a.localeCompare(b))).toEqual(awsServices);
    expect(awsServices).toContain("AWS CloudTrail");
  });

  it("finds the controls a service evidences, by its name with or without the AWS prefix", () => {
    const uses = controlsForAwsService("cloudtrail");
    expect(uses.map((u) => u.control)).toEqual(expect.arrayContaining(["8.15", "8.16"]));
    expect(uses.every((u) => u.service === "AWS CloudTrail")).toBe(true);
    expect(controlsForAwsService("AWS CloudTrail")).toEqual(uses);
  });

  it("tells every listed service apart from the others when looking it up", () => {
    for (const service of awsServices) {
      const uses = controlsForAwsService(service);
      expect(uses.length, service).toBeGreaterThan(0);
      expect(uses.every((u) => u.service === service), service).toBe(true);
    }
  });

  it("throws a CatalogLookupError for a service the map does not name", () => {
    expect(() => controlsForAwsService("Amazon Lightsail")).toThrow(CatalogLookupError);
  });
});
