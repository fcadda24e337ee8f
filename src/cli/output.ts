// How the CLI prints: JSON for machines (--json), aligned text for people, colour only on a TTY
// and never when NO_COLOR is set.
import { styleText } from "node:util";

type Style = "bold" | "dim" | "red" | "green" | "yellow" | "cyan";

export interface Output {
  readonly json: boolean;
  /** Prints `value` as JSON with --json, otherwise the text `human` renders. */
  data(value: unknown, human: () => string): void;
  /** A line for people only (suppressed with --json). */
  line(text?: string): void;
  style(style: Style, text: string): string;
  error(message: string): void;
}

export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

export function createOutput(options: { json: boolean }): Output {
  const colourOut = colourWanted(process.stdout);
  const colourErr = colourWanted(process.stderr);
  const paint = (on: boolean, style: Style, text: string) => (on ? styleText(style, text) : text);
  return {
    json: options.json,
    data(value, human) {
      process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
    },
    line(text = "") {
      if (!options.json) process.stdout.write(`${text}\n`);
    },
    style: (style, text) => paint(colourOut, style, text),
    error(message) {
      process.stderr.write(`${paint(colourErr, "red", "error:")} ${message}\n`);
    },
  };
}

/** Renders rows as left-aligned columns under a header; the last column is not padded. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [render(header), ...rows.map(render)].join("\n");
}
