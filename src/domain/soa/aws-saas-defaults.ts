// The aws-saas template's first draft of the SoA: a decision, reasons and a one-line justification
// for each of the 93 controls, for a B2B SaaS whose product runs on AWS and whose staff share an office.
import { annexAControls } from "../../catalog/annex-a.js";
import type { ImplementationStatus, SoaApplicability, SoaReason } from "./entry.js";

/** Who in the template usually owns a control; the template's people fill these roles. */
export type DefaultOwnerRole = "management" | "security" | "engineering" | "platform" | "people";

export interface SoaDefault {
  controlId: string;
  applicability: SoaApplicability;
  reasons: SoaReason[];
  justification: string;
  /** Null: not yet assessed. The template knows nothing about what the company has in place. */
  implementationStatus: ImplementationStatus | null;
  ownerRole: DefaultOwnerRole | null;
}

const awsAttestation =
  "relied on through AWS's ISO/IEC 27001 certificate and SOC 2 Type II report, downloaded from AWS Artifact (shared responsibility model).";

type Row = [id: string, reasons: string, owner: DefaultOwnerRole, justification: string];

// Reasons: "business", "best_practice", "legal", "contractual", with a reference after a colon.
const applicableRows: Row[] = [
  ["5.1", "business", "security", "Management sets the direction for security in an approved policy and topic-specific policies that customers and auditors ask to see."],
  ["5.2", "best_practice", "security", "Security duties, the ISMS owner's first, are named so that nothing depends on goodwill."],
  ["5.3", "business", "engineering", "Deploying to production, approving changes and administering AWS must not rest with one person alone."],
  ["5.4", "best_practice", "management", "Managers make their teams follow the policies and keep security in onboarding and reviews."],
  ["5.5", "legal:GDPR Art. 33", "security", "Personal data breaches must reach the supervisory authority within 72 hours, so the contacts are kept ready."],
  ["5.6", "best_practice", "security", "AWS security bulletins, vendor advisories and peer groups warn us early of threats to our stack."],
  ["5.7", "best_practice", "security", "Threat information about our stack, GuardDuty findings included, is reviewed and acted on."],
  ["5.8", "business", "engineering", "New features and projects are assessed for security before they reach customers."],
  ["5.9", "best_practice", "security", "AWS accounts, repositories, laptops and SaaS tools can only be protected once they are known and owned."],
  ["5.10", "business", "security", "Staff handle customer data and company devices and need clear rules for using them."],
  ["5.11", "business", "people", "Leavers hand back laptops and lose access to customer data on their last day."],
  ["5.12", "contractual:customer data processing agreements", "security", "Customer data must be told apart from other information to get the protection customers are promised."],
  ["5.13", "best_practice", "security", "Documents and data stores carry their classification so that people know how to handle them."],
  ["5.14", "contractual", "security", "Customer data leaves our systems only through approved, encrypted channels agreed with the customer."],
  ["5.15", "business", "engineering", "Access to the platform and to customer data follows least privilege and need to know."],
  ["5.16", "business", "platform", "Every person and workload has its own identity in the identity provider and IAM; no shared accounts."],
  ["5.17", "business", "platform", "Passwords, keys and MFA devices are issued, rotated and revoked under set rules."],
  ["5.18", "business", "engineering", "Access is granted on approved request, reviewed every quarter and removed when people leave."],
  ["5.19", "contractual", "security", "AWS and our SaaS sub-processors handle customer data, so their security is assessed before and during use."],
  ["5.20", "legal:GDPR Art. 28", "security", "Sub-processors of personal data must sign data processing terms with security obligations."],
  ["5.21", "best_practice", "engineering", "Open-source packages, container images and build tools can carry a compromise into the product."],
  ["5.22", "contractual", "security", "Sub-processors' SOC 2 and ISO reports are reviewed every year, as customer contracts expect."],
  ["5.23", "business", "platform", "The platform runs entirely on AWS: the shared responsibility split and an exit plan must be managed."],
  ["5.24", "contractual:customer breach notification terms", "security", "Customer contracts require prompt notice of incidents, which needs a prepared plan and named roles."],
  ["5.25", "best_practice", "security", "Alerts and reports are triaged to decide which events are incidents."],
  ["5.26", "contractual", "security", "Incidents are contained, resolved and communicated to affected customers as agreed."],
  ["5.27", "best_practice", "security", "Post-incident reviews turn each incident into corrective actions."],
  ["5.28", "legal", "security", "Logs and records may be needed by a court or a regulator, so they are preserved with their integrity."],
  ["5.29", "business", "engineering", "Security controls must keep working while the company runs on its continuity plan."],
  ["5.30", "contractual:customer service levels", "platform", "Customers rely on the platform's availability commitments, so recovery is planned and tested."],
  ["5.31", "legal:GDPR and customer contracts", "security", "The laws, regulations and contract terms that apply to the platform and customer data are tracked."],
  ["5.32", "legal", "engineering", "Software licences, open-source terms and customers' intellectual property are respected."],
  ["5.33", "legal", "security", "Business and security records are kept for their required periods, safe from loss and tampering."],
  ["5.34", "legal:GDPR", "security", "We process personal data of our customers' users as a processor and must meet the GDPR."],
  ["5.35", "best_practice", "management", "The ISMS is reviewed by someone independent: internal audit and external assessors."],
  ["5.36", "best_practice", "security", "Managers and automated checks confirm that the policies are followed in practice."],
  ["5.37", "best_practice", "platform", "Runbooks for deployment, backup, recovery and access let whoever is on call operate safely."],
  ["6.1", "business", "people", "People with access to customer data are background-checked as far as local law allows."],
  ["6.2", "legal", "people", "Employment contracts and contractor terms state security and confidentiality duties."],
  ["6.3", "best_practice", "people", "Everyone in scope is trained on joining and every year, and engineers on secure development."],
  ["6.4", "best_practice", "people", "A known and fair process for policy violations deters misuse of access."],
  ["6.5", "contractual", "people", "Confidentiality duties outlast employment, and leavers are reminded of them."],
  ["6.6", "contractual", "people", "Customers require everyone with access to their data to be bound by confidentiality."],
  ["6.7", "business", "security", "Staff work from home and on the move, on company laptops that reach production."],
  ["6.8", "best_practice", "security", "Anyone who notices something suspicious has a simple, known way to report it."],
  ["7.1", "business", "security", "The office where staff and laptops sit needs a defined perimeter; data-centre perimeters are AWS's (AWS Artifact)."],
  ["7.2", "business", "security", "Office entry is by badge and visitors are signed in; data-centre entry is AWS's (AWS Artifact)."],
  ["7.3", "business", "security", "Office rooms holding equipment or used for customer matters are locked outside working hours."],
  ["7.5", "business", "security", "Fire, flood and power loss at the office could harm staff and equipment; the data-centre part is AWS's (AWS Artifact)."],
  ["7.7", "best_practice", "security", "Screens lock and desks are cleared, since staff work in the office and in public places."],
  ["7.9", "business", "security", "Laptops with access to production leave the office every day, so they are encrypted and can be wiped remotely."],
  ["7.10", "business", "security", "Laptop disks are encrypted and removable media is controlled; media in the data centres is AWS's (AWS Artifact)."],
  ["7.14", "business", "security", "Laptops and office equipment are wiped or destroyed before reuse or disposal; AWS destroys its own media (AWS Artifact)."],
  ["8.1", "business", "security", "Laptops reach production and customer data, so they are managed, encrypted and patched centrally."],
  ["8.2", "business", "platform", "Administrator access to AWS and the identity provider is limited, approved, time-bound and logged."],
  ["8.3", "contractual", "engineering", "Customer data is isolated per tenant and reachable only by the roles that need it."],
  ["8.4", "business", "engineering", "Source code and pipelines decide what runs in production, so who may change them is controlled."],
  ["8.5", "business", "platform", "Single sign-on with strong MFA for every person, and no long-lived keys for workloads."],
  ["8.6", "contractual:customer service levels", "platform", "Capacity is monitored and scaled so that the platform meets its availability commitments."],
  ["8.7", "best_practice", "security", "Laptops run endpoint protection; workloads and images are scanned for malware."],
  ["8.8", "best_practice", "engineering", "Vulnerabilities in code, images and infrastructure are found, fixed within set times and tested for yearly."],
  ["8.9", "best_practice", "platform", "Infrastructure is defined as code from secure baselines, and drift is detected."],
  ["8.10", "legal:GDPR Art. 17 and 28", "engineering", "Customer data is deleted at contract end and on request, as data protection law and contracts require."],
  ["8.11", "legal:GDPR Art. 25", "engineering", "Personal data is masked where full values are not needed: logs, support views, analytics."],
  ["8.12", "business", "security", "Public access to storage is blocked and exfiltration paths are watched to keep customer data in."],
  ["8.13", "contractual", "platform", "Customer data is backed up across regions and restores are tested, as recovery commitments require."],
  ["8.14", "contractual:customer service levels", "platform", "The platform runs across availability zones to give customers the availability promised."],
  ["8.15", "best_practice", "platform", "Logs of who did what are kept tamper-evident in a separate log archive account."],
  ["8.16", "best_practice", "security", "Threat detection and alarms watch the platform and accounts for anomalous behaviour around the clock."],
  ["8.17", "best_practice", "platform", "One time source across services and hosts keeps logs usable in an investigation."],
  ["8.18", "best_practice", "platform", "Tools able to bypass controls, such as shell access to production, are restricted and logged."],
  ["8.19", "best_practice", "engineering", "Software reaches production only through the deployment pipeline, never installed by hand."],
  ["8.20", "business", "platform", "VPCs, security groups and encryption in transit protect the platform's networks."],
  ["8.21", "best_practice", "platform", "Load balancers, DNS and content delivery are configured to agreed security settings."],
  ["8.22", "best_practice", "platform", "Production, staging and corporate networks are kept apart in separate accounts and VPCs."],
  ["8.23", "best_practice", "security", "Staff browsing and workload egress are filtered to block known malicious sites."],
  ["8.24", "contractual", "platform", "Customer data is encrypted at rest and in transit, as contracts and customer questionnaires expect."],
  ["8.25", "business", "engineering", "The product is built in-house, so security is part of its design, review, testing and release."],
  ["8.26", "business", "engineering", "Security requirements are set for the product's features, APIs and integrations."],
  ["8.27", "best_practice", "engineering", "The platform follows design principles such as least privilege, defence in depth and tenant isolation."],
  ["8.28", "best_practice", "engineering", "Engineers follow secure coding guidelines, with peer review and automated code scanning."],
  ["8.29", "best_practice", "engineering", "Security tests run in the pipeline, and major changes are tested before release."],
  ["8.31", "best_practice", "platform", "Development, staging and production run in separate AWS accounts so that tests cannot touch customer data."],
  ["8.32", "business", "engineering", "Changes go through pull requests, approval and the pipeline to avoid outages and unauthorised change."],
  ["8.33", "legal", "engineering", "Test environments use synthetic data; production personal data is copied into them only with approval."],
  ["8.34", "best_practice", "security", "Penetration tests and audit access to production are planned and authorised so that the service is not disrupted."],
];

/** Data-centre controls AWS operates for the platform (the AWS map marks them "inherited"). */
const inheritedRows: [id: string, what: string][] = [
  ["7.8", "The servers and storage running the platform are sited and protected in AWS data centres"],
  ["7.11", "Power, cooling and connectivity for the platform are supplied in AWS data centres"],
  ["7.12", "The power and network cabling that carries the platform's traffic is inside AWS data centres"],
  ["7.13", "The equipment running the platform is maintained by AWS; our laptops are replaced under warranty, not repaired, and wiped under 7.14"],
];

const notApplicableRows: [id: string, justification: string][] = [
  [
    "7.4",
    "No premises of ours need intrusion monitoring: the office holds no servers, network rooms or paper customer records, only laptops that are encrypted and leave with their users. The data centres that hold customer data are AWS's and monitored by AWS (see 7.1 and 7.2).",
  ],
  [
    "7.6",
    "We have no secure areas: the office has no server or restricted rooms, and our staff never enter AWS data centres, where working rules are AWS's own.",
  ],
  [
    "8.30",
    "All software is developed by our own employees; no development is outsourced. To be revisited before any contractor or agency writes code for the product.",
  ],
];

function parseReasons(text: string): SoaReason[] {
  return text.split(";").map((part) => {
    const [kind = "", ref] = part.split(":");
    if (kind !== "legal" && kind !== "contractual" && kind !== "business" && kind !== "best_practice") throw new Error(`unknown reason kind ${kind}`);
    return ref ? { kind, ref } : { kind };
  });
}

/** The template's SoA prefill for all 93 Annex A controls, in the standard's order. */
export function awsSaasSoaDefaults(): SoaDefault[] {
  const byId = new Map<string, SoaDefault>();
  for (const [controlId, reasons, ownerRole, justification] of applicableRows) {
    byId.set(controlId, { controlId, applicability: "applicable", reasons: parseReasons(reasons), justification, implementationStatus: null, ownerRole });
  }
  for (const [controlId, what] of inheritedRows) {
    byId.set(controlId, {
      controlId,
      applicability: "inherited",
      reasons: [{ kind: "business", ref: "customer data hosted on AWS" }],
      justification: `${what}; ${awsAttestation}`,
      implementationStatus: null,
      ownerRole: "platform",
    });
  }
  for (const [controlId, justification] of notApplicableRows) {
    byId.set(controlId, { controlId, applicability: "not_applicable", reasons: [], justification, implementationStatus: null, ownerRole: "security" });
  }
  return annexAControls.map((control) => {
    const entry = byId.get(control.id);
    if (!entry) throw new Error(`the aws-saas SoA defaults lack control ${control.id}`);
    return entry;
  });
}
