// `isms account …`: the accounts that sign in to the web app and their roles in a workspace — the setup
// link of the first administrator, invitations, members, role changes and removal (A.5.15–A.5.18).
import type { Command } from "commander";
import { reissueInvitation } from "../app/accounts/invitations.js";
import { addMember, changeRole, listMembers, removeMember, type Member } from "../app/accounts/members.js";
import { ensureSetupLink } from "../app/accounts/setup.js";
import { resolveWorkspace } from "../app/workspaces.js";
import { roles, type Role } from "../domain/access/permissions.js";
import { IsmsError } from "../domain/errors.js";
import { globalOptions, withIsms } from "./context.js";
import { table } from "./output.js";
import { UsageError, withExamples } from "./usage.js";

const actor = "cli";
const defaultUrl = "http://127.0.0.1:8080";

function roleFlag(text: string): Role {
  const found = roles.find((r) => r === text.trim().toLowerCase());
  if (!found) throw new UsageError(`--role: "${text}" is not a role; use one of ${roles.join(", ")}`);
  return found;
}

function baseUrl(text: string): string {
  try {
    return new URL(text).origin;
  } catch {
    throw new UsageError(`--url: "${text}" is not a URL; give where isms serve answers, e.g. ${defaultUrl}`);
  }
}

const linkLine = (url: string, path: string, link: { token: string; expiresAt: Date }) =>
  `${url}/${path}#token=${link.token}  (one use, until ${link.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC)`;

function memberRow(m: Member): string[] {
  const status = m.disabled ? "disabled" : m.pending ? "invited" : "active";
  return [m.email, m.name, m.role, m.personId ?? "", m.auditId ?? "", status];
}

export function registerAccountCommands(program: Command): void {
  const group = program.command("account").description("accounts that sign in to the web app, and their role in a workspace (administrator, editor, control-owner, auditor, viewer)");

  const setupLink = group
    .command("setup-link")
    .description("a one-time link: the first administrator's while there is none, or with --email a new link for an account to set its password")
    .option("--email <email>", "the account that lost its invitation or its password")
    .option("--url <url>", "where isms serve answers", defaultUrl)
    .action(async (options: { email?: string; url: string }, cmd: Command) => {
      const url = baseUrl(options.url);
      await withIsms(cmd, async (isms, output) => {
        if (options.email) {
          const email = options.email;
          const { account, invitation } = await isms.db.transaction((tx) => reissueInvitation(tx, email, { actor }));
          const link = linkLine(url, "invitation", invitation);
          output.data({ email: account.email, link: `${url}/invitation#token=${invitation.token}`, expiresAt: invitation.expiresAt }, () => `Give this link to ${account.email}; it sets a new password and ends their sessions:\n  ${link}`);
          return;
        }
        const link = await ensureSetupLink(isms.db, { actor });
        if (!link) {
          throw new IsmsError("The first administrator exists already", "Add accounts with: isms account add --email E --name N --role R; or give one a new link with: isms account setup-link --email E");
        }
        output.data({ link: `${url}/setup#token=${link.token}`, expiresAt: link.expiresAt }, () => `Open this link once to create the first administrator (earlier links stop working):\n  ${linkLine(url, "setup", link)}`);
      });
    });
  withExamples(setupLink, "isms account setup-link", "isms account setup-link --email mia@acme.example --url https://isms.acme.example");

  const add = group
    .command("add")
    .description("give an account a role in the workspace; a new account gets a one-time invitation link to set its password")
    .requiredOption("--email <email>", "the person's email (their sign-in name)")
    .requiredOption("--name <name>", "the person's name")
    .requiredOption("--role <role>", `one of ${roles.join(", ")}`, roleFlag)
    .option("--person <id>", "their person in the people register (what a control owner owns)")
    .option("--audit <id>", "for an auditor: the audit whose scope and period they see")
    .option("--url <url>", "where isms serve answers", defaultUrl)
    .action(async (options: { email: string; name: string; role: Role; person?: string; audit?: string; url: string }, cmd: Command) => {
      const url = baseUrl(options.url);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const input = { email: options.email, name: options.name, role: options.role, personId: options.person, auditId: options.audit };
        const { member, invitation } = await isms.db.transaction((tx) => addMember(tx, ws, input, { actor }));
        output.data({ member, invitation: invitation ? { link: `${url}/invitation#token=${invitation.token}`, expiresAt: invitation.expiresAt } : null }, () =>
          [
            `${member.email} is now ${member.role} of ${ws.slug}.`,
            ...(invitation ? [`Give them this link to set their password:`, `  ${linkLine(url, "invitation", invitation)}`] : []),
          ].join("\n"),
        );
      });
    });
  withExamples(add, "isms account add --email mia@acme.example --name 'Mia Chen' --role editor", "isms account add --email auditor@cb.example --name 'Ann Auditor' --role auditor --audit AUD-002");

  const list = group
    .command("list")
    .description("the workspace's members and their roles")
    .action(async (_options: object, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const members = await listMembers(isms.db, ws);
        output.data(members, () => (members.length ? table(["EMAIL", "NAME", "ROLE", "PERSON", "AUDIT", "STATUS"], members.map(memberRow)) : `${ws.slug} has no members yet; add one with: isms account add`));
      });
    });
  withExamples(list, "isms account list", "isms account list --json");

  const role = group
    .command("role <email> <role>")
    .description("change a member's role (the workspace keeps at least one administrator)")
    .option("--person <id>", "their person in the people register")
    .option("--audit <id>", "for an auditor: the audit whose scope and period they see")
    .action(async (email: string, roleText: string, options: { person?: string; audit?: string }, cmd: Command) => {
      const change = { role: roleFlag(roleText), personId: options.person, auditId: options.audit };
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const member = await isms.db.transaction((tx) => changeRole(tx, ws, email, change, { actor }));
        output.data(member, () => `${member.email} is now ${member.role} of ${ws.slug}.`);
      });
    });
  withExamples(role, "isms account role mia@acme.example administrator", "isms account role sam@acme.example control-owner --person P-004");

  const remove = group
    .command("remove <email>")
    .description("remove a member from the workspace (the account stays, for its other workspaces)")
    .action(async (email: string, _options: object, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const member = await isms.db.transaction((tx) => removeMember(tx, ws, email, { actor }));
        output.data(member, () => `${member.email} is no longer a member of ${ws.slug}.`);
      });
    });
  withExamples(remove, "isms account remove mia@acme.example");
}
