// `isms exclusions …`: the exclusion register — what is outside the ISMS scope and why (4.3).
import type { Command } from "commander";
import { registerRegisterCommands } from "./register-commands.js";

export function registerExclusionCommands(program: Command): void {
  registerRegisterCommands(program, "exclusions", {
    register: "exclusions",
    noun: "exclusion",
    idPrefix: "EX",
    path: "isms exclusions",
    description: "what is outside the ISMS scope and why (4.3)",
    fields: [
      { field: "subject", description: "what is excluded", requiredToAdd: true },
      { field: "reason", description: "why it is outside the scope", requiredToAdd: true },
    ],
    listColumns: ["subject", "reason"],
    exampleAdd: 'isms exclusions add --subject "Marketing website" --reason "Static site with no customer data"',
  });
}
