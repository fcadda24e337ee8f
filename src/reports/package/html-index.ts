// The package's index.html: what the package is and how to verify it, its documents, the Statement of
// Applicability with search and filters linking each control to its summary, and the sample requests.
import {
  checkCounts,
  escapeHtml,
  folderPath,
  formatPeriod,
  formatTimestamp,
  htmlPage,
  humanize,
  jsonForScript,
  link,
} from "./html-common.js";
import { manifestPath, publicKeyPath, signaturePath, type IndexedControl, type PackageIndexModel } from "./types.js";

/** The one page an auditor opens first; self-contained, so it works from file:// with no server. */
export function renderPackageIndex(model: PackageIndexModel): string {
  const company = model.header.workspace.company;
  const body = [headerSection(model), documentsSection(model), soaSection(model.controls), requestsSection(model), footer(model)].join("\n");
  return htmlPage({ title: `${company}: ${model.auditLabel} evidence package`, body, script: filterScript });
}

/** The path of a control's one-page summary, when the control has a folder. */
export function controlSummaryPath(control: IndexedControl): string | undefined {
  return control.folder === undefined ? undefined : `${folderPath(control.folder)}summary.html`;
}

function headerSection(model: PackageIndexModel): string {
  const { header } = model;
  const inPackage = model.controls.filter((c) => c.inScope);
  const files = inPackage.reduce((n, c) => n + c.files.length, 0);
  const contents = [
    plural(model.documents.length, "document"),
    `${plural(inPackage.length, "control")} with evidence (${plural(files, "file")})`,
    ...(model.requests.length > 0 ? [plural(model.requests.length, "sample request")] : []),
  ].join(", ");
  return `<header>
<p class="muted">Evidence package · ISO/IEC 27001:2022</p>
<h1>${escapeHtml(header.workspace.company)}: ${escapeHtml(model.auditLabel)}</h1>
<dl class="facts">
<dt>Organization</dt><dd>${escapeHtml(header.workspace.company)}</dd>
<dt>Audit</dt><dd>${escapeHtml(model.auditLabel)}</dd>
<dt>Period covered</dt><dd>${escapeHtml(formatPeriod(header.period))}</dd>
<dt>Generated</dt><dd>${time(header.generatedAt)} by ${escapeHtml(`${header.generator.name} ${header.generator.version}`)}, from the data as of that time</dd>
<dt>Contents</dt><dd>${escapeHtml(contents)}</dd>
<dt>Signing key</dt><dd>SHA-256 fingerprint <code id="key-fingerprint">${escapeHtml(model.keyFingerprint)}</code></dd>
</dl>
<div class="verify">
<strong>Verify the package before relying on it.</strong>
<p>${link("", manifestPath, manifestPath)} lists every file with its SHA-256, size, source, collection time and the period it covers;
${escapeHtml(signaturePath)} signs it with the Ed25519 key in ${link("", publicKeyPath, publicKeyPath)}. With OpenISMS installed, run:</p>
<code>isms package verify &lt;zip&gt; --key ${escapeHtml(publicKeyPath)}</code>
<p>It checks every hash and the signature and names each file changed, added or removed. Compare the key's fingerprint above
with the one ${escapeHtml(header.workspace.company)} gave you separately: the key inside the package proves only that nothing
changed after whoever holds it signed.</p>
</div>
</header>`;
}

function documentsSection(model: PackageIndexModel): string {
  if (model.documents.length === 0) return `<section id="documents">\n<h2>Documents</h2>\n<p class="muted">No documents in this package.</p>\n</section>`;
  const rows = model.documents.map(
    (d) =>
      `<tr><td>${link("", d.path, d.title)}</td><td class="nowrap">${escapeHtml(d.id)}</td><td>${escapeHtml(d.version ?? "")}</td><td>${escapeHtml(d.status === undefined ? "" : humanize(d.status))}</td></tr>`,
  );
  return `<section id="documents">
<h2>Documents</h2>
<table>
<thead><tr><th>Document</th><th>ID</th><th>Version</th><th>Status</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</section>`;
}

/** What the filter script knows of each control, in the order of the table's rows. */
function scriptRow(control: IndexedControl) {
  return {
    id: control.id,
    title: control.title,
    owner: control.owner ?? "",
    theme: control.theme,
    themeLabel: humanize(control.theme),
    applicability: humanize(control.applicability),
    status: control.status === undefined ? "" : humanize(control.status),
    inScope: control.inScope,
  };
}

function soaSection(controls: readonly IndexedControl[]): string {
  const themes = [...new Set(controls.map((c) => c.theme))];
  const themeOptions = themes.map((t) => `<option value="${escapeHtml(t)}">${escapeHtml(humanize(t))}</option>`);
  const total = plural(controls.length, "control");
  return `<section id="soa">
<h2>Statement of Applicability</h2>
<p class="lead">Every Annex A control with the decision on it. A control whose evidence is in this package links to its one-page summary.</p>
<div class="toolbar" id="toolbar" hidden>
<input type="search" id="search" placeholder="Search id, title, owner, theme, status" aria-label="Search controls" autocomplete="off">
<label>Theme <select id="theme"><option value="">All themes</option>${themeOptions.join("")}</select></label>
<label><input type="checkbox" id="in-package"> In this package only</label>
<span id="count" aria-live="polite">${controls.length} of ${total}</span>
</div>
<table id="controls">
<thead><tr><th>Control</th><th>Title</th><th>Theme</th><th>Applicability</th><th>Status</th><th>Owner</th><th class="num">Evidence files</th><th>Checks</th></tr></thead>
<tbody>
${controls.map(controlRow).join("\n")}
</tbody>
</table>
<p id="no-match" class="muted" hidden>No control matches the search and filters.</p>
<script type="application/json" id="controls-data">${jsonForScript(controls.map(scriptRow))}</script>
</section>`;
}

function controlRow(control: IndexedControl): string {
  const checks = checkCounts(control.checks);
  const cells = [
    `<td class="nowrap">${link("", controlSummaryPath(control), control.id)}</td>`,
    `<td>${escapeHtml(control.title)}</td>`,
    `<td>${escapeHtml(humanize(control.theme))}</td>`,
    `<td class="nowrap">${escapeHtml(humanize(control.applicability))}</td>`,
    `<td>${escapeHtml(control.status === undefined ? "" : humanize(control.status))}</td>`,
    `<td class="nowrap">${escapeHtml(control.owner ?? "")}</td>`,
    `<td class="num">${control.inScope ? control.files.length : `<span class="muted" title="Not in this package">–</span>`}</td>`,
    `<td class="nowrap${checks.failing ? " fail" : ""}">${escapeHtml(checks.text)}</td>`,
  ];
  return `<tr${control.inScope ? "" : ' class="muted"'}>${cells.join("")}</tr>`;
}

function requestsSection(model: PackageIndexModel): string {
  if (model.requests.length === 0) return "";
  const titles = new Map<string, string>([
    ...model.documents.map((d): [string, string] => [d.path, d.title]),
    ...model.controls.flatMap((c) => c.files.map((f): [string, string] => [f.path, f.title])),
  ]);
  const rows = model.requests.map((r) => {
    const files = r.files.map((path) => `<li>${link("", path, titles.get(path) ?? path)}</li>`);
    const answered = files.length > 0 ? `<ul class="plain">${files.join("")}</ul>` : `<span class="muted">No file yet</span>`;
    return `<tr><td class="nowrap">${escapeHtml(r.id)}</td><td>${escapeHtml(r.topic)}</td><td>${escapeHtml(r.question)}</td><td>${escapeHtml(r.item)}</td><td>${escapeHtml(humanize(r.status))}</td><td>${answered}</td></tr>`;
  });
  return `<section id="requests">
<h2>Sample requests</h2>
<p class="lead">What the auditor's sample asks for, and the files in this package that answer each request.</p>
<table>
<thead><tr><th>Request</th><th>Topic</th><th>Question</th><th>Item</th><th>Status</th><th>Evidence</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</section>`;
}

function footer(model: PackageIndexModel): string {
  const { workspace, generator } = model.header;
  return `<footer>${escapeHtml(`${workspace.name} (${workspace.id}) · ${generator.name} ${generator.version} · data as of `)}${time(model.header.generatedAt)}</footer>`;
}

function time(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatTimestamp(iso))}</time>`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Filters the SoA rows as the auditor types or picks; every word must match, case-insensitive. */
const filterScript = `(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("controls-data").textContent);
  var rows = document.querySelectorAll("#controls tbody tr");
  var search = document.getElementById("search");
  var theme = document.getElementById("theme");
  var inPackage = document.getElementById("in-package");
  var count = document.getElementById("count");
  var noMatch = document.getElementById("no-match");
  var haystacks = data.map(function (c) {
    return [c.id, c.title, c.owner, c.theme, c.themeLabel, c.applicability, c.status].join("\\n").toLowerCase();
  });
  function apply() {
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var c = data[i];
      var match = (!theme.value || c.theme === theme.value) && (!inPackage.checked || c.inScope) &&
        words.every(function (w) { return haystacks[i].indexOf(w) !== -1; });
      rows[i].hidden = !match;
      if (match) shown++;
    }
    count.textContent = shown + " of " + data.length + (data.length === 1 ? " control" : " controls");
    noMatch.hidden = shown !== 0;
  }
  search.addEventListener("input", apply);
  theme.addEventListener("change", apply);
  inPackage.addEventListener("change", apply);
  document.getElementById("toolbar").hidden = false;
  apply();
})();`;
