import { describe, expect, it } from "vitest";
import { authenticate, SIGN_IN_FAILED, THROTTLE } from "@/server/services/sign-in";
import { db, makeUser, TEST_PASSWORD, resetTablesBeforeEach } from "@/tests/db";

resetTablesBeforeEach();

const attempt = (email: string, password: string, now?: Date, address: string | null = "192.0.2.10") =>
  authenticate(db, { email, password, address }, now);

describe("signing in", () => {
  it("accepts the right password and returns the user without the hash", async () => {
    const writer = await makeUser("WRITER");
    const user = await attempt(writer.email, TEST_PASSWORD);
    expect(user).toEqual(writer);
  });

  it("gives the same message for an unknown email, a wrong password and a deactivated account", async () => {
    const writer = await makeUser("WRITER");
    const gone = await makeUser("WRITER", { active: false });
    const messages = await Promise.all([
      attempt("nobody@example.test", TEST_PASSWORD).catch((e: Error) => e.message),
      attempt(writer.email, "wrong password").catch((e: Error) => e.message),
      attempt(gone.email, TEST_PASSWORD).catch((e: Error) => e.message),
    ]);
    expect(messages).toEqual([SIGN_IN_FAILED, SIGN_IN_FAILED, SIGN_IN_FAILED]);
  });

  it("locks one address for one account after repeated failures, with growing waits; the owner elsewhere still signs in", async () => {
    const writer = await makeUser("WRITER");
    const now = new Date();
    for (let i = 0; i < THROTTLE.perPair; i += 1) {
      await expect(attempt(writer.email, "wrong password", now, "198.51.100.7")).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    // Even the right password waits at that address, and the message says for how long.
    await expect(attempt(writer.email, TEST_PASSWORD, now, "198.51.100.7")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Too many failed sign-in attempts. Try again in 30 seconds.",
    });
    // The owner, from another address, is not locked out.
    await expect(attempt(writer.email, TEST_PASSWORD, now, "203.0.113.5")).resolves.toMatchObject({ id: writer.id });
    // After the wait, one more failure doubles it.
    const later = new Date(now.getTime() + THROTTLE.firstLockMs + 1000);
    await expect(attempt(writer.email, "wrong again", later, "198.51.100.7")).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(attempt(writer.email, TEST_PASSWORD, later, "198.51.100.7")).rejects.toMatchObject({
      message: "Too many failed sign-in attempts. Try again in 1 minute.",
    });
    const muchLater = new Date(later.getTime() + 2 * THROTTLE.firstLockMs + 1000);
    await expect(attempt(writer.email, TEST_PASSWORD, muchLater, "198.51.100.7")).resolves.toMatchObject({
      id: writer.id,
    });
  });

  it("locks a client address that tries many accounts, and no other address", async () => {
    const now = new Date();
    for (let i = 0; i < THROTTLE.perAddress; i += 1) {
      await attempt(`guess${i}@example.test`, "nope", now, "198.51.100.7").catch(() => undefined);
    }
    const writer = await makeUser("WRITER");
    await expect(attempt(writer.email, TEST_PASSWORD, now, "198.51.100.7")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    await expect(attempt(writer.email, TEST_PASSWORD, now, "203.0.113.5")).resolves.toMatchObject({ id: writer.id });
  });

  it("failures from many addresses never lock an admin out: sign-ins to the account only pause", async () => {
    const admin = await makeUser("ADMIN");
    const now = new Date();
    // A stranger rotating addresses, staying under every per-address limit.
    for (let i = 0; i < THROTTLE.perAccount + 5; i += 1) {
      await attempt(admin.email, `guess-${i}`, now, `198.51.100.${i + 1}`).catch(() => undefined);
    }
    const pauses: number[] = [];
    const pause = (ms: number) => {
      pauses.push(ms);
      return Promise.resolve();
    };
    await expect(
      authenticate(db, { email: admin.email, password: TEST_PASSWORD, address: "203.0.113.5" }, now, pause),
    ).resolves.toMatchObject({ id: admin.id });
    expect(pauses).toEqual([THROTTLE.accountPauseMs]);
    // Without a known address (next dev) the owner gets in too.
    await expect(attempt(admin.email, TEST_PASSWORD, now, null)).resolves.toMatchObject({ id: admin.id });
  });

  it("counts concurrent failures without losing any", async () => {
    const writer = await makeUser("WRITER");
    const now = new Date();
    await Promise.allSettled(
      Array.from({ length: THROTTLE.perPair }, () => attempt(writer.email, "wrong", now, "198.51.100.7")),
    );
    await expect(attempt(writer.email, TEST_PASSWORD, now, "198.51.100.7")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });
});
