// Ready-made risk methodologies: the 5×5 default a SaaS company on AWS can adopt as it is, and two
// alternative shapes (3×3 product, 4×4 matrix). Every description is OpenISMS's own wording.
import type { Methodology, RiskBand } from "./methodology.js";

const colours = { low: "#2e7d32", medium: "#f9a825", high: "#ef6c00", critical: "#c62828" } as const;

const saasImpactCriteria = (): Methodology["impact"]["criteria"] => [
  { id: "financial", label: "Financial", description: "Direct loss, recovery and legal costs, fines, service credits and lost revenue." },
  {
    id: "operational",
    label: "Operational",
    description: "Unavailability or degradation of the service or of internal operations; data lost, corrupted or restored late.",
  },
  {
    id: "reputational",
    label: "Reputational",
    description: "Loss of trust of customers, prospects, partners and investors; press and social media coverage.",
  },
  {
    id: "legal",
    label: "Legal and regulatory",
    description: "Breach of law, regulation or contract: breach notifications, fines, claims, findings against our certifications.",
  },
  {
    id: "health-and-safety",
    label: "Health and safety",
    description: "Harm to people: staff, customers or the public, including through a service customers rely on for their operations.",
  },
];

/**
 * Bands of the 5×5 default. Low (1–4) is tolerated: at worst a rare event of moderate impact or an
 * occasional minor one, which costs less to watch than to treat. Medium (5–9) defaults to treat, not
 * tolerate: it holds "possible × moderate" and "likely × minor", which a SaaS team can usually close with
 * a cheap control (an alert, MFA, a tested restore), and an auditor expects a plan for it. An owner may
 * still tolerate a medium risk, but then the residual is above the threshold and needs their explicit,
 * recorded acceptance — retaining it is a conscious choice, not the default.
 */
const defaultBands = (): RiskBand[] => [
  {
    id: "low",
    label: "Low",
    min: 1,
    max: 4,
    decision: "tolerate",
    colour: colours.low,
    description: "Acceptable. Retain, record and look at it again at the periodic review.",
  },
  {
    id: "medium",
    label: "Medium",
    min: 5,
    max: 9,
    decision: "treat",
    colour: colours.medium,
    description: "Treat within six months, or have the risk owner accept it explicitly with a reason.",
  },
  {
    id: "high",
    label: "High",
    min: 10,
    max: 16,
    decision: "treat",
    colour: colours.high,
    description: "Treat with priority, within three months; report progress at the management review.",
  },
  {
    id: "critical",
    label: "Critical",
    min: 17,
    max: 25,
    decision: "treat",
    colour: colours.critical,
    description:
      "Act now: inform top management within a week and reduce the risk within a month, or stop the activity (terminate).",
  },
];

/** The default: 5×5, score = likelihood × impact, impact rated per criterion and combined by maximum. */
export function defaultMethodology(): Methodology {
  return {
    identification: "hybrid",
    identificationNotes:
      "Risks are identified from the asset inventory (including assets discovered in AWS) and from threat scenarios " +
      "relevant to a SaaS business on AWS, then recorded with their assets, threat and vulnerability.",
    likelihood: {
      levels: [
        { value: 1, label: "Rare", description: "Less than once in ten years. Needs several independent safeguards to fail together, or a targeted attack by a well-resourced adversary." },
        { value: 2, label: "Unlikely", description: "About once in three to ten years. Has happened to comparable SaaS companies, but our conditions make it uncommon." },
        { value: 3, label: "Possible", description: "About once in one to three years. Could plausibly happen within the current certification cycle." },
        { value: 4, label: "Likely", description: "About once a year. Has happened to us before, or is regularly reported for setups like ours." },
        { value: 5, label: "Almost certain", description: "Several times a year, or already happening (e.g. credential-stuffing against our login). Expected unless something changes." },
      ],
    },
    impact: {
      levels: [
        {
          value: 1,
          label: "Insignificant",
          description:
            "Absorbed in normal work. Loss under 0.1% of annual revenue; a few minutes of degraded service no customer notices; no customer or personal data exposed.",
        },
        {
          value: 2,
          label: "Minor",
          description:
            "Noticed but contained. Loss up to 1% of annual revenue; an outage under one hour, within the SLA; internal data of low sensitivity exposed inside the company; a few customer complaints.",
        },
        {
          value: 3,
          label: "Moderate",
          description:
            "Needs management attention. Loss up to 5% of annual revenue; an outage of several hours that breaches the SLA for some customers; a limited set of customer data exposed, to be reported to those customers.",
        },
        {
          value: 4,
          label: "Major",
          description:
            "Threatens objectives. Loss up to 20% of annual revenue or of a key customer; an outage of a day or more, or data lost beyond the recovery point objective; a personal data breach notifiable to a supervisory authority; trade press coverage.",
        },
        {
          value: 5,
          label: "Catastrophic",
          description:
            "Threatens the company. Loss above 20% of annual revenue; prolonged outage or permanent loss of customer data; a large-scale breach; sanctions, loss of certification, major litigation; serious harm to a person.",
        },
      ],
      criteria: saasImpactCriteria(),
    },
    scoring: { method: "product" },
    bands: defaultBands(),
    acceptance: {
      // The top of the Low band: everything the default tolerates is acceptable without treatment.
      threshold: 4,
      criteria:
        "A risk scoring 4 or less (Low) is acceptable without treatment; it is retained and reviewed periodically. " +
        "A risk scoring more than 4 needs a decision by its risk owner: treat, tolerate, transfer or terminate. " +
        "A residual risk above 4 is retained only when its risk owner accepts it explicitly, with the date and the reason recorded; " +
        "residual risks in the Critical band are also reported to top management.",
    },
    reviewFrequencyMonths: 12,
  };
}

/** 3×3, score = likelihood × impact (1–9), one impact scale. For small teams starting out. */
function threeByThreeProduct(): Methodology {
  return {
    identification: "scenario",
    likelihood: {
      levels: [
        { value: 1, label: "Unlikely", description: "Not expected within the next three years." },
        { value: 2, label: "Possible", description: "Could happen within one to three years." },
        { value: 3, label: "Likely", description: "Expected within a year, or already happening." },
      ],
    },
    impact: {
      levels: [
        { value: 1, label: "Low", description: "Little effect: no customer data exposed, no SLA breach, loss easily absorbed." },
        { value: 2, label: "Medium", description: "Customers notice: an SLA breach, a limited data exposure, a loss that hurts the quarter." },
        { value: 3, label: "High", description: "Threatens the company: a large breach, a prolonged outage, regulatory sanctions, loss of key customers." },
      ],
      criteria: [],
    },
    scoring: { method: "product" },
    bands: [
      { id: "low", label: "Low", min: 1, max: 2, decision: "tolerate", colour: colours.low, description: "Acceptable; review periodically." },
      { id: "medium", label: "Medium", min: 3, max: 4, decision: "treat", colour: colours.medium, description: "Treat, or have the owner accept it explicitly." },
      { id: "high", label: "High", min: 5, max: 9, decision: "treat", colour: colours.critical, description: "Treat with priority; inform top management." },
    ],
    acceptance: {
      threshold: 2,
      criteria:
        "A risk scoring 2 or less is acceptable without treatment. Above 2 the risk owner decides how to treat it; " +
        "a residual risk above 2 is retained only with the risk owner's explicit acceptance.",
    },
    reviewFrequencyMonths: 12,
  };
}

/** 4×4 with a filled matrix (scores 1–10), impact rated on three criteria and combined by maximum. */
function fourByFourMatrix(): Methodology {
  return {
    identification: "asset",
    likelihood: {
      levels: [
        { value: 1, label: "Rare", description: "Less than once in five years." },
        { value: 2, label: "Unlikely", description: "Once in two to five years." },
        { value: 3, label: "Likely", description: "About once a year." },
        { value: 4, label: "Almost certain", description: "Several times a year, or already happening." },
      ],
    },
    impact: {
      levels: [
        { value: 1, label: "Minor", description: "No customer notices; no data exposed; loss absorbed in the budget." },
        { value: 2, label: "Moderate", description: "Some customers affected within the SLA; internal data exposed; loss up to 2% of revenue." },
        { value: 3, label: "Major", description: "SLA breached; customer or personal data exposed; a notifiable breach; loss up to 10% of revenue." },
        { value: 4, label: "Severe", description: "Prolonged outage or permanent data loss; large breach; sanctions; loss above 10% of revenue." },
      ],
      criteria: [
        { id: "financial", label: "Financial" },
        { id: "customer", label: "Customer trust and service" },
        { id: "compliance", label: "Legal, regulatory and contractual" },
      ],
    },
    scoring: {
      method: "matrix",
      matrix: [
        [1, 2, 3, 5],
        [2, 3, 5, 7],
        [3, 5, 7, 9],
        [4, 6, 8, 10],
      ],
    },
    bands: [
      { id: "low", label: "Low", min: 1, max: 3, decision: "tolerate", colour: colours.low },
      { id: "medium", label: "Medium", min: 4, max: 6, decision: "treat", colour: colours.medium },
      { id: "high", label: "High", min: 7, max: 8, decision: "treat", colour: colours.high },
      { id: "critical", label: "Critical", min: 9, max: 10, decision: "treat", colour: colours.critical },
    ],
    acceptance: {
      threshold: 3,
      criteria:
        "A risk scoring 3 or less is acceptable without treatment. Above 3 the risk owner decides; a residual risk above 3 " +
        "is retained only with the risk owner's explicit acceptance.",
    },
    reviewFrequencyMonths: 6,
  };
}

export const methodologyPresetIds = ["3x3-product", "5x5-product", "4x4-matrix"] as const;
export type MethodologyPresetId = (typeof methodologyPresetIds)[number];

/** Each preset builds a fresh methodology, so a caller may change it without touching the others. */
export const methodologyPresets: Readonly<Record<MethodologyPresetId, () => Methodology>> = {
  "3x3-product": threeByThreeProduct,
  "5x5-product": defaultMethodology,
  "4x4-matrix": fourByFourMatrix,
};
