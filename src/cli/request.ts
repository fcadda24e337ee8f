// `isms request …`: the auditor's request list — list it, show one request with its evidence, provide
// evidence or a file for one, and record that the auditor accepted it.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, extname } from "node:path";
import type { Command } from "commander";
import { findEvidenceRecords } from "../app/evidence-files.js";
import { acceptEvidenceRequest, answerOf, getEvidenceRequest, listEvidenceRequests, provideEvidence, type EvidenceRequest } from "../app/evidence-requests.js";
import { getSample, kindSummaries } from "../app/sample.js";
import { resolveWorkspace } from "../app/workspaces.js";
import type { Period } from "../domain/sample/index.js";
import { parsePeriodFlag } from "./period.js";
import { createBlobStore, resolveEvidenceRoot } from "../evidence/blobs.js";
import { requestListCsv, requestListWorkbook, type RequestListHeader } from "../reports/request-list.js";
import { globalOptions, withIsms } from "./context.js";
import { table } from "./output.js";
import { UsageError, withExamples } from "./usage.js";

/** The request list as the terminal shows it. */
export function requestTable(requests: readonly EvidenceRequest[]): string {
  return table(
    ["id", "topic", "item", "status", "evidence"],
    requests.map((r) => [r.id, r.topic, r.item, r.status, answerOf(r) || "—"]),
  );
}

/** A request list file is .csv or .xlsx; anything else is a usage error before anything runs. */
export function checkListFile(path: string): void {
  const format = extname(path).toLowerCase();
  if (format !== ".csv" && format !== ".xlsx") throw new UsageError(`--out: give a .csv or .xlsx file, not "${path}"`);
}

export async function writeRequestList(path: string, requests: readonly EvidenceRequest[], about: RequestListHeader): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, extname(path).toLowerCase() === ".xlsx" ? await requestListWorkbook(requests, about) : requestListCsv(requests, about.kinds));
}

const list = (text: string) => text.split(",").map((s) => s.trim()).filter(Boolean);

export function registerRequestCommands(program: Command): void {
  const group = program.command("request").description("the auditor's evidence requests (the \"provided by client\" list) and the evidence that answers each");
  registerList(group);
  registerShow(group);
  registerProvide(group);
  registerAccept(group);
}

function registerList(group: Command): void {
  const command = group
    .command("list")
    .description("list the requests by id, with their status and the evidence that answers each")
    .option("--sample <id>", "only the requests of this sample (S-001)")
    .option("--open", "only the requests still open")
    .option("--out <file>", "also write the list: .csv or .xlsx")
    .action(async (flags: { sample?: string; open?: boolean; out?: string }, cmd: Command) => {
      if (flags.out) checkListFile(flags.out);
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const sample = flags.sample ? await getSample(isms.db, ws, flags.sample) : undefined;
        const requests = await listEvidenceRequests(isms.db, ws, { sampleId: sample?.id, open: flags.open });
        if (flags.out) {
          const facts: [string, string][] = sample ? [["Sample", sample.id], ["Audit", sample.audit], ["Seed", sample.seed], ["Period", `${sample.periodStart} to ${sample.periodEnd}`]] : [];
          await writeRequestList(flags.out, requests, { title: sample ? `Evidence requests of sample ${sample.id}` : "Evidence requests", facts, kinds: sample ? kindSummaries(sample) : [] });
        }
        const answered = requests.filter((r) => r.status !== "open").length;
        output.data(requests, () => {
          if (requests.length === 0) return flags.open ? "No open requests." : "No evidence requests yet. Draw a sample with: isms sample --audit stage2 --seed <seed>";
          return [requestTable(requests), "", `${answered} of ${requests.length} answered.`, ...(flags.out ? [`Wrote the request list to ${flags.out}.`] : [])].join("\n");
        });
      });
    });
  withExamples(command, "isms request list", "isms request list --sample S-001 --open", "isms request list --sample S-001 --out requests.xlsx");
}

function registerShow(group: Command): void {
  const command = group
    .command("show <request>")
    .description("show a request: what is asked, about which item, its status and the evidence and records that answer it")
    .action(async (id: string, _flags: unknown, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const request = await getEvidenceRequest(isms.db, ws, id);
        const evidence = await findEvidenceRecords(isms.db, ws, request.evidenceIds);
        output.data({ ...request, evidence }, () =>
          [
            `${request.id}  ${request.status}${request.sampleId ? `  (sample ${request.sampleId})` : ""}`,
            `Item:      ${request.item}`,
            `Question:  ${request.question}`,
            `Controls:  ${request.controlIds.map((c) => `A.${c}`).join(", ") || "—"}`,
            `Requested: ${request.requestedOn}${request.providedOn ? `; provided ${request.providedOn}${request.providedBy ? ` by ${request.providedBy}` : ""}` : ""}`,
            ...(request.note ? [`Note:      ${request.note}`] : []),
            "",
            evidence.length ? table(["evidence", "kind", "collected", "title"], evidence.map((e) => [e.id, e.kind, e.collectedAt.toISOString().slice(0, 10), e.title ?? ""])) : "No evidence yet.",
            ...(request.records.length ? ["", `Records: ${request.records.map((r) => `${r.register} ${r.id}`).join(", ")}`] : []),
          ].join("\n"),
        );
      });
    });
  withExamples(command, "isms request show REQ-004");
}

interface ProvideFlags {
  evidence?: string;
  file?: string;
  title?: string;
  period?: Period;
  by: string;
  note?: string;
}

function registerProvide(group: Command): void {
  const command = group
    .command("provide <request>")
    .description("answer a request with evidence already recorded (--evidence) or a file to attach (--file); it becomes provided")
    .option("--evidence <ids>", "evidence ids, comma-separated: E-012,E-013 (see isms evidence list)")
    .option("--file <path>", "a file to attach as evidence for the request's controls")
    .option("--title <title>", "the attached file's title (default: the request and the file name)")
    .option("--period <from..to>", "the days the attached file covers, FROM..TO", (text: string) => parsePeriodFlag(text))
    .requiredOption("--by <person>", "who provides it: a person's id, name or email")
    .option("--note <text>", "a note for the auditor")
    .action(async (id: string, flags: ProvideFlags, cmd: Command) => {
      const evidenceIds = flags.evidence === undefined ? [] : list(flags.evidence);
      if (flags.evidence !== undefined && evidenceIds.length === 0) throw new UsageError("--evidence: give evidence ids, e.g. --evidence E-012,E-013");
      if (evidenceIds.length === 0 && flags.file === undefined) throw new UsageError("Give --evidence E-012[,E-013] or --file PATH: what answers the request");
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const blobs = flags.file === undefined ? null : createBlobStore(resolveEvidenceRoot(isms));
        const file = flags.file === undefined ? undefined : { path: flags.file, title: flags.title, period: flags.period };
        const { request, attached } = await isms.db.transaction((tx) => provideEvidence(tx, ws, blobs, id, { evidenceIds, file, by: flags.by, note: flags.note }, { actor: "cli" }));
        output.data({ request, attached }, () =>
          [
            ...(attached ? [`Attached ${flags.file ?? ""} as ${attached.id} (sha256 ${attached.sha256}).`] : []),
            `${request.id} is provided: ${answerOf(request)}.`,
          ].join("\n"),
        );
      });
    });
  withExamples(command, "isms request provide REQ-004 --evidence E-012,E-013 --by P-002", "isms request provide REQ-007 --file restore-test-2026-02.pdf --by 'Platform Engineering Lead' --note 'Q1 restore of orders-db'");
}

function registerAccept(group: Command): void {
  const command = group
    .command("accept <request>")
    .description("record that the auditor accepted what was provided for a request")
    .option("--note <text>", "the auditor's remark")
    .action(async (id: string, flags: { note?: string }, cmd: Command) => {
      await withIsms(cmd, async (isms, output) => {
        const ws = await resolveWorkspace(isms.db, globalOptions(cmd).workspace);
        const request = await isms.db.transaction((tx) => acceptEvidenceRequest(tx, ws, id, { note: flags.note }, { actor: "cli" }));
        output.data(request, () => `${request.id} is accepted.`);
      });
    });
  withExamples(command, "isms request accept REQ-004", "isms request accept REQ-004 --note 'seen in the walkthrough'");
}
