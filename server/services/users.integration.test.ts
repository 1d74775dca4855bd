import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/server/auth/password";
import { changeRole, createUser, setActive } from "@/server/services/users";
import { db, makeUser, resetTablesBeforeEach } from "@/tests/db";

resetTablesBeforeEach();

describe("managing people", () => {
  it("creates a user with a normalised email and a hashed password", async () => {
    const user = await createUser(db, {
      email: "ann@example.test",
      displayName: "Ann",
      role: "EDITOR",
      password: "a long enough password",
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe("ann@example.test");
    expect(row.passwordHash).not.toContain("a long enough password");
    expect(await verifyPassword("a long enough password", row.passwordHash)).toBe(true);
  });

  it("refuses to demote or deactivate the last active admin", async () => {
    const admin = await makeUser("ADMIN");
    await expect(changeRole(db, admin.id, "EDITOR")).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setActive(db, admin.id, false)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", active: true });
  });

  it("an inactive admin does not count as the remaining admin", async () => {
    const admin = await makeUser("ADMIN");
    await makeUser("ADMIN", { active: false });
    await expect(setActive(db, admin.id, false)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("with two admins one may go, and two admins demoting each other at once leave one", async () => {
    const a = await makeUser("ADMIN");
    const b = await makeUser("ADMIN");
    const results = await Promise.allSettled([changeRole(db, a.id, "WRITER"), changeRole(db, b.id, "WRITER")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });

  it("the database itself refuses an unnormalised email", async () => {
    await expect(
      db.user.create({ data: { email: "Upper@Example.test", displayName: "X", slug: "x", passwordHash: "x" } }),
    ).rejects.toThrow();
  });
});
