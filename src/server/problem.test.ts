import { describe, expect, it } from "vitest";
import { IsmsError } from "../domain/errors.js";
import { problemOf, speaksCli } from "./problem.js";

describe("the problem document of a service's error", () => {
  it("keeps a hint a person can follow anywhere, and drops one that names a command or its flags", () => {
    expect(problemOf(new IsmsError("R-9 already exists", "Choose another id"), "/api/x").detail).toBe("R-9 already exists. Choose another id");
    expect(problemOf(new IsmsError("No risk R-9 in this workspace", "See them with: isms risk list"), "/api/x")).toMatchObject({ status: 404, detail: "No risk R-9 in this workspace" });
    expect(problemOf(new IsmsError("Nothing to provide for REQ-001", "Give --evidence E-012 or --file PATH"), "/api/x").detail).toBe("Nothing to provide for REQ-001");
  });

  it("tells a command line apart from words that only look like one", () => {
    expect(speaksCli("List them with: isms review list")).toBe(true);
    expect(speaksCli('Say why with --justification "…"')).toBe(true);
    expect(speaksCli("(--on) is a day")).toBe(true);
    expect(speaksCli("Ask the isms owner")).toBe(false);
    expect(speaksCli("a well-known e--mail")).toBe(false);
    expect(speaksCli("Choose another id")).toBe(false);
  });
});
