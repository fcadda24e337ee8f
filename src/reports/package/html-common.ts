// What the package's HTML pages share: escaping text and inline JSON, relative links between package
// paths, display formats, and the page shell with its stylesheet and content security policy.
import { createHash } from "node:crypto";
import { posix } from "node:path";
import { IsmsError } from "../../domain/errors.js";
import type { PackagePeriod } from "./types.js";

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEscapes[char] ?? char);
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` become \u escapes, so no value
 * can close the block or open a comment; JSON.parse reads the escapes back as the same characters.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** The segments of a package path; refuses what could point outside the package or nowhere. */
function packageSegments(path: string, what: string): string[] {
  const segments = path.split("/");
  const bad = path === "" || path.startsWith("/") || path.includes("\\") || segments.some((s) => s === "." || s === "..");
  if (bad || segments.slice(0, -1).some((s) => s === "")) {
    throw new IsmsError(
      `The package index cannot link ${what} "${path}": a package path is relative, separated by "/", without "." or ".." or empty segments`,
      "This is a bug in the package builder; report it with the path",
    );
  }
  return segments;
}

/** A control's folder as "controls/A.5.15/" (with one trailing slash), checked like a file path. */
export function folderPath(folder: string): string {
  const trimmed = folder.replace(/\/+$/, "");
  packageSegments(trimmed, "the folder");
  return `${trimmed}/`;
}

/**
 * The href from a page in `fromFolder` ("" for the package root, "controls/A.5.15/") to the package
 * path `to`: relative, so it works from file:// URLs, each segment percent-encoded (spaces, #, %).
 */
export function packageHref(fromFolder: string, to: string): string {
  const target = packageSegments(to, "the file").join("/");
  const from = fromFolder === "" ? "" : folderPath(fromFolder);
  const relative = posix.relative(`/${from}`, `/${target}`);
  const trailing = to.endsWith("/") ? "/" : "";
  return (
    relative
      .split("/")
      .filter((segment) => segment !== "")
      .map((segment) => (segment === ".." ? segment : encodeURIComponent(segment)))
      .join("/") + trailing
  );
}

const acronyms = new Set(["aws", "soa", "iam", "mfa", "kms", "pdf", "xlsx", "csv", "json", "isms"]);

/** A code such as "not-applicable" or "aws-snapshot" as a label: "Not applicable", "AWS snapshot". */
export function humanize(code: string): string {
  const words = code
    .replace(/[-_]+/g, " ")
    .trim()
    .split(/\s+/)
    .map((word) => (acronyms.has(word) ? word.toUpperCase() : word))
    .join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An ISO 8601 timestamp as "2026-03-31 14:05 UTC"; text that is not one is shown as it is. */
export function formatTimestamp(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}T/.test(iso)) return iso;
  return `${new Date(time).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatPeriod(period: PackagePeriod): string {
  return period.start === period.end ? period.start : `${period.start} to ${period.end}`;
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** An escaped link to a package path, or the escaped text alone when there is no path. */
export function link(fromFolder: string, to: string | undefined, text: string): string {
  if (to === undefined) return escapeHtml(text);
  return `<a href="${escapeHtml(packageHref(fromFolder, to))}">${escapeHtml(text)}</a>`;
}

/** The verdict counts of checks as text: "12 pass · 1 fail", "" when there are none. */
export function checkCounts(checks: readonly { pass: number; fail: number; other: number }[]): { text: string; failing: boolean } {
  if (checks.length === 0) return { text: "", failing: false };
  const sum = (pick: (c: { pass: number; fail: number; other: number }) => number) => checks.reduce((n, c) => n + pick(c), 0);
  const [pass, fail, other] = [sum((c) => c.pass), sum((c) => c.fail), sum((c) => c.other)];
  const parts = [`${pass} pass`, `${fail} fail`, ...(other > 0 ? [`${other} other`] : [])];
  return { text: parts.join(" · "), failing: fail > 0 };
}

const styles = `
:root { color-scheme: light; --ink: #1d2430; --muted: #5b6577; --line: #d9dee7; --band: #f4f6f9; --accent: #1f5fa8; --fail: #a3261b; --pass: #22663a; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 20px 24px 40px; }
h1 { font-size: 22px; margin: 0 0 4px; font-weight: 600; }
h2 { font-size: 16px; margin: 28px 0 8px; font-weight: 600; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
p { margin: 6px 0; }
a { color: var(--accent); text-decoration: none; }
a:hover, a:focus { text-decoration: underline; }
code, .hash { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.muted { color: var(--muted); }
.lead { color: var(--muted); margin-bottom: 14px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; margin: 10px 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.verify { background: var(--band); border: 1px solid var(--line); border-radius: 4px; padding: 10px 12px; margin: 12px 0; }
.verify code { display: block; margin: 6px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
thead th { position: sticky; top: 0; background: var(--band); font-weight: 600; z-index: 1; box-shadow: inset 0 -1px 0 var(--line); }
tbody tr:hover { background: #fafbfd; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.nowrap { white-space: nowrap; }
.fail { color: var(--fail); font-weight: 600; }
.pass { color: var(--pass); }
.toolbar { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: center; margin: 8px 0 10px; }
.toolbar input[type="search"] { font: inherit; padding: 5px 8px; min-width: 320px; border: 1px solid var(--line); border-radius: 4px; }
.toolbar select { font: inherit; padding: 4px 6px; border: 1px solid var(--line); border-radius: 4px; }
.prose { white-space: pre-line; max-width: 80ch; }
ul.plain { margin: 4px 0; padding-left: 18px; }
footer { margin-top: 28px; color: var(--muted); font-size: 12px; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10.5px; }
  main { max-width: none; padding: 0; }
  h2 { margin-top: 14px; break-after: avoid; }
  .toolbar, .no-print { display: none; }
  thead th { position: static; }
  tr { break-inside: avoid; }
  a { color: inherit; }
}
`;

/** The inline script's hash for the content security policy, which allows that script and nothing else. */
function scriptSource(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

/**
 * A complete page: no external resources, a content security policy that loads nothing from anywhere
 * and runs only the given inline script, and `body` (already escaped HTML) inside <main>.
 */
export function htmlPage(page: { title: string; body: string; script?: string }): string {
  const scriptPolicy = page.script === undefined ? "'none'" : scriptSource(page.script);
  // Not escaped: the policy is fixed text and a base64 hash, and its single quotes are part of its syntax.
  const policy = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${scriptPolicy}; base-uri 'none'; form-action 'none'`;
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${styles}</style>`,
    "</head>",
    "<body>",
    "<main>",
    page.body,
    "</main>",
    ...(page.script === undefined ? [] : [`<script>${page.script}</script>`]),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
