import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword, weakPasswordProblem } from "./password";

/** A hash as earlier versions made it: scrypt N=2^15, r=8, p=1. */
function legacyScrypt(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ["scrypt", 2 ** 15, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}

describe("password hashing", () => {
  it("verifies the right password and rejects others", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("uses Argon2id at OWASP's setting with a random salt", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toContain("same password");
    expect(needsRehash(a)).toBe(false);
  });

  it("still verifies the scrypt hashes of earlier versions, and marks them for replacing", async () => {
    const old = legacyScrypt("an older password");
    expect(await verifyPassword("an older password", old)).toBe(true);
    expect(await verifyPassword("another password", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA")).toBe(true);
  });

  it("treats equivalent Unicode spellings as the same password", async () => {
    const hash = await hashPassword("café au lait");
    expect(await verifyPassword("cafe\u0301 au lait", hash)).toBe(true);
  });

  it("rejects malformed stored hashes, and scrypt settings no version used, instead of throwing", async () => {
    for (const stored of [
      "",
      "plain",
      "bcrypt$x$y",
      "scrypt$abc$8$1$c2FsdA$a2V5",
      "scrypt$16384$8$1$$",
      "scrypt$1073741824$8$1$c2FsdA$a2V5",
      "$argon2id$v=19$m=19456,t=2,p=1$broken",
    ]) {
      expect(await verifyPassword("anything", stored)).toBe(false);
    }
  });

  it("the dummy check always fails", async () => {
    expect(await verifyAgainstDummy("anything")).toBe(false);
  });
});

describe("weak passwords", () => {
  it("refuses the most common ones, in any case, and ones made of the person's own details", () => {
    for (const password of ["password1234", "Password1234", "qwertyuiop", "1234567890", "1q2w3e4r5t"]) {
      expect(weakPasswordProblem(password), password).toMatch(/most common/);
    }
    expect(weakPasswordProblem("wendy.writer@example.com", { email: "Wendy.Writer@example.com" })).toMatch(/email/);
    expect(weakPasswordProblem("wendy.writer", { email: "wendy.writer@example.com" })).toMatch(/email/);
    expect(weakPasswordProblem("Wendy Writer", { name: "Wendy Writer" })).toMatch(/name/);
    expect(weakPasswordProblem("aaaaaaaaaaaa")).toMatch(/repeated/);
    expect(weakPasswordProblem("harbour lights at dawn")).toBeNull();
  });
});
