import { paragraphs, type ContentDocument } from "@/lib/content/document";
import type { Prisma } from "@/server/db/generated/client";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeEach, inject } from "vitest";
import type { RoleName } from "@/lib/roles";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { hashPassword } from "@/server/auth/password";
import { createDb } from "@/server/db/client";
import { createDraft } from "@/server/services/articles";
import type { SessionUser } from "@/server/services/users";

export const TEST_PASSWORD = "correct horse battery";

export const DATABASE_URL = inject("databaseUrl");
export const db = createDb(DATABASE_URL, { max: 20 });
afterAll(() => db.$disconnect());

let passwordHash: Promise<string> | undefined;

/** Every test starts from empty tables. */
export function resetTablesBeforeEach() {
  beforeEach(async () => {
    // A write the last test left running (a co-editing store as its clients closed, a job)
    // can deadlock with the truncation; PostgreSQL then cancels one of the two: try again.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await truncateAll();
        return;
      } catch (error) {
        if (attempt >= 5 || !(error instanceof Error && error.message.includes("40P01"))) throw error;
      }
    }
  });
}

async function truncateAll() {
  await db.$executeRawUnsafe(
    'TRUNCATE "BudgetAssignment", "BudgetItem", "Media", "EditingPresence", "Notification", "Correction", "WorkflowEvent", "ArticleTag", "ArticleAuthor", "Article", "ArticleRevision", "Tag", "Section", "User", "SignInThrottle", "Session", "AccountToken", "OutgoingMail", "PublicChange", "CacheInstance", "NewsroomSettings", "TagSlugRedirect", "ArticleContributor", "MergedContributor", "Contributor", "SearchDocument", "LiveEntryRevision", "LiveEntry", "ApiKey", "WebhookDelivery", "WebhookEndpoint", graphile_worker._private_jobs, graphile_worker._private_job_queues CASCADE',
  );
}

let counter = 0;
export async function makeUser(
  role: RoleName,
  overrides: { email?: string; active?: boolean } = {},
): Promise<SessionUser> {
  counter += 1;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: overrides.email ?? `${role.toLowerCase()}${counter}@example.test`,
      displayName: `${role[0]}${role.slice(1).toLowerCase()} ${counter}`,
      slug: `${role.toLowerCase()}-${counter}`,
      role,
      active: overrides.active ?? true,
      passwordHash: await passwordHash,
    },
    select: { id: true, email: true, displayName: true, role: true },
  });
}

export async function makeDraft(author: SessionUser, headline = "A draft about harbours") {
  // Created just before the fixed clock the workflow tests run on, so timelines read in order.
  return createDraft(db, author, { headline }, new Date(FIXED_NOW.getTime() - 60_000));
}

/** A tRPC caller as the given user would get over HTTP (null: signed out). */
export async function callerFor(user: SessionUser | null) {
  return createCaller(await createContext({ db, userId: user?.id ?? null }));
}

export const FIXED_NOW = new Date("2026-11-26T12:00:00.000Z");
export const env = (now: Date = FIXED_NOW) => ({ now, timeZone: "UTC" });

/** A draft that passes every publish gate (headline, standfirst, body, section, author). */
export async function makeReadyDraft(author: SessionUser, headline = "Council approves harbour plan") {
  const draft = await makeDraft(author, headline);
  const section = await db.section.upsert({
    where: { slug: "news" },
    update: {},
    create: { slug: "news", name: "News" },
  });
  await db.article.update({
    where: { id: draft.id },
    data: {
      standfirst: "What the decision means.",
      sectionId: section.id,
      body: paragraphs(["The council voted seven to two."]) as unknown as Prisma.InputJsonValue,
      bodyText: "The council voted seven to two.",
    },
  });
  return db.article.findUniqueOrThrow({
    where: { id: draft.id },
    select: { id: true, slug: true, version: true, status: true },
  });
}

/** A tRPC caller whose clock is fixed, for workflow tests. */
export async function workflowCallerFor(user: SessionUser | null, now: Date = FIXED_NOW) {
  return createCaller({
    ...(await createContext({ db, userId: user?.id ?? null })),
    clock: () => now,
    timeZone: "UTC",
  });
}

export async function versionOf(id: string): Promise<number> {
  return (await db.article.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

export type Outcome = "ok" | TRPCError["code"];

/** "ok", or the tRPC error code a call failed with (anything else is rethrown). */
export async function outcome(promise: Promise<unknown>): Promise<Outcome> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** A content document as Prisma's JSON input, for tests that write bodies directly. */
export const jsonDoc = (document: ContentDocument) => document as unknown as Prisma.InputJsonObject;
