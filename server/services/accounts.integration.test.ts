import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { verifyPassword } from "@/server/auth/password";
import { createSession, endSession } from "@/server/services/sessions";
import { authenticate } from "@/server/services/sign-in";
import { loadSessionUser, setActive, type SessionUser } from "@/server/services/users";
import { db, makeUser, outcome, resetTablesBeforeEach, TEST_PASSWORD } from "@/tests/db";

resetTablesBeforeEach();

/** A caller as a browser holding this session's cookie would get one. */
async function callerIn(user: SessionUser, sessionId: string | null) {
  return createCaller(await createContext({ db, userId: user.id, sessionId }));
}

const signIn = (email: string, password: string) => authenticate(db, { email, password, address: "192.0.2.1" });

describe("sessions", () => {
  it("a token's session must still exist: signing out refuses that token, not the person's others", async () => {
    const writer = await makeUser("WRITER");
    const laptop = await createSession(db, writer.id);
    const phone = await createSession(db, writer.id);
    expect(await loadSessionUser(db, writer.id, laptop)).toMatchObject({ id: writer.id });
    await endSession(db, laptop);
    expect(await loadSessionUser(db, writer.id, laptop)).toBeNull();
    expect(await loadSessionUser(db, writer.id, phone)).toMatchObject({ id: writer.id });
    // A token without a session id (made before sessions existed) or with another's is refused.
    expect(await loadSessionUser(db, writer.id, null)).toBeNull();
    const other = await makeUser("WRITER");
    expect(await loadSessionUser(db, other.id, phone)).toBeNull();
  });

  it("expire with the token", async () => {
    const writer = await makeUser("WRITER");
    const session = await createSession(db, writer.id, new Date(Date.now() - 13 * 60 * 60 * 1000));
    expect(await loadSessionUser(db, writer.id, session)).toBeNull();
  });

  it("all end when an admin deactivates the person", async () => {
    const writer = await makeUser("WRITER");
    await makeUser("ADMIN");
    const session = await createSession(db, writer.id);
    await setActive(db, writer.id, false);
    expect(await db.session.count({ where: { userId: writer.id } })).toBe(0);
    await setActive(db, writer.id, true);
    expect(await loadSessionUser(db, writer.id, session)).toBeNull();
  });
});

describe("changing your own password", () => {
  it.each(["WRITER", "EDITOR", "ADMIN"] as const)(
    "as %s: needs the current one, ends your other sessions, keeps this one",
    async (role) => {
      const me = await makeUser(role);
      const here = await createSession(db, me.id);
      const elsewhere = await createSession(db, me.id);
      const caller = await callerIn(me, here);
      const result = await caller.account.changePassword({
        currentPassword: TEST_PASSWORD,
        newPassword: "a quiet harbour at dawn",
      });
      expect(result).toEqual({ endedSessions: 1 });
      expect(await loadSessionUser(db, me.id, here)).not.toBeNull();
      expect(await loadSessionUser(db, me.id, elsewhere)).toBeNull();
      await expect(signIn(me.email, TEST_PASSWORD)).rejects.toMatchObject({ code: "BAD_REQUEST" });
      await expect(signIn(me.email, "a quiet harbour at dawn")).resolves.toMatchObject({ id: me.id });
    },
  );

  it("refuses a wrong current password, a short or common or same new one, naming the field; nothing changes", async () => {
    const me = await makeUser("WRITER");
    const here = await createSession(db, me.id);
    const elsewhere = await createSession(db, me.id);
    const caller = await callerIn(me, here);
    const before = (await db.user.findUniqueOrThrow({ where: { id: me.id } })).passwordHash;
    const attempts = [
      [{ currentPassword: "wrong password", newPassword: "a quiet harbour at dawn" }, "currentPassword"],
      [{ currentPassword: TEST_PASSWORD, newPassword: "short" }, "newPassword"],
      [{ currentPassword: TEST_PASSWORD, newPassword: "1234567890" }, "newPassword"],
      [{ currentPassword: TEST_PASSWORD, newPassword: "qwertyuiop" }, "newPassword"],
      [{ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, "newPassword"],
      [{ currentPassword: TEST_PASSWORD, newPassword: me.email }, "newPassword"],
    ] as const;
    for (const [input, field] of attempts) {
      const error = await caller.account.changePassword(input).catch((e: unknown) => e);
      expect(error, input.newPassword).toMatchObject({ code: "BAD_REQUEST" });
      expect(Object.keys((error as { cause: { fieldErrors: Record<string, string[]> } }).cause.fieldErrors)).toEqual([
        field,
      ]);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).passwordHash).toBe(before);
    expect(await loadSessionUser(db, me.id, elsewhere)).not.toBeNull();
  });

  it("is refused signed out", async () => {
    const caller = createCaller(await createContext({ db, userId: null }));
    expect(
      await outcome(caller.account.changePassword({ currentPassword: "x", newPassword: "a quiet harbour at dawn" })),
    ).toBe("UNAUTHORIZED");
    expect(await outcome(caller.account.signOutEverywhere())).toBe("UNAUTHORIZED");
  });
});

describe("signing out everywhere", () => {
  it("ends every session of the person, this one too, and no one else's", async () => {
    const me = await makeUser("EDITOR");
    const other = await makeUser("EDITOR");
    const here = await createSession(db, me.id);
    await createSession(db, me.id);
    const theirs = await createSession(db, other.id);
    expect(await (await callerIn(me, here)).account.signOutEverywhere()).toEqual({ endedSessions: 2 });
    expect(await db.session.count({ where: { userId: me.id } })).toBe(0);
    expect(await loadSessionUser(db, other.id, theirs)).not.toBeNull();
    // The token of the session that asked is refused from now on.
    expect(await outcome((await callerIn(me, here)).account.signOutEverywhere())).toBe("UNAUTHORIZED");
  });
});

describe("password hashes", () => {
  it("made by earlier versions (scrypt) are upgraded to Argon2id on the next sign-in", async () => {
    const me = await makeUser("WRITER");
    const salt = randomBytes(16);
    const key = scryptSync(TEST_PASSWORD, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const legacy = ["scrypt", 2 ** 15, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
    await db.user.update({ where: { id: me.id }, data: { passwordHash: legacy } });
    await expect(signIn(me.email, "not the password")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id } })).passwordHash).toBe(legacy);
    await expect(signIn(me.email, TEST_PASSWORD)).resolves.toMatchObject({ id: me.id });
    const upgraded = (await db.user.findUniqueOrThrow({ where: { id: me.id } })).passwordHash;
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(TEST_PASSWORD, upgraded)).toBe(true);
  });
});
