import { randomUUID } from "node:crypto";
import type { DbOrTx } from "../db/client";
import { Prisma, type ArticleStatus, type WorkflowAction } from "../db/generated/client";
import { addMailJob, mailEnabled } from "../mail/outbox";
import { absoluteUrl } from "../site";

// One workflow step written as ONE SQL statement: the article update carries the version
// check (WHERE version = the version the user saw), and the revision, the event and the
// notifications are inserted from the updated row only. The statement is atomic; when
// someone else moved the article first it updates nothing and inserts nothing. Publishing
// is the hot path of the newsroom, and this keeps it to one round trip. Every step also
// snapshots the working copy, so any earlier text can be recovered.

export interface StepWrite {
  articleId: string;
  /** The version the user saw; null when the caller already holds the row lock (the scheduler). */
  expectedVersion: number | null;
  from: ArticleStatus;
  to: ArticleStatus;
  action: WorkflowAction;
  actor: { id: string; displayName: string } | null;
  note: string | null;
  now: Date;
  /** For notification texts. */
  headline: string;
  /** Snapshot the working copy as a revision and make it live. */
  publish?: "first" | "update";
  scheduledFor?: Date | null;
  scheduleFailure?: string | null;
}

/**
 * Who is told about a step, and what they read. Authors hear every step that changes their
 * article's fate (with the note or reason given); editors hear of submissions, withdrawals and
 * failed schedules. Legal review steps are the desk's own business and tell no one.
 */
export function notificationFor(
  step: Pick<StepWrite, "action" | "actor" | "headline" | "note">,
): { to: "authors" | "editors"; message: string } | null {
  const by = step.actor?.displayName ?? "The scheduler";
  const quoted = `“${step.headline}”`;
  const note = step.note?.trim() ? step.note.trim() : null;
  // "… approved “X”." or, with a note, "… approved “X”: the note".
  const said = (text: string) => (note ? `${text}: ${note}` : `${text}.`);
  switch (step.action) {
    case "SUBMIT":
      return { to: "editors", message: said(`${by} submitted ${quoted} for review`) };
    case "WITHDRAW":
      return { to: "editors", message: said(`${by} withdrew ${quoted} from review`) };
    case "REQUEST_CHANGES":
      return { to: "authors", message: said(`${by} sent back ${quoted}`) };
    case "APPROVE":
      return { to: "authors", message: said(`${by} approved ${quoted}`) };
    case "SCHEDULE":
      return { to: "authors", message: said(`${by} scheduled ${quoted}`) };
    case "RESCHEDULE":
      return { to: "authors", message: said(`${by} rescheduled ${quoted}`) };
    case "UNSCHEDULE":
      return { to: "authors", message: said(`${by} took ${quoted} off the schedule`) };
    case "PUBLISH":
      return { to: "authors", message: said(`${by} published ${quoted}`) };
    case "PUBLISH_UPDATE":
      return { to: "authors", message: said(`${by} published an update to ${quoted}`) };
    case "REPUBLISH":
      return { to: "authors", message: said(`${by} republished ${quoted}`) };
    case "UNPUBLISH":
      return { to: "authors", message: said(`${by} unpublished ${quoted}`) };
    case "SPIKE":
      return { to: "authors", message: said(`${by} spiked ${quoted}`) };
    case "RESTORE":
      return { to: "authors", message: said(`${by} restored ${quoted} from the spike`) };
    case "SCHEDULED_PUBLISH":
      return { to: "authors", message: `${quoted} was published as scheduled.` };
    case "SCHEDULE_FAILED":
      return { to: "editors", message: said(`${quoted} could not be published as scheduled`) };
    case "CORRECTION":
      return { to: "authors", message: said(`${by} published a correction to ${quoted}`) };
    case "RESTORE_VERSION":
      return { to: "authors", message: said(`${by} restored an earlier version of ${quoted}`) };
    case "LEGAL_REVIEW_REQUIRED":
    case "LEGAL_REVIEW_CLEARED":
    case "LEGAL_SIGN_OFF":
    case "CREATE":
    case "CHANGE_ADDRESS":
    case "PIN":
    case "UNPIN":
    case "SET_EMBARGO":
    case "CLEAR_EMBARGO":
    // Comments tell the people they mention (comments.ts).
    case "COMMENT_OPENED":
    case "COMMENT_RESOLVED":
    case "MENTION":
    // Suggestions decided and the hold for comments show on the timeline only.
    case "SUGGESTIONS_ACCEPTED":
    case "SUGGESTIONS_REJECTED":
    case "HOLD_FOR_COMMENTS":
    case "HOLD_FOR_COMMENTS_LIFTED":
    // Deadline and review notices come from the reminder sweeps, not from steps.
    case "DEADLINE_SOON":
    case "DEADLINE_MISSED":
    case "REVIEW_DUE":
    // Notices to admins about webhooks come from the delivery job.
    case "WEBHOOK_DISABLED":
      return null;
  }
}

/** The email preference a step's notice follows: a new time for a story is news of its schedule. */
function mailedAs(action: WorkflowAction): WorkflowAction {
  return action === "RESCHEDULE" ? "SCHEDULE" : action;
}

function assignments(step: StepWrite, revisionId: string): Prisma.Sql {
  const set: Prisma.Sql[] = [
    Prisma.sql`"status" = ${step.to}::"ArticleStatus"`,
    Prisma.sql`"version" = "version" + 1`,
    Prisma.sql`"updatedAt" = ${step.now}`,
    Prisma.sql`"updatedById" = COALESCE(${step.actor?.id ?? null}::uuid, "updatedById")`,
  ];
  if (step.from !== step.to) set.push(Prisma.sql`"statusChangedAt" = ${step.now}`);
  if (step.publish) {
    set.push(
      Prisma.sql`"liveRevisionId" = ${revisionId}::uuid`,
      Prisma.sql`"hasUnpublishedChanges" = false`,
      Prisma.sql`"publishedAt" = COALESCE("publishedAt", ${step.now})`,
      Prisma.sql`"scheduledFor" = NULL`,
      Prisma.sql`"scheduleFailure" = NULL`,
    );
    if (step.publish === "update") set.push(Prisma.sql`"contentUpdatedAt" = ${step.now}`);
  }
  if (step.scheduledFor !== undefined) set.push(Prisma.sql`"scheduledFor" = ${step.scheduledFor}`);
  if (step.scheduleFailure !== undefined) set.push(Prisma.sql`"scheduleFailure" = ${step.scheduleFailure}`);
  return Prisma.join(set, ", ");
}

/**
 * The event, the notifications and their emails for a step, as CTEs reading the article row
 * from a CTE named `upd` (the updated row for a status step, the current row for a side step).
 */
function recordStep(
  step: Omit<StepWrite, "expectedVersion" | "publish" | "headline">,
  notice: ReturnType<typeof notificationFor>,
): Prisma.Sql {
  const mail = mailEnabled();
  const recipients =
    notice?.to === "editors"
      ? Prisma.sql`u."role" IN ('EDITOR', 'ADMIN')`
      : Prisma.sql`EXISTS (SELECT 1 FROM "ArticleAuthor" aa WHERE aa."articleId" = upd.id AND aa."userId" = u.id)`;
  return Prisma.sql`ev AS (
      INSERT INTO "WorkflowEvent" (id, "articleId", action, "fromStatus", "toStatus", "actorId", note, "createdAt")
      SELECT gen_random_uuid(), id, ${step.action}::"WorkflowAction", ${step.from}::"ArticleStatus", ${step.to}::"ArticleStatus", ${step.actor?.id ?? null}::uuid, ${step.note}, ${step.now}
      FROM upd
    ), notices AS (
      INSERT INTO "Notification" (id, "userId", "articleId", action, "actorId", message, "createdAt")
      SELECT gen_random_uuid(), u.id, upd.id, ${step.action}::"WorkflowAction", ${step.actor?.id ?? null}::uuid, ${notice?.message ?? ""}, ${step.now}
      FROM upd JOIN "User" u ON ${recipients}
      WHERE ${notice !== null} AND u.active AND u.id IS DISTINCT FROM ${step.actor?.id ?? null}::uuid
      RETURNING "userId", "articleId"
    ), mails AS (
      -- The same notice by email, for those who asked for this kind on their account page.
      INSERT INTO "OutgoingMail" (id, "to", subject, text, kind, status, "createdAt")
      SELECT gen_random_uuid(), u.email, ${`Masthead: ${(notice?.message ?? "").slice(0, 150)}`},
        ${notice?.message ?? ""} || E'\n\nOpen it: ' || ${absoluteUrl("/newsroom/articles/")} || n."articleId"::text
          || E'\n\nYou get this because you asked for these emails on your account page: ' || ${absoluteUrl("/newsroom/account")},
        'notification', ${mail ? "QUEUED" : "NOT_SENT"}::"MailStatus", ${step.now}
      FROM notices n JOIN "User" u ON u.id = n."userId"
      WHERE ${mailedAs(step.action)}::"WorkflowAction" = ANY(u."mailActions")
      RETURNING id
    ), jobs AS (
      SELECT ${addMailJob(Prisma.sql`m.id`)} FROM mails m WHERE ${mail}
    )`;
}

/** Writes the step; returns the article's new version, or null when its version had moved on. */
export async function writeStep(db: DbOrTx, step: StepWrite): Promise<number | null> {
  // Every step snapshots the working copy; a publish makes its snapshot the live one.
  const revisionId = randomUUID();
  const versionCheck =
    step.expectedVersion === null ? Prisma.empty : Prisma.sql`AND "version" = ${step.expectedVersion}`;
  const notice = notificationFor(step);
  const rows = await db.$queryRaw<{ version: number }[]>`
    WITH upd AS (
      UPDATE "Article" SET ${assignments(step, revisionId)}
      WHERE id = ${step.articleId}::uuid AND "status" = ${step.from}::"ArticleStatus" ${versionCheck}
      RETURNING *
    ), rev AS (
      INSERT INTO "ArticleRevision" (id, kind, "articleId", headline, standfirst, body, "bodyText", "heroImageUrl", "heroImageCaption", "heroImageCredit", "heroImageAlt", "createdById", "createdAt", "updatedAt")
      SELECT ${revisionId}::uuid, ${step.publish ? "PUBLISHED" : "TRANSITION"}::"RevisionKind", id, headline, standfirst, body, "bodyText", "heroImageUrl", "heroImageCaption", "heroImageCredit", "heroImageAlt", ${step.actor?.id ?? null}::uuid, ${step.now}, ${step.now}
      FROM upd
    ), ${recordStep(step, notice)}
    SELECT version, (SELECT count(*) FROM jobs)::int AS jobs FROM upd`;
  return rows[0]?.version ?? null;
}

/**
 * Records a step beside the status machine (creation, correction, address change, pin,
 * embargo, restore) on the timeline, with its notices, in the caller's transaction.
 */
export async function writeSideStep(
  db: DbOrTx,
  step: Pick<StepWrite, "articleId" | "action" | "actor" | "note" | "now" | "headline"> & { status: ArticleStatus },
): Promise<void> {
  const notice = notificationFor(step);
  await db.$queryRaw`
    WITH upd AS (SELECT * FROM "Article" WHERE id = ${step.articleId}::uuid),
    ${recordStep({ ...step, from: step.status, to: step.status }, notice)}
    SELECT (SELECT count(*) FROM jobs)::int AS jobs`;
}
