// `isms people …`: the people doing work under the ISMS, who own assets, risks and controls.
import type { Command } from "commander";
import { registerRegisterCommands } from "./register-commands.js";

export function registerPeopleCommands(program: Command): void {
  registerRegisterCommands(program, "people", {
    register: "people",
    noun: "person",
    idPrefix: "P",
    path: "isms people",
    description: "the people in the ISMS: owners of assets, risks and controls (5.3, 7.2)",
    fields: [
      { field: "name", description: "full name", requiredToAdd: true },
      { field: "email", description: "work email" },
      { field: "role", description: "job title or function" },
      { field: "startDate", description: "start date, YYYY-MM-DD" },
      { field: "endDate", description: "leaving date, YYYY-MM-DD" },
      { field: "ismsRoles", description: "ISMS roles, comma-separated (isms-owner, risk-owner, control-owner, internal-auditor…)", kind: "list" },
    ],
    listColumns: ["name", "role", "ismsRoles"],
    exampleAdd: 'isms people add --name "Mia Chen" --role "Head of Security" --isms-roles isms-owner,risk-owner',
  });
}
