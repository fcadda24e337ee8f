// The documented risk assessment methodology (6.1.2, 6.1.3, 8.2, 8.3) as a neutral document model:
// what a certification auditor reads to see that assessments are consistent, valid and comparable.
import type { DocumentBlock, DocumentModel, DocumentSection } from "../documents/model.js";
import type { Methodology, RiskDecision } from "./methodology.js";
import { maxScore } from "./methodology.js";

export type MethodologyDocumentOptions = {
  version: number;
  status: string;
  /** The approver's name as it should appear in the document. */
  approvedBy?: string | null;
  approvedAt?: Date | null;
  companyName: string;
};

const paragraph = (text: string): DocumentBlock => ({ kind: "paragraph", text });
const list = (items: string[]): DocumentBlock => ({ kind: "list", items });
const table = (header: string[], rows: string[][]): DocumentBlock => ({ kind: "table", header, rows });

const decisionWording: Record<RiskDecision, string> = {
  treat: "Treat: reduce the likelihood or the impact with controls",
  tolerate: "Tolerate: retain the risk knowingly, with the risk owner's acceptance where required",
  transfer: "Transfer: share the risk with another party, such as an insurer or a supplier under contract",
  terminate: "Terminate: avoid the risk by stopping or changing the activity that gives rise to it",
};

const decisionName: Record<RiskDecision, string> = { treat: "Treat", tolerate: "Tolerate", transfer: "Transfer", terminate: "Terminate" };

const identificationWording: Record<Methodology["identification"], string> = {
  asset:
    "Risks are identified asset by asset: for each information asset and supporting asset in the inventory, the assessor asks which threats could exploit which vulnerabilities to harm its confidentiality, integrity or availability.",
  threat:
    "Risks are identified threat by threat: starting from a catalogue of threats relevant to the organization, the assessor asks which assets each threat could reach and through which vulnerabilities.",
  scenario:
    "Risks are identified as scenarios: short descriptions of an event, its cause and its consequences for the organization, drawn from incidents, industry reports and the knowledge of the people who run the service.",
  hybrid:
    "Risks are identified both from the asset inventory and from threat scenarios, so that risks tied to a specific asset and risks that cut across the organization are both found.",
};

const day = (date: Date): string => date.toISOString().slice(0, 10);
const range = (min: number, max: number): string => (min === max ? `${min}` : `${min}–${max}`);

function purposeAndScope(companyName: string): DocumentSection {
  return {
    heading: "1. Purpose and scope",
    blocks: [
      paragraph(
        `This document sets out how ${companyName} identifies, analyses and evaluates information security risks and how it decides on their treatment, as required by ISO/IEC 27001:2022 clauses 6.1.2 and 6.1.3. ` +
          "It defines the criteria for accepting risk and for performing risk assessments, so that repeated assessments produce consistent, valid and comparable results.",
      ),
      paragraph(
        "It applies to every risk to the confidentiality, integrity and availability of information within the scope of the information security management system, " +
          "and to the assessments performed at planned intervals and after significant change (clause 8.2) and to the implementation of the risk treatment plan (clause 8.3).",
      ),
    ],
  };
}

function identification(m: Methodology): DocumentSection {
  const blocks = [paragraph(identificationWording[m.identification])];
  if (m.identificationNotes) blocks.push(paragraph(m.identificationNotes));
  blocks.push(
    paragraph("Each risk is recorded in the risk register with:"),
    list([
      "an identifier (R-001, R-002, ...), a title and a description",
      "its risk owner: the person with the accountability and authority to manage the risk",
      "the assets concerned, the threat and the vulnerability",
      "the properties at stake: confidentiality, integrity, availability",
      "its likelihood and impact ratings, the resulting inherent score and band",
      "the treatment decision, the controls and the treatment actions",
      "the residual likelihood, impact and score after treatment, and its acceptance",
    ]),
  );
  return { heading: "2. Risk identification", blocks };
}

function likelihood(m: Methodology): DocumentSection {
  return {
    heading: "3. Likelihood scale",
    blocks: [
      paragraph(`Likelihood is rated on a ${m.likelihood.levels.length}-level scale: how often the risk is expected to materialize given the controls in place.`),
      table(["Level", "Label", "Description"], m.likelihood.levels.map((l) => [String(l.value), l.label, l.description])),
    ],
  };
}

function impact(m: Methodology): DocumentSection {
  const blocks: DocumentBlock[] = [
    paragraph(`Impact is rated on a ${m.impact.levels.length}-level scale: the worst credible consequence for the organization and its customers if the risk materializes.`),
    table(["Level", "Label", "Description"], m.impact.levels.map((l) => [String(l.value), l.label, l.description])),
  ];
  if (m.impact.criteria.length === 0) {
    blocks.push(paragraph("Impact is rated once per risk, on this single scale."));
  } else {
    blocks.push(
      paragraph("Impact is rated separately on each of the following criteria, using the levels above:"),
      m.impact.criteria.some((c) => c.description)
        ? table(["Criterion", "What it covers"], m.impact.criteria.map((c) => [c.label, c.description ?? ""]))
        : list(m.impact.criteria.map((c) => c.label)),
      paragraph(
        "The impact of the risk is the highest level given on any criterion. Taking the maximum, rather than an average, keeps a severe consequence in one area from being diluted by mild ones in others.",
      ),
    );
  }
  return { heading: "4. Impact scale and criteria", blocks };
}

function scoring(m: Methodology): DocumentSection {
  const top = maxScore(m);
  if (m.scoring.method === "product") {
    return {
      heading: "5. Risk score",
      blocks: [
        paragraph(`Risk score = likelihood × impact, giving scores from 1 to ${top}.`),
        paragraph("The inherent score uses the likelihood and impact before further treatment; the residual score uses them as expected once the treatment is in place."),
      ],
    };
  }
  const matrix = m.scoring.matrix;
  return {
    heading: "5. Risk score",
    blocks: [
      paragraph(`The risk score is read from the matrix below at the likelihood row and the impact column, giving scores from 1 to ${top}.`),
      table(
        ["Likelihood / Impact", ...m.impact.levels.map((l) => `${l.value} ${l.label}`)],
        m.likelihood.levels.map((l, row) => [`${l.value} ${l.label}`, ...(matrix[row] ?? []).map(String)]),
      ),
      paragraph("The inherent score uses the likelihood and impact before further treatment; the residual score uses them as expected once the treatment is in place."),
    ],
  };
}

function bands(m: Methodology): DocumentSection {
  return {
    heading: "6. Risk levels and treatment decisions",
    blocks: [
      paragraph("Each score falls in exactly one band. The band gives the default decision; the risk owner may choose another option and records why."),
      table(
        ["Band", "Scores", "Default decision", "Meaning"],
        m.bands.map((b) => [b.label, range(b.min, b.max), decisionName[b.decision], b.description ?? ""]),
      ),
      paragraph("The treatment options are:"),
      list([decisionWording.treat, decisionWording.tolerate, decisionWording.transfer, decisionWording.terminate]),
      paragraph(
        "For each risk to treat, the controls needed are determined and compared with ISO/IEC 27001:2022 Annex A so that no necessary control is omitted; they are recorded in the Statement of Applicability.",
      ),
    ],
  };
}

function acceptance(m: Methodology): DocumentSection {
  const threshold = m.acceptance.threshold;
  return {
    heading: "7. Risk acceptance criteria",
    blocks: [
      paragraph(m.acceptance.criteria),
      list([
        threshold === 0
          ? "No risk is acceptable without a decision: every assessed risk needs one from its risk owner."
          : `A risk scoring ${threshold} or less is acceptable without treatment.`,
        `A risk scoring more than ${threshold} needs a treatment decision by its risk owner.`,
        `A residual risk scoring more than ${threshold} is retained only when its risk owner accepts it explicitly; the acceptance records who accepted it and when.`,
      ]),
    ],
  };
}

function ownersAndApproval(): DocumentSection {
  return {
    heading: "8. Risk owners and approval",
    blocks: [
      paragraph("Every risk has one risk owner, a person with the accountability and authority to manage it. The risk owner:"),
      list([
        "confirms the likelihood and impact ratings of the risk",
        "decides how the risk is treated",
        "approves the risk treatment plan for the risk (clause 6.1.3 f)",
        "accepts the residual risk where it is above the acceptance threshold (clause 6.1.3 f)",
      ]),
      paragraph(
        "This methodology is approved by top management. A new version takes effect when approved; existing risks are then rescored under it, and every rescoring is recorded.",
      ),
    ],
  };
}

function review(m: Methodology): DocumentSection {
  const months = m.reviewFrequencyMonths;
  return {
    heading: "9. Review",
    blocks: [
      paragraph(`Every risk is reassessed at least every ${months} month${months === 1 ? "" : "s"}, and sooner when a trigger below occurs (clause 8.2). This methodology is reviewed at least as often.`),
      paragraph("Triggers for reassessment:"),
      list([
        "a significant change to the service, its architecture or its hosting, such as a new AWS account, region or service",
        "a new product, market, customer commitment or major supplier",
        "a security incident or near miss",
        "a new legal, regulatory or contractual requirement",
        "findings of internal audits, certification audits or the management review",
        "completion of a treatment action, or a treatment that did not work as planned",
      ]),
    ],
  };
}

function records(): DocumentSection {
  return {
    heading: "10. Records",
    blocks: [
      paragraph("The following are kept as documented information (clauses 6.1.2, 6.1.3, 8.2 and 8.3):"),
      list([
        "this methodology, each version with its approval",
        "the risk register",
        "the results of every risk assessment: ratings, scores, the methodology version used, the date, the assessor and the reason",
        "the risk treatment plan: actions, owners, due dates, status and evidence of completion",
        "the risk owners' approvals of treatment plans and acceptances of residual risk",
        "the Statement of Applicability",
      ]),
    ],
  };
}

/** The methodology document for one approved (or draft) version of the methodology. */
export function renderMethodologyDocument(methodology: Methodology, options: MethodologyDocumentOptions): DocumentModel {
  return {
    title: "Risk Assessment Methodology",
    meta: [
      ["Organization", options.companyName],
      ["Version", String(options.version)],
      ["Status", options.status],
      ["Approved by", options.approvedBy ?? "not yet approved"],
      ["Approved on", options.approvedAt ? day(options.approvedAt) : "—"],
      ["Review", `every ${methodology.reviewFrequencyMonths} month${methodology.reviewFrequencyMonths === 1 ? "" : "s"}`],
      ["ISO/IEC 27001:2022", "6.1.2, 6.1.3, 8.2, 8.3"],
    ],
    sections: [
      purposeAndScope(options.companyName),
      identification(methodology),
      likelihood(methodology),
      impact(methodology),
      scoring(methodology),
      bands(methodology),
      acceptance(methodology),
      ownersAndApproval(),
      review(methodology),
      records(),
    ],
  };
}
