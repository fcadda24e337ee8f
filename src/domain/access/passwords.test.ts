import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashNewPassword, hashPassword, needsRehash, passwordWeakness, verifyPassword } from "./passwords.js";

const passphrase = "correct horse battery staple";

describe("password hashing", () => {
  it("stores scrypt with its parameters, a random salt and the hash, and verifies only the same password", async () => {
    const stored = await hashPassword(passphrase);
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword(passphrase, stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", stored)).toBe(false);
    expect(await verifyPassword(`${passphrase} `, stored)).toBe(false);
    expect(await hashPassword(passphrase)).not.toBe(stored);
  });

  it("accepts the same passphrase however its accents were composed", async () => {
    const composed = "café au lait sur la terrasse";
    const stored = await hashPassword(composed);
    expect(await verifyPassword(composed.normalize("NFD"), stored)).toBe(true);
  });

  it("verifies a hash made with stronger parameters, and asks for a rehash of one made with weaker", async () => {
    const stronger = await hashPassword(passphrase, { N: 2 ** 16, r: 8, p: 1 });
    expect(stronger.startsWith("scrypt$65536$8$1$")).toBe(true);
    expect(await verifyPassword(passphrase, stronger)).toBe(true);
    expect(needsRehash(stronger)).toBe(false);
    expect(needsRehash(stronger, { N: 2 ** 17, r: 8, p: 1 })).toBe(true);
    // An older, weaker hash still verifies (so its owner can sign in) and is flagged for rehashing.
    const salt = Buffer.alloc(16, 1).toString("base64url");
    const weak = `scrypt$16384$8$1$${salt}$${scryptSync(passphrase, Buffer.alloc(16, 1), 32, { N: 2 ** 14, r: 8, p: 1 }).toString("base64url")}`;
    expect(await verifyPassword(passphrase, weak)).toBe(true);
    expect(needsRehash(weak)).toBe(true);
  });

  it("refuses to make a new hash with parameters below N=2^15, r=8, p=1", async () => {
    await expect(hashPassword(passphrase, { N: 2 ** 14, r: 8, p: 1 })).rejects.toThrow("scrypt parameters N=16384, r=8, p=1 are weaker than N=2^15, r=8, p=1. Raise them; never lower them");
  });

  it("refuses a stored hash that is not in its form, rather than matching anything", async () => {
    for (const stored of ["", "plain-text-password", "bcrypt$10$abc", "scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA"]) {
      await expect(verifyPassword(passphrase, stored), stored).rejects.toThrow(/not in the form scrypt\$N\$r\$p\$salt\$hash\. Set a new password/);
    }
  });
});

describe("new passwords", () => {
  it("accepts a long passphrase", async () => {
    expect(passwordWeakness(passphrase)).toBeUndefined();
    expect(await verifyPassword(passphrase, await hashNewPassword(passphrase))).toBe(true);
  });

  it("refuses a short password, saying how long and what to do instead", async () => {
    expect(passwordWeakness("Tr0ub4dor&3")).toBe("use at least 12 characters (this one has 11); a passphrase of four or more unrelated words is long and easy to remember");
    await expect(hashNewPassword("Tr0ub4dor&3")).rejects.toThrow(/^password: use at least 12 characters/);
  });

  it("counts characters, not bytes", () => {
    expect(passwordWeakness("ключ-от-двери")).toBeUndefined();
    expect(passwordWeakness("🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑")).toMatch(/this one has 11/);
  });

  it("refuses what attackers try first: common passwords, runs, repeats", () => {
    for (const weak of ["Password1234", "123456789012", "abcdefghijklmn", "zyxwvutsrqpo", "aaaaaaaaaaaaaaaa", "abababababab"]) {
      expect(passwordWeakness(weak), weak).toMatch(/attackers try first|repeats one or two characters/);
    }
  });

  it("refuses a password built on the account's email, name or workspace", () => {
    expect(passwordWeakness("Lopez-is-my-password!", { email: "ana.lopez@acme.example", name: "Ana López" })).toBe(
      'it contains "lopez" from your email, which an attacker would try first; a passphrase of four or more unrelated words is long and easy to remember',
    );
    expect(passwordWeakness("acmecloud-2026!", { workspace: "acmecloud" })).toMatch(/"acmecloud" from your workspace/);
  });

  it("refuses an unreasonably long password", () => {
    expect(passwordWeakness("x".repeat(100) + "y".repeat(200))).toBe("use at most 256 characters (this one has 300)");
  });
});
