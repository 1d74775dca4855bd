import type { Metadata } from "next";
import { can } from "@/server/auth/permissions";
import { requireNewsroomUser } from "@/server/auth/session";
import { api } from "@/trpc/server";

export const metadata: Metadata = { title: "Outbox" };

const STATUS = {
  QUEUED: "Waiting to be sent",
  SENT: "Sent",
  FAILED: "Could not be sent",
  NOT_SENT: "Not sent: mail is not set up",
} as const;

export default async function OutboxPage() {
  const user = await requireNewsroomUser("/newsroom/admin/outbox");
  if (!can(user.role, "user.manage")) {
    return (
      <>
        <h1 className="text-2xl font-bold">Outbox</h1>
        <p className="mt-4">Only admins can read the outbox.</p>
      </>
    );
  }
  const { enabled, messages } = await (await api()).mail.outbox();
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Outbox</h1>
      <p className="mb-6 max-w-2xl text-sm text-neutral-700">
        {enabled
          ? "Every message Masthead sends, newest first. Failed messages are retried for about an hour."
          : "Mail is not set up (MASTHEAD_SMTP_URL), so nothing is sent: copy invitation and reset links from here and pass them on yourself."}
      </p>
      {messages.length === 0 ? <p>No messages yet.</p> : null}
      <ol className="flex max-w-3xl flex-col gap-4">
        {messages.map((mail) => (
          <li key={mail.id}>
            <article aria-labelledby={`mail-${mail.id}`} className="rounded border border-neutral-300 p-4">
              <h2 id={`mail-${mail.id}`} className="font-bold">
                {mail.subject}
              </h2>
              <p className="text-sm text-neutral-700">
                To {mail.to} · {mail.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC · {STATUS[mail.status]}
                {mail.attempts > 1 ? ` after ${mail.attempts} attempts` : ""}
              </p>
              {mail.lastError ? <p className="text-sm text-red-800">Last error: {mail.lastError}</p> : null}
              <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-words text-sm">{mail.text}</pre>
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
