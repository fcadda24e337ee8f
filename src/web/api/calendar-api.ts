// Recording a planned activity as done, as the web app calls it. The answer's shape restates the server's
// ActivityCompletionAnswer (checked in web-registers.test.ts).
import { z } from "zod";
import { request } from "./client.js";

const activitySchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  owner: z.string().nullable(),
  due: z.string(),
  doneOn: z.string().nullable(),
  recurrenceMonths: z.number().nullable(),
});
export const completionAnswerSchema = z.object({ done: activitySchema, next: activitySchema.nullable(), evidence: z.array(z.string()) });

export const recordActivityDone = (workspace: string, id: string, input: { on: string; evidence: string[] }) =>
  request("POST", `/api/w/${encodeURIComponent(workspace)}/calendar/${encodeURIComponent(id)}/done`, completionAnswerSchema, input);
