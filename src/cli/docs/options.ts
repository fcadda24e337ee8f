// Options the docs commands share: lists of clauses and controls, review months, and reading a text file.
import { readFile } from "node:fs/promises";
import { isControlId } from "../../catalog/annex-a.js";
import { findClause } from "../../catalog/clauses.js";
import { IsmsError } from "../../domain/errors.js";
import { UsageError } from "../usage.js";
import { isCalendarDay } from "../../domain/risk/calendar.js";

const split = (text: string) => text.split(",").map((s) => s.trim()).filter(Boolean);

export function clausesOption(text: string): string[] {
  return split(text).map((c) => {
    if (findClause(c)?.id !== c) throw new UsageError(`--clauses: "${c}" is not a clause of ISO/IEC 27001 (write 4.3, 6.1.2, 9.2.2)`);
    return c;
  });
}

export function controlsOption(text: string): string[] {
  return split(text).map((raw) => {
    const c = raw.replace(/^A\./i, "");
    if (!isControlId(c)) throw new UsageError(`--controls: "${raw}" is not an Annex A control (write 5.15 or A.5.15)`);
    return c;
  });
}

export function monthsOption(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 36) throw new UsageError(`--review-months: "${text}" is not a whole number of months from 1 to 36`);
  return n;
}

export function dayOption(flag: string, text: string): string {
  if (!isCalendarDay(text)) throw new UsageError(`${flag}: "${text}" is not a date; write it as YYYY-MM-DD`);
  return text;
}

/** The text of a Markdown file given with --file. */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error && error.code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    throw new IsmsError(`--file ${path}: cannot read it (${reason})`, "Give the path of a Markdown file");
  }
}
