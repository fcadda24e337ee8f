// The training course catalogue as the web app reads it (7.2, 7.3), in the shape of
// src/server/routes/people-schemas.ts: what the course picker of a completion offers.
import { z } from "zod";
import { request } from "./client.js";

export const trainingCourseSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  description: z.string().nullable(),
  validityMonths: z.number().nullable(),
});
export type TrainingCourse = z.infer<typeof trainingCourseSchema>;
export const courseListSchema = z.object({ courses: z.array(trainingCourseSchema) });

export const fetchTrainingCourses = (ws: string) => request("GET", `/api/w/${encodeURIComponent(ws)}/training/courses`, courseListSchema);
