import { describe, expect, it } from "vitest";
import { createProgress, renderBar } from "./progress.js";
import type { ProgressStream } from "./progress.js";

function stream(isTTY: boolean): { written: string[]; stream: ProgressStream } {
  const written: string[] = [];
  return { written, stream: { isTTY, columns: 80, write: (text: string) => written.push(text) } };
}

describe("collection progress", () => {
  it("draws a bar of done over total", () => {
    expect(renderBar({ done: 50, total: 100, note: "· 2 accounts" })).toBe(`[${"#".repeat(14)}${"-".repeat(14)}] 50/100 requests · 2 accounts`);
    expect(renderBar({ done: 0, total: 0, note: "" })).toBe(`[${"-".repeat(28)}] 0/0 requests`);
  });

  it("redraws one line in place on a terminal and clears it at the end", () => {
    let now = 0;
    const out = stream(true);
    const progress = createProgress({ stream: out.stream, enabled: true, label: "collecting", now: () => now });
    progress.update({ done: 1, total: 10, note: "" });
    now = 50;
    progress.update({ done: 2, total: 10, note: "" }); // too soon: not drawn
    now = 200;
    progress.update({ done: 3, total: 10, note: "" });
    progress.finish();
    expect(out.written).toHaveLength(3);
    for (const text of out.written) expect(text.startsWith("\r")).toBe(true);
    expect(out.written[1]).toContain("3/10 requests");
    expect(out.written.join("")).not.toContain("\n");
  });

  it("prints plain lines every few seconds and a last one when not on a terminal", () => {
    let now = 0;
    const out = stream(false);
    const progress = createProgress({ stream: out.stream, enabled: true, label: "collecting", now: () => now });
    progress.update({ done: 1, total: 10, note: "" });
    now = 6_000;
    progress.update({ done: 5, total: 10, note: "· 1 account" });
    now = 7_000;
    progress.update({ done: 10, total: 10, note: "· 1 account" });
    progress.finish();
    expect(out.written).toEqual(["collecting 5/10 requests · 1 account\n", "collecting 10/10 requests · 1 account\n"]);
  });

  it("prints nothing when disabled (--json or --no-progress)", () => {
    const out = stream(true);
    const progress = createProgress({ stream: out.stream, enabled: false, label: "collecting" });
    progress.update({ done: 1, total: 1, note: "" });
    progress.finish();
    expect(out.written).toEqual([]);
  });
});
