import type { Runner } from "graphile-worker";
import { afterEach, describe, expect, it } from "vitest";
import { smtpSender, startMailWorker } from "@/server/mail/worker";
import { completeSetup, issueSetupLink } from "@/server/services/account-tokens";
import { acceptInvitation, invite, resendInvitation, revokeInvitation } from "@/server/services/invitations";
import { adminStartReset, requestPasswordReset, resetPassword } from "@/server/services/password-resets";
import { createSession } from "@/server/services/sessions";
import { authenticate } from "@/server/services/sign-in";
import { loadSessionUser, updatePerson } from "@/server/services/users";
import { DATABASE_URL, db, makeUser, resetTablesBeforeEach, TEST_PASSWORD } from "@/tests/db";
import { startSmtpServer, waitFor } from "@/tests/smtp";

resetTablesBeforeEach();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  delete process.env.MASTHEAD_SMTP_URL;
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const NEW_PASSWORD = "a quiet harbour at dawn";
const signIn = (email: string, password: string) => authenticate(db, { email, password, address: null });

/** The token at the end of the link in the newest outbox message to `to`. */
async function linkTokenTo(to: string): Promise<string> {
  const mail = await db.outgoingMail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const token = /\/signin\/(?:invitation|reset|setup)\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  if (!token) throw new Error(`No link in: ${mail.text}`);
  return token;
}

describe("invitations", () => {
  it("a real SMTP server receives the invitation, and its link makes the account with the invited role", async () => {
    const smtp = await startSmtpServer();
    cleanups.push(smtp.close);
    process.env.MASTHEAD_SMTP_URL = smtp.url;
    const runner: Runner = await startMailWorker({
      db,
      connectionString: DATABASE_URL,
      sender: smtpSender(smtp.url),
      from: "Masthead <no-reply@example.test>",
      pollInterval: 100,
    });
    cleanups.push(() => runner.stop());
    const admin = await makeUser("ADMIN");
    await invite(db, admin, { email: "new.editor@example.test", displayName: "New Editor", role: "EDITOR" });
    const mail = await waitFor(async () => smtp.received.find((m) => m.to.includes("new.editor@example.test")));
    expect(mail.subject).toBe("You are invited to the newsroom on Masthead");
    const link = /http:\/\/\S+\/signin\/invitation\/([A-Za-z0-9_-]{43})/.exec(mail.text);
    expect(link).not.toBeNull();
    expect(await db.user.count({ where: { email: "new.editor@example.test" } })).toBe(0);
    await acceptInvitation(db, { token: link?.[1] ?? "", password: NEW_PASSWORD });
    await expect(signIn("new.editor@example.test", NEW_PASSWORD)).resolves.toMatchObject({ role: "EDITOR" });
    // The link works once.
    await expect(acceptInvitation(db, { token: link?.[1] ?? "", password: NEW_PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("without SMTP the invitation waits in the outbox, unsent, with its link", async () => {
    const admin = await makeUser("ADMIN");
    await invite(db, admin, { email: "writer.new@example.test", displayName: "Writer New", role: "WRITER" });
    const mail = await db.outgoingMail.findFirstOrThrow({ where: { to: "writer.new@example.test" } });
    expect(mail).toMatchObject({ status: "NOT_SENT", kind: "invitation" });
    await acceptInvitation(db, { token: await linkTokenTo("writer.new@example.test"), password: NEW_PASSWORD });
    expect(await db.user.findUniqueOrThrow({ where: { email: "writer.new@example.test" } })).toMatchObject({
      role: "WRITER",
      displayName: "Writer New",
    });
  });

  it("resend replaces the link, revoke and expiry end it, and a weak password is refused", async () => {
    const admin = await makeUser("ADMIN");
    const first = await invite(db, admin, { email: "a@example.test", displayName: "A Person", role: "WRITER" });
    const oldToken = await linkTokenTo("a@example.test");
    const second = await resendInvitation(db, admin, first.id);
    const newToken = await linkTokenTo("a@example.test");
    expect(newToken).not.toBe(oldToken);
    await expect(acceptInvitation(db, { token: oldToken, password: NEW_PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(acceptInvitation(db, { token: newToken, password: "qwertyuiop" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const later = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
    await expect(acceptInvitation(db, { token: newToken, password: NEW_PASSWORD }, later)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await revokeInvitation(db, second.id);
    await expect(acceptInvitation(db, { token: newToken, password: NEW_PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.user.count({ where: { email: "a@example.test" } })).toBe(0);
  });
});

describe("password resets", () => {
  it("answer the same for an unknown address, send one link per two minutes, and end every session when used", async () => {
    const writer = await makeUser("WRITER");
    await requestPasswordReset(db, "nobody@example.test");
    expect(await db.outgoingMail.count()).toBe(0);
    const laptop = await createSession(db, writer.id);
    await requestPasswordReset(db, writer.email);
    await requestPasswordReset(db, writer.email);
    expect(await db.outgoingMail.count({ where: { to: writer.email, kind: "password-reset" } })).toBe(1);
    const token = await linkTokenTo(writer.email);
    // Until it is used, the old password still works.
    await expect(signIn(writer.email, TEST_PASSWORD)).resolves.toMatchObject({ id: writer.id });
    await resetPassword(db, { token, password: NEW_PASSWORD });
    expect(await loadSessionUser(db, writer.id, laptop)).toBeNull();
    await expect(signIn(writer.email, TEST_PASSWORD)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(signIn(writer.email, NEW_PASSWORD)).resolves.toMatchObject({ id: writer.id });
    await expect(resetPassword(db, { token, password: "another quiet harbour" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const expired = new Date(Date.now() + 2 * 60 * 60 * 1000);
    await requestPasswordReset(db, writer.email, expired);
    await expect(
      resetPassword(
        db,
        { token: await linkTokenTo(writer.email), password: NEW_PASSWORD },
        new Date(expired.getTime() + 61 * 60 * 1000),
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("started by an admin go to the person's own email", async () => {
    const writer = await makeUser("WRITER");
    await adminStartReset(db, writer.id);
    const mail = await db.outgoingMail.findFirstOrThrow({ where: { kind: "password-reset" } });
    expect(mail.to).toBe(writer.email);
    expect(mail.text).toContain("An admin of your newsroom has started a password reset");
  });
});

describe("the first run", () => {
  it("offers a set-up link only while there are no accounts; it makes the first admin once", async () => {
    const link = await issueSetupLink(db);
    const token = /\/signin\/setup\/([A-Za-z0-9_-]{43})$/.exec(link ?? "")?.[1] ?? "";
    await completeSetup(db, { token, email: "chief@example.test", displayName: "Chief", password: NEW_PASSWORD });
    expect(await db.user.findUniqueOrThrow({ where: { email: "chief@example.test" } })).toMatchObject({
      role: "ADMIN",
    });
    await expect(
      completeSetup(db, { token, email: "other@example.test", displayName: "Other", password: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await issueSetupLink(db)).toBeNull();
  });
});

describe("an admin editing a person", () => {
  it("changes name and email, and refuses an email someone else has", async () => {
    const writer = await makeUser("WRITER");
    const other = await makeUser("WRITER");
    await updatePerson(db, { userId: writer.id, email: "renamed@example.test", displayName: "Renamed" });
    await expect(signIn("renamed@example.test", TEST_PASSWORD)).resolves.toMatchObject({ displayName: "Renamed" });
    await expect(
      updatePerson(db, { userId: writer.id, email: other.email, displayName: "Renamed" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
