// The people register's writes as the web app calls them: add a joiner, change a person (a leaving day
// marks a leaver). The answer's shape restates the server's StoredPerson (checked in web-people.test.ts).
import { z } from "zod";
import { request } from "./client.js";

export const ismsRoleNames = ["top-management", "isms-owner", "risk-owner", "control-owner", "internal-auditor"] as const;

export const storedPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  ismsRoles: z.array(z.string()),
});
export type StoredPerson = z.infer<typeof storedPersonSchema>;
export const personAnswerSchema = z.object({ person: storedPersonSchema });

export interface NewPerson {
  name: string;
  email?: string | null;
  role?: string | null;
  startDate?: string | null;
  ismsRoles?: string[];
}

const people = (workspace: string) => `/api/w/${encodeURIComponent(workspace)}/people`;

export const addPerson = (workspace: string, person: NewPerson) => request("POST", people(workspace), personAnswerSchema, person);
export const changePerson = (workspace: string, id: string, changes: Partial<NewPerson> & { endDate?: string | null }) =>
  request("PATCH", `${people(workspace)}/${encodeURIComponent(id)}`, personAnswerSchema, changes);
