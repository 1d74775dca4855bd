import { afterEach, describe, expect, it } from "vitest";
import { setMailPreferences } from "@/server/services/accounts";
import { transition } from "@/server/services/workflow";
import { callerFor, db, env, makeDraft, makeUser, outcome, resetTablesBeforeEach, versionOf } from "@/tests/db";

resetTablesBeforeEach();
afterEach(() => {
  delete process.env.MASTHEAD_SMTP_URL;
});

describe("notices by email", () => {
  it("go to those who chose that kind, with a link to the story, and to no one else", async () => {
    const writer = await makeUser("WRITER");
    const editor = await makeUser("EDITOR");
    const quietEditor = await makeUser("EDITOR");
    await setMailPreferences(db, writer.id, ["APPROVE"]);
    await setMailPreferences(db, editor.id, ["SUBMIT"]);
    const draft = await makeDraft(writer, "Harbour vote");
    await transition(db, writer, { articleId: draft.id, action: "submit", version: await versionOf(draft.id) }, env());
    await transition(db, editor, { articleId: draft.id, action: "approve", version: await versionOf(draft.id) }, env());
    const mails = await db.outgoingMail.findMany();
    expect(mails).toHaveLength(2);
    const toEditor = mails.find((mail) => mail.to === editor.email);
    const toWriter = mails.find((mail) => mail.to === writer.email);
    expect(toEditor).toMatchObject({
      kind: "notification",
      status: "NOT_SENT",
      subject: `Masthead: ${writer.displayName} submitted “Harbour vote” for review.`,
    });
    expect(toWriter).toMatchObject({
      kind: "notification",
      subject: `Masthead: ${editor.displayName} approved “Harbour vote”.`,
    });
    expect(toWriter?.text).toContain(`/newsroom/articles/${draft.id}`);
    expect(mails.some((mail) => mail.to === quietEditor.email)).toBe(false);
  });

  it("are queued for sending when mail is set up", async () => {
    process.env.MASTHEAD_SMTP_URL = "smtp://127.0.0.1:2525";
    const writer = await makeUser("WRITER");
    const editor = await makeUser("EDITOR");
    await setMailPreferences(db, editor.id, ["SUBMIT"]);
    const draft = await makeDraft(writer);
    await transition(db, writer, { articleId: draft.id, action: "submit", version: await versionOf(draft.id) }, env());
    const mail = await db.outgoingMail.findFirstOrThrow({ where: { to: editor.email } });
    expect(mail.status).toBe("QUEUED");
    const jobs = await db.$queryRaw<{ key: string }[]>`SELECT key FROM graphile_worker._private_jobs`;
    expect(jobs.map((job) => job.key)).toEqual([`mail:${mail.id}`]);
  });

  it("are chosen on the account page by each person for themselves; unknown kinds are refused", async () => {
    const writer = await makeUser("WRITER");
    const caller = await callerFor(writer);
    expect(await caller.account.mailPreferences()).toEqual({ actions: [] });
    await caller.account.setMailPreferences({ actions: ["PUBLISH", "APPROVE", "PUBLISH"] });
    expect(await caller.account.mailPreferences()).toEqual({ actions: ["PUBLISH", "APPROVE"] });
    expect(await outcome(caller.account.setMailPreferences({ actions: ["EDIT" as "PUBLISH"] }))).toBe("BAD_REQUEST");
    expect(await outcome((await callerFor(null)).account.mailPreferences())).toBe("UNAUTHORIZED");
  });
});
