import { describe, expect, it } from "vitest";
import { colourWanted, table } from "./output.js";

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe("CLI output", () => {
  it("uses colour on a terminal and never when NO_COLOR is set or output is piped", () => {
    expect(colourWanted(tty, {})).toBe(true);
    expect(colourWanted(tty, { NO_COLOR: "1" })).toBe(false);
    expect(colourWanted(pipe, {})).toBe(false);
    expect(colourWanted(tty, { TERM: "dumb" })).toBe(false);
  });

  it("aligns a table's columns under its header", () => {
    expect(table(["id", "title"], [["5.1", "Policies"], ["8.24", "Use of cryptography"]])).toBe(
      ["id    title", "5.1   Policies", "8.24  Use of cryptography"].join("\n"),
    );
  });
});
