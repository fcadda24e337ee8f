// A control's one-page summary.html in its package folder: the SoA decision, who owns the control and
// how it operates, the risks it treats, its automated checks and its evidence files with their hashes.
import { IsmsError } from "../../domain/errors.js";
import {
  checkCounts,
  escapeHtml,
  folderPath,
  formatBytes,
  formatPeriod,
  formatTimestamp,
  htmlPage,
  humanize,
  link,
  packageHref,
} from "./html-common.js";
import type { IndexedControl, IndexedFile, PackageIndexModel } from "./types.js";

/** The summary written at `<control.folder>summary.html`; its links are relative to that folder. */
export function renderControlSummary(control: IndexedControl, model: PackageIndexModel): string {
  if (control.folder === undefined) {
    throw new IsmsError(
      `Control ${control.id} has no folder in the package, so it has no summary page`,
      "Write summaries only for the controls whose evidence is in the package (those with a folder)",
    );
  }
  const folder = folderPath(control.folder);
  const { header } = model;
  const context = [header.workspace.company, model.auditLabel, `period ${formatPeriod(header.period)}`].join(" · ");
  const body = [
    `<nav class="no-print"><a href="${escapeHtml(packageHref(folder, "index.html"))}">← Package index</a></nav>`,
    `<p class="muted">${escapeHtml(context)}</p>`,
    `<h1>${escapeHtml(`${control.id} ${control.title}`)}</h1>`,
    facts(control),
    operation(control),
    risks(control),
    checks(control),
    evidence(folder, control.files),
    `<footer>${escapeHtml(`${header.generator.name} ${header.generator.version} · data as of ${formatTimestamp(header.generatedAt)} · the SHA-256 of every file is in manifest.json, signed with the package's key`)}</footer>`,
  ];
  return htmlPage({ title: `${control.id} ${control.title}: ${header.workspace.company}`, body: body.join("\n") });
}

function facts(control: IndexedControl): string {
  const rows: [string, string][] = [
    ["Theme", humanize(control.theme)],
    ["SoA decision", humanize(control.applicability)],
    ["Implementation", control.status === undefined ? "Not assessed" : humanize(control.status)],
    ["Owner", control.owner ?? "No owner assigned"],
  ];
  const items = rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`);
  if (control.justification) items.push(`<dt>Justification</dt><dd class="prose">${escapeHtml(control.justification)}</dd>`);
  return `<dl class="facts">\n${items.join("\n")}\n</dl>`;
}

function operation(control: IndexedControl): string {
  const text = control.implementation
    ? `<p class="prose">${escapeHtml(control.implementation)}</p>`
    : `<p class="muted">The Statement of Applicability does not describe how this control operates.</p>`;
  return `<h2>How it operates</h2>\n${text}`;
}

function risks(control: IndexedControl): string {
  const list =
    control.risks.length > 0
      ? `<ul class="plain">${control.risks.map((r) => `<li>${escapeHtml(r)}</li>`).join("")}</ul>`
      : `<p class="muted">No risk in the register is treated by this control.</p>`;
  return `<h2>Risks treated</h2>\n${list}`;
}

function checks(control: IndexedControl): string {
  if (control.checks.length === 0) return `<h2>Automated checks</h2>\n<p class="muted">No automated check covers this control.</p>`;
  const total = checkCounts(control.checks);
  const rows = control.checks.map(
    (c) =>
      `<tr><td class="nowrap"><code>${escapeHtml(c.id)}</code></td><td>${escapeHtml(c.title)}</td><td class="num pass">${c.pass}</td><td class="num${c.fail > 0 ? " fail" : ""}">${c.fail}</td><td class="num">${c.other}</td></tr>`,
  );
  return `<h2>Automated checks</h2>
<p${total.failing ? ' class="fail"' : ""}>Latest verdicts: ${escapeHtml(total.text)}</p>
<table>
<thead><tr><th>Check</th><th>What it tests</th><th class="num">Pass</th><th class="num">Fail</th><th class="num">Other</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

function evidence(folder: string, files: readonly IndexedFile[]): string {
  if (files.length === 0) return `<h2>Evidence</h2>\n<p class="muted">No evidence file for this control in the package's period.</p>`;
  const rows = files.map((f) => {
    const cells = [
      `<td>${link(folder, f.path, f.title)}</td>`,
      `<td class="nowrap">${escapeHtml(humanize(f.kind))}</td>`,
      `<td class="nowrap">${f.collectedAt === undefined ? "" : `<time datetime="${escapeHtml(f.collectedAt)}">${escapeHtml(formatTimestamp(f.collectedAt))}</time>`}</td>`,
      `<td class="nowrap">${escapeHtml(f.period === undefined ? "" : formatPeriod(f.period))}</td>`,
      `<td class="num nowrap">${escapeHtml(formatBytes(f.size))}</td>`,
      `<td><span class="hash" title="${escapeHtml(f.sha256)}">${escapeHtml(f.sha256.slice(0, 12))}</span></td>`,
    ];
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<h2>Evidence</h2>
<table>
<thead><tr><th>File</th><th>Kind</th><th>Collected</th><th>Period</th><th class="num">Size</th><th>SHA-256</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}
