import { afterEach, describe, expect, it } from "vitest";
import type { Runner } from "graphile-worker";
import { queueMail } from "@/server/mail/outbox";
import { smtpSender, startMailWorker } from "@/server/mail/worker";
import { DATABASE_URL, db, resetTablesBeforeEach } from "@/tests/db";
import { startSmtpServer, waitFor } from "@/tests/smtp";

resetTablesBeforeEach();
const running: Runner[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((runner) => runner.stop()));
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function worker(url: string) {
  const runner = await startMailWorker({
    db,
    connectionString: DATABASE_URL,
    sender: smtpSender(url),
    from: "Masthead <no-reply@example.test>",
    pollInterval: 100,
  });
  running.push(runner);
  return runner;
}

const allSent = async (count: number) => {
  const sent = await db.outgoingMail.count({ where: { status: "SENT" } });
  return sent === count ? sent : undefined;
};

describe("the mail queue", () => {
  it("sends every queued message once, with two workers racing, and retries a failure", async () => {
    const smtp = await startSmtpServer({ failFirst: (raw) => raw.includes("Subject: Message 3") });
    closers.push(smtp.close);
    for (let i = 0; i < 12; i += 1) {
      await db.$transaction((tx) =>
        queueMail(
          tx,
          { to: `person${i}@example.test`, subject: `Message ${i}`, text: `Hello ${i}`, kind: "notification" },
          true,
        ),
      );
    }
    await Promise.all([worker(smtp.url), worker(smtp.url)]);
    await waitFor(() => allSent(12));
    const subjects = smtp.received.map((mail) => mail.subject).sort();
    expect(subjects).toEqual(Array.from({ length: 12 }, (_, i) => `Message ${i}`).sort());
    const retried = await db.outgoingMail.findFirstOrThrow({ where: { subject: "Message 3" } });
    expect(retried).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(smtp.received.find((mail) => mail.subject === "Message 0")).toMatchObject({
      to: ["person0@example.test"],
      text: expect.stringContaining("Hello 0"),
    });
  });

  it("keeps a message queued while the server is down, and sends it when a worker starts later", async () => {
    await db.$transaction((tx) =>
      queueMail(tx, { to: "later@example.test", subject: "Later", text: "Sent when up", kind: "notification" }, true),
    );
    expect(await db.outgoingMail.findFirstOrThrow({ where: { subject: "Later" } })).toMatchObject({ status: "QUEUED" });
    const smtp = await startSmtpServer();
    closers.push(smtp.close);
    await worker(smtp.url);
    await waitFor(() => allSent(1));
    expect(smtp.received.map((mail) => mail.subject)).toEqual(["Later"]);
  });

  it("without an SMTP server keeps the message in the outbox, unsent, and queues no job", async () => {
    await queueMail(
      db,
      { to: "a@example.test", subject: "Kept", text: "Read me in the outbox", kind: "invitation" },
      false,
    );
    expect(await db.outgoingMail.findFirstOrThrow({ where: { subject: "Kept" } })).toMatchObject({
      status: "NOT_SENT",
    });
    const jobs = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs`;
    expect(jobs[0]?.n).toBe(0);
  });
});
