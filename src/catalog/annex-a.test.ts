import { describe, expect, it } from "vitest";
import {
  annexAControls,
  attributeVocabulary,
  compareControlIds,
  controlsByTheme,
  findControl,
  getControl,
  isControlId,
  themes,
} from "./annex-a.js";
import { CatalogLookupError } from "./errors.js";
import { mapTo2013 } from "./mapping-2013.js";

// Written out here, independently of the module, so a typo in either place shows up.
const vocabulary27002 = {
  controlType: ["#Preventive", "#Detective", "#Corrective"],
  informationSecurityProperties: ["#Confidentiality", "#Integrity", "#Availability"],
  cybersecurityConcepts: ["#Identify", "#Protect", "#Detect", "#Respond", "#Recover"],
  operationalCapabilities: [
    "#Governance",
    "#Asset_management",
    "#Information_protection",
    "#Human_resource_security",
    "#Physical_security",
    "#System_and_network_security",
    "#Application_security",
    "#Secure_configuration",
    "#Identity_and_access_management",
    "#Threat_and_vulnerability_management",
    "#Continuity",
    "#Supplier_relationships_security",
    "#Legal_and_compliance",
    "#Information_security_event_management",
    "#Information_security_assurance",
  ],
  securityDomains: ["#Governance_and_Ecosystem", "#Protection", "#Defence", "#Resilience"],
};
const attributeNames = [
  "controlType",
  "informationSecurityProperties",
  "cybersecurityConcepts",
  "operationalCapabilities",
  "securityDomains",
] as const;

const ids = (controls: readonly { id: string }[]) => controls.map((c) => c.id);

describe("the Annex A controls", () => {
  it("number 93", () => {
    expect(annexAControls).toHaveLength(93);
  });

  it("split into 37 organizational, 8 people, 14 physical and 34 technological controls", () => {
    expect(themes).toEqual([
      { theme: "organizational", count: 37 },
      { theme: "people", count: 8 },
      { theme: "physical", count: 14 },
      { theme: "technological", count: 34 },
    ]);
    expect(controlsByTheme("physical")).toHaveLength(14);
  });

  it("each have a unique id", () => {
    expect(new Set(ids(annexAControls)).size).toBe(93);
  });

  it("come in the standard's numeric order, 5.1 to 8.34, with no gaps", () => {
    const expected = [
      ...Array.from({ length: 37 }, (_, i) => `5.${i + 1}`),
      ...Array.from({ length: 8 }, (_, i) => `6.${i + 1}`),
      ...Array.from({ length: 14 }, (_, i) => `7.${i + 1}`),
      ...Array.from({ length: 34 }, (_, i) => `8.${i + 1}`),
    ];
    expect(ids(annexAControls)).toEqual(expected);
  });

  it("take their theme from their clause number in 27002 (5 organizational, 6 people, 7 physical, 8 technological)", () => {
    const themeOfClause = new Map([
      ["5", "organizational"],
      ["6", "people"],
      ["7", "physical"],
      ["8", "technological"],
    ]);
    for (const control of annexAControls) {
      expect(themeOfClause.get(control.id.split(".")[0] ?? ""), control.id).toBe(control.theme);
    }
  });

  it("mark exactly 5.7, 5.23, 5.30, 7.4, 8.9, 8.10, 8.11, 8.12, 8.16, 8.23 and 8.28 as new in 2022", () => {
    expect(ids(annexAControls.filter((c) => c.newIn2022))).toEqual([
      "5.7", "5.23", "5.30", "7.4", "8.9", "8.10", "8.11", "8.12", "8.16", "8.23", "8.28",
    ]);
  });

  it("are new in 2022 exactly when they have no 2013 predecessor", () => {
    for (const control of annexAControls) {
      expect(control.newIn2022, control.id).toBe(mapTo2013(control.id).length === 0);
    }
  });

  it("keep the official titles, including the long ones of 5.21 and 5.34", () => {
    expect(getControl("5.21").title).toBe(
      "Managing information security in the information and communication technology (ICT) supply chain",
    );
    expect(getControl("5.34").title).toBe("Privacy and protection of personal identifiable information (PII)");
    expect(getControl("8.24").title).toBe("Use of cryptography");
    expect(getControl("5.36").title).toBe("Compliance with policies, rules and standards for information security");
  });
});

describe("the 27002 attributes of the controls", () => {
  it("have the vocabulary of ISO/IEC 27002:2022: 3 control types, 3 properties, 5 concepts, 15 capabilities, 4 domains", () => {
    expect(attributeVocabulary).toEqual(vocabulary27002);
  });

  it("use only tags from that vocabulary", () => {
    for (const control of annexAControls) {
      for (const name of attributeNames) {
        for (const tag of control.attributes[name]) {
          expect(vocabulary27002[name], `${control.id} ${name}`).toContain(tag);
        }
      }
    }
  });

  it("give every control at least one tag, without repeats, in each of the five attributes", () => {
    for (const control of annexAControls) {
      for (const name of attributeNames) {
        const tags = control.attributes[name];
        expect(tags.length, `${control.id} ${name}`).toBeGreaterThan(0);
        expect(new Set(tags).size, `${control.id} ${name}`).toBe(tags.length);
      }
    }
  });

  it("match 27002 for controls checked against named sources (5.30, 8.13, 8.16)", () => {
    expect(getControl("5.30").attributes).toEqual({
      controlType: ["#Corrective"],
      informationSecurityProperties: ["#Availability"],
      cybersecurityConcepts: ["#Respond"],
      operationalCapabilities: ["#Continuity"],
      securityDomains: ["#Resilience"],
    });
    expect(getControl("8.13").attributes.cybersecurityConcepts).toEqual(["#Recover"]);
    expect(getControl("8.16").attributes.controlType).toEqual(["#Detective", "#Corrective"]);
  });
});

describe("what an auditor looks for in each control", () => {
  it("is written for every control, one to three sentences long", () => {
    for (const control of annexAControls) {
      expect(control.auditorFocus.length, control.id).toBeGreaterThan(80);
      const sentences = control.auditorFocus.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== "");
      expect(sentences.length, control.id).toBeGreaterThanOrEqual(1);
      expect(sentences.length, control.id).toBeLessThanOrEqual(3);
    }
  });

  it("is different for every control", () => {
    expect(new Set(annexAControls.map((c) => c.auditorFocus)).size).toBe(93);
  });

  it("names concrete evidence, such as a restore test for backups", () => {
    expect(getControl("8.13").auditorFocus).toMatch(/restore test/i);
    expect(getControl("8.32").auditorFocus).toMatch(/pull request|ticket/i);
    expect(getControl("5.18").auditorFocus).toMatch(/access review/i);
  });
});

describe("finding a control", () => {
  it("accepts the id as written in the standard, with or without the A. prefix", () => {
    expect(findControl("8.24")?.title).toBe("Use of cryptography");
    expect(findControl("A.8.24")?.id).toBe("8.24");
    expect(findControl("a.8.24")?.id).toBe("8.24");
    expect(findControl("  A 8.24 ")?.id).toBe("8.24");
  });

  it("accepts the official title in any case, spacing or punctuation", () => {
    expect(findControl("Use of cryptography")?.id).toBe("8.24");
    expect(findControl("USE OF   CRYPTOGRAPHY")?.id).toBe("8.24");
    expect(findControl("Legal statutory regulatory and contractual requirements")?.id).toBe("5.31");
    expect(findControl("Secure disposal or reuse of equipment")?.id).toBe("7.14");
  });

  it("treats '&' and 'and' alike", () => {
    expect(findControl("Clear desk & clear screen")?.id).toBe("7.7");
    expect(findControl("Information security roles & responsibilities")?.id).toBe("5.2");
  });

  it("accepts the usual short and variant titles", () => {
    expect(findControl("Managing information security in the ICT supply chain")?.id).toBe("5.21");
    expect(findControl("Privacy and protection of PII")?.id).toBe("5.34");
    expect(findControl("User end point devices")?.id).toBe("8.1");
    expect(findControl("Clock synchronisation")?.id).toBe("8.17");
    expect(findControl("Clock synchronization")?.id).toBe("8.17");
    expect(findControl("Network security")?.id).toBe("8.20");
    expect(findControl("Labeling of information")?.id).toBe("5.13");
    expect(findControl("Compliance with policies rules and standards")?.id).toBe("5.36");
    expect(findControl("Readiness For Business Continuity")?.id).toBe("5.30");
  });

  it("leads every official title and alias back to its own control", () => {
    for (const control of annexAControls) {
      for (const title of [control.title, ...control.titleAliases]) {
        expect(findControl(title)?.id, title).toBe(control.id);
      }
    }
  });

  it("finds nothing for an id or title that is not in Annex A 2022", () => {
    expect(findControl("8.35")).toBeUndefined();
    expect(findControl("9.1")).toBeUndefined();
    expect(findControl("A.12.4.1")).toBeUndefined();
    expect(findControl("Quantum resistance")).toBeUndefined();
    expect(findControl("")).toBeUndefined();
    expect(findControl(" - ")).toBeUndefined();
  });

  it("getControl throws a CatalogLookupError that names the query and how to list valid ids", () => {
    expect(() => getControl("8.35")).toThrow(CatalogLookupError);
    try {
      getControl("8.35");
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: "CatalogLookupError", query: "8.35" });
      expect(String(error)).toMatch(/8\.35/);
      expect(String(error)).toMatch(/isms catalog controls/);
    }
  });
});

describe("control id helpers", () => {
  it("isControlId accepts only a bare 2022 id", () => {
    expect(isControlId("8.24")).toBe(true);
    expect(isControlId("A.8.24")).toBe(false);
    expect(isControlId("8.35")).toBe(false);
    expect(isControlId("Use of cryptography")).toBe(false);
  });

  it("controlsByTheme returns the people controls 6.1 to 6.8 in order", () => {
    expect(ids(controlsByTheme("people"))).toEqual(["6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8"]);
  });

  it("compareControlIds sorts numerically, not as text", () => {
    expect(["5.10", "8.1", "5.9", "5.2", "10", "9.2.1", "9.2"].sort(compareControlIds)).toEqual([
      "5.2", "5.9", "5.10", "8.1", "9.2", "9.2.1", "10",
    ]);
  });
});
