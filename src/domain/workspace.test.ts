import { describe, expect, it } from "vitest";
import { newWorkspace, slugFromName } from "./workspace.js";

describe("workspace", () => {
  it("derives a slug a URL and a folder can carry from the workspace's name", () => {
    expect(slugFromName("Acme Cloud ISMS")).toBe("acme-cloud-isms");
    expect(slugFromName("  Société Générale — Paris  ")).toBe("societe-generale-paris");
    expect(slugFromName("!!!")).toBe("isms");
  });

  it("refuses a slug with capitals or spaces and says what a slug may hold", () => {
    const result = newWorkspace.safeParse({ slug: "Acme ISMS", name: "x", companyName: "y", template: "blank" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("lowercase letters");
  });

  it("refuses a template it does not know", () => {
    const result = newWorkspace.safeParse({ slug: "acme", name: "x", companyName: "y", template: "pci" });
    expect(result.success).toBe(false);
  });
});
