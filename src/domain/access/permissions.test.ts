import { describe, expect, it } from "vitest";
import { actions, can, entities, entityActions, permittedActions, principal, roles, type Action, type AuditScope, type Principal, type Resource, type Role } from "./permissions.js";

const workspaceId = "ws-acme";
const audit: AuditScope = { auditId: "AUD-001", controls: ["5.15", "8.5"], clauses: ["9"], periodStart: "2026-01-01", periodEnd: "2026-06-30" };
const acting = (r: Role, overrides: Partial<Principal> = {}): Principal => ({ workspaceId, role: r, personId: "P-004", audit: r === "auditor" ? audit : null, ...overrides });
const record = (overrides: Partial<Resource> = {}): Resource => ({ id: "R-001", workspaceId, owner: "P-004", controlIds: ["5.15"], on: "2026-03-01", auditId: "AUD-001", ...overrides });

// What each role may do to a record its person owns and that lies within the auditor's audit.
// r read, c create, u update, d delete, a approve, x export, m comment; - nothing.
const table = `
                    administrator  editor   control-owner  auditor  viewer
workspace           rudx           rux      r              r        r
accounts            rcud           r        -              -        -
audit-log           rx             rx       -              rx       -
people              rcudx          rcudx    rx             rx       rx
scope               ruaxm          ruaxm    rx             rxm      rx
assets              rcudxm         rcudxm   rx             rxm      rx
risks               rcudaxm        rcudaxm  ruaxm          rxm      rx
soa                 rcuaxm         rcuaxm   ruxm           rxm      rx
documents           rcudaxm        rcudaxm  ruxm           rxm      rx
evidence            rcudxm         rcudxm   rcuxm          rxm      rx
evidence-requests   rcudxm         rcudxm   ruxm           rcxm     rx
audits              rcudxm         rcudxm   rx             rxm      rx
findings            rcudxm         rcudxm   rx             rxm      rx
actions             rcudaxm        rcudaxm  ruxm           rxm      rx
reviews             rcudaxm        rcudaxm  rx             rxm      rx
suppliers           rcudxm         rcudxm   rx             rxm      rx
training            rcudx          rcudx    rx             rx       rx
objectives          rcudxm         rcudxm   rx             rxm      rx
activities          rcudx          rcudx    rux            rx       rx
`;
const letters: Record<Action, string> = { read: "r", create: "c", update: "u", delete: "d", approve: "a", export: "x", comment: "m" };

function expectedTable(): Map<string, string> {
  const [header, ...lines] = table.trim().split("\n").map((line) => line.trim().split(/\s+/));
  const expected = new Map<string, string>();
  for (const [entity, ...cells] of lines) cells.forEach((cell, i) => expected.set(`${header?.[i]} ${entity}`, cell));
  return expected;
}

describe("permissions", () => {
  it("the table covers every role and every entity", () => {
    const expected = expectedTable();
    expect(expected.size).toBe(roles.length * entities.length);
    for (const r of roles) for (const entity of entities) expect(expected.has(`${r} ${entity}`), `${r} ${entity}`).toBe(true);
  });

  it("grants every role exactly the actions of the table, and refuses the rest with a reason", () => {
    const expected = expectedTable();
    for (const r of roles) {
      for (const entity of entities) {
        for (const action of actions) {
          const decision = can(acting(r), action, entity, record({ id: entity === "audits" ? "AUD-001" : "R-001" }));
          const should = (expected.get(`${r} ${entity}`) ?? "").includes(letters[action]);
          expect(decision.allowed, `${r} ${action} ${entity}: ${decision.reason}`).toBe(should);
          expect(decision.reason.length).toBeGreaterThan(20);
        }
      }
    }
  });

  it("an action an entity does not admit is refused to everyone, saying what can be done", () => {
    expect(can(acting("administrator"), "approve", "people")).toEqual({ allowed: false, reason: 'people cannot be given "approve"; what can be done to people: read, create, update, delete, export' });
    for (const entity of entities) {
      const admitted: readonly Action[] = entityActions[entity];
      for (const action of actions.filter((a) => !admitted.includes(a))) expect(can(acting("administrator"), action, entity).allowed).toBe(false);
    }
  });

  it("a refusal names the roles that may, and whom to ask", () => {
    expect(can(acting("viewer"), "update", "risks", record()).reason).toBe("Viewers cannot update risks: only administrators, editors and control owners may; ask an administrator of the workspace");
    expect(can(acting("editor"), "create", "accounts").reason).toBe("Editors cannot create accounts: only administrators may; ask an administrator of the workspace");
    expect(can(acting("editor"), "delete", "workspace").reason).toContain("only administrators may");
    expect(can(acting("control-owner"), "read", "audit-log").reason).toBe("Control owners cannot read the audit log: only administrators, editors and auditors may; ask an administrator of the workspace");
  });

  it("no role reaches into another workspace", () => {
    for (const r of roles) {
      const decision = can(acting(r), "read", "risks", record({ workspaceId: "ws-other" }));
      expect(decision).toEqual({ allowed: false, reason: "R-001 belongs to another workspace; switch to that workspace, where your role there applies" });
    }
  });
});

describe("a control owner changes only what they own", () => {
  const owner = acting("control-owner");

  it("updates, comments on and accepts the risk they own", () => {
    for (const action of ["update", "comment", "approve"] as const) expect(can(owner, action, "risks", record()).allowed).toBe(true);
    expect(permittedActions(owner, "risks", record())).toEqual(["read", "update", "approve", "export", "comment"]);
  });

  it("is refused another person's record, told whose it is and whom to ask", () => {
    const decision = can(owner, "update", "risks", record({ owner: "P-002" }));
    expect(decision).toEqual({ allowed: false, reason: "Control owners change only what they own: R-001 is owned by P-002, not by you (P-004); ask its owner or an editor" });
    expect(can(owner, "update", "soa", record({ id: "8.24", owner: null })).reason).toBe("Control owners change only what they own: 8.24 has no owner; ask its owner or an editor");
    expect(permittedActions(owner, "risks", record({ owner: "P-002" }))).toEqual(["read", "export"]);
  });

  it("attaches evidence to what they own, but creates no risk and approves no document, even their own", () => {
    expect(can(owner, "create", "evidence", record({ id: "E-012" })).allowed).toBe(true);
    expect(can(owner, "create", "risks", record()).reason).toBe("Control owners change only what they own and cannot create risks: only administrators and editors may; ask one of them");
    expect(can(owner, "approve", "documents", record({ id: "POL-ACCESS" })).allowed).toBe(false);
  });

  it("must say which record, and must be linked to a person", () => {
    expect(can(owner, "update", "risks").reason).toBe("Control owners update risks only when they own the record: say which one");
    expect(can(acting("control-owner", { personId: null }), "update", "risks", record()).reason).toContain("linked to no person in the people register; ask an administrator to link it");
  });
});

describe("an auditor reads within the audit's scope and period", () => {
  const auditor = acting("auditor");

  it("may list what the audit covers, with the scope the list must be filtered to", () => {
    expect(can(auditor, "read", "evidence")).toMatchObject({ allowed: true, within: audit });
  });

  it("reads, exports and comments on evidence of an audited control collected in the period", () => {
    for (const action of ["read", "export", "comment"] as const) expect(can(auditor, action, "evidence", record({ id: "E-012", controlIds: ["8.5"], on: "2026-06-30" }))).toMatchObject({ allowed: true, within: audit });
  });

  it("is refused evidence of a control the audit does not cover, or dated outside its period", () => {
    expect(can(auditor, "read", "evidence", record({ id: "E-013", controlIds: ["8.24"] })).reason).toBe(
      "E-013 is about 8.24, outside audit AUD-001 (which covers 5.15, 8.5, 9); ask the ISMS owner if the audit needs it",
    );
    expect(can(auditor, "read", "evidence", record({ id: "E-014", on: "2025-12-31" })).reason).toBe(
      "E-014 is dated 2025-12-31, outside the period of audit AUD-001 (2026-01-01 to 2026-06-30); ask the ISMS owner if the audit needs it",
    );
  });

  it("sees a sub-clause of an audited clause, and records that name no control or clause", () => {
    expect(can(auditor, "read", "documents", record({ id: "PROC-AUDIT", controlIds: [], clauses: ["9.2.2"] })).allowed).toBe(true);
    expect(can(auditor, "read", "suppliers", record({ id: "SUP-001", controlIds: undefined })).allowed).toBe(true);
    expect(can(auditor, "read", "documents", record({ id: "PROC-RISK", controlIds: [], clauses: ["6.1"] })).allowed).toBe(false);
  });

  it("sees only their own audit and its findings", () => {
    expect(can(auditor, "read", "audits", record({ id: "AUD-001" })).allowed).toBe(true);
    expect(can(auditor, "read", "audits", record({ id: "AUD-002", auditId: undefined })).reason).toBe("AUD-002 is another audit; this account audits AUD-001 only");
    expect(can(auditor, "read", "findings", record({ id: "F-003", auditId: "AUD-002" })).reason).toBe("F-003 belongs to audit AUD-002; this account audits AUD-001 only");
  });

  it("raises evidence requests but changes nothing, and is told what to do instead", () => {
    expect(can(auditor, "create", "evidence-requests", record({ id: "REQ-001" })).allowed).toBe(true);
    expect(can(auditor, "update", "risks", record()).reason).toBe(
      "Auditors only read, comment and raise evidence requests, and cannot update risks; raise an evidence request or tell the ISMS owner what should change",
    );
    expect(can(auditor, "read", "accounts").allowed).toBe(false);
  });

  it("without an audit, an auditor account sees nothing of the audit's records", () => {
    const decision = can(acting("auditor", { audit: null }), "read", "evidence", record());
    expect(decision).toEqual({ allowed: false, reason: "This auditor account is given no audit, so it sees nothing; ask an administrator to give it the audit it is for" });
  });
});

describe("the principal", () => {
  it("is parsed from stored data, refusing a role that does not exist", () => {
    expect(principal.parse({ workspaceId, role: "editor" })).toEqual({ workspaceId, role: "editor" });
    expect(principal.safeParse({ workspaceId, role: "owner" }).success).toBe(false);
    expect(principal.safeParse({ workspaceId, role: "auditor", audit: { ...audit, periodEnd: "30/06/2026" } }).success).toBe(false);
  });
});
