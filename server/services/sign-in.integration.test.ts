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

  it("locks an account after repeated failures, even for the right password, and unlocks later", async () => {
    const writer = await makeUser("WRITER");
    const now = new Date();
    for (let i = 0; i < THROTTLE.perAccount; i += 1) {
      await expect(attempt(writer.email, "wrong password", now, null)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(attempt(writer.email, TEST_PASSWORD, now, null)).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/Try again in \d+ minutes?/),
    });
    const later = new Date(now.getTime() + THROTTLE.lockMs + 1000);
    await expect(attempt(writer.email, TEST_PASSWORD, later, null)).resolves.toMatchObject({ id: writer.id });
  });

  it("locks a client address that tries many accounts", async () => {
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

  it("counts concurrent failures without losing any", async () => {
    const writer = await makeUser("WRITER");
    const now = new Date();
    await Promise.allSettled(
      Array.from({ length: THROTTLE.perAccount }, () => attempt(writer.email, "wrong", now, null)),
    );
    await expect(attempt(writer.email, TEST_PASSWORD, now, null)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});
