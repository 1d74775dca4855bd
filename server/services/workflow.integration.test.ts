import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { createDb } from "@/server/db/client";
import { paragraphs } from "@/lib/content/document";
import { getPublishedBySlug } from "@/server/services/public-articles";
import { publishDueArticles } from "@/server/services/scheduler";
import type { SessionUser } from "@/server/services/users";
import { transition } from "@/server/services/workflow";
import {
  db,
  env,
  FIXED_NOW,
  makeReadyDraft,
  makeUser,
  resetTablesBeforeEach,
  versionOf,
  workflowCallerFor,
} from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";

let writer: SessionUser;
let editor: SessionUser;
resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
});

const fail = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as TRPCError,
  );

describe("one step at a time", () => {
  it("a stale version is a CONFLICT that says the current state and who moved it", async () => {
    const article = await articleIn("DRAFT", writer, editor);
    const asWriter = await workflowCallerFor(writer);
    await asWriter.workflow.submit(article);
    const error = await fail((await workflowCallerFor(editor)).workflow.approve(article));
    expect(error?.code).toBe("CONFLICT");
    expect(error?.message).toMatch(
      new RegExp(`it is now In review, last changed by ${writer.displayName} at .+\\. Reload`),
    );
  });

  it("of fifty identical publish attempts from ten app instances exactly one applies", async () => {
    const article = await articleIn("APPROVED", writer, editor);
    // Separate clients, as separate app instances would have: one client alone queues its
    // interactive transactions, which would hide a missing row lock.
    const instances = Array.from({ length: 10 }, () => createDb(inject("databaseUrl"), { max: 5 }));
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        transition(
          instances[i % instances.length] ?? db,
          editor,
          { articleId: article.id, action: "publish", version: article.version },
          env(),
        ),
      ),
    );
    await Promise.all(instances.map((instance) => instance.$disconnect()));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code] : []));
    expect(new Set(codes)).toEqual(new Set(["CONFLICT"]));
    expect(await db.workflowEvent.count({ where: { articleId: article.id, action: "PUBLISH" } })).toBe(1);
    expect(await db.articleRevision.count({ where: { articleId: article.id, kind: "PUBLISHED" } })).toBe(1);
  });
});

describe("refusals are clear and change nothing", () => {
  it("an action not allowed in this state names the state and what is allowed", async () => {
    const article = await articleIn("DRAFT", writer, editor);
    const error = await fail((await workflowCallerFor(editor)).workflow.approve(article));
    expect(error?.code).toBe("BAD_REQUEST");
    expect(error?.message).toBe("Cannot “Approve”: the article is Draft. Allowed now: Submit for review, Spike.");
  });

  it("a missing note is BAD_REQUEST naming the field", async () => {
    const article = await articleIn("IN_REVIEW", writer, editor);
    const error = await fail((await workflowCallerFor(editor)).workflow.requestChanges({ ...article, note: "   " }));
    expect(error?.code).toBe("BAD_REQUEST");
    expect((error?.cause as { issues?: { path: string[] }[] })?.issues?.[0]?.path).toEqual(["note"]);
  });

  it.each([
    ["in the past", "2026-11-26T11:59"],
    ["now", "2026-11-26T12:00"],
    ["more than a year ahead", "2027-11-28T12:00"],
    ["on a day that does not exist", "2026-02-30T10:00"],
  ])("a schedule time %s is BAD_REQUEST", async (_label, when) => {
    const article = await articleIn("APPROVED", writer, editor);
    const error = await fail((await workflowCallerFor(editor)).workflow.schedule({ ...article, scheduledFor: when }));
    expect(error?.code).toBe("BAD_REQUEST");
    expect(await versionOf(article.id)).toBe(article.version);
  });

  it("a writer who crafts a publish request is refused, whatever the state", async () => {
    const article = await articleIn("APPROVED", writer, editor);
    const error = await fail((await workflowCallerFor(writer)).workflow.publish(article));
    expect(error?.code).toBe("FORBIDDEN");
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("APPROVED");
  });
});

describe("publish gates", () => {
  it("refuse publishing with a list of what is missing", async () => {
    const draft = await (await workflowCallerFor(writer)).article.create({ headline: "Bare" });
    const asEditor = await workflowCallerFor(editor);
    const submitted = await asEditor.workflow.submit({ id: draft.id, version: draft.version });
    const error = await fail(asEditor.workflow.publish({ id: draft.id, version: submitted.version }));
    expect(error?.message).toBe(
      "This article cannot be published yet. Missing: a standfirst, a body with at least one paragraph, a section.",
    );
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("IN_REVIEW");
  });

  it("refuse a body without a paragraph of text, until it has one", async () => {
    const article = await articleIn("APPROVED", writer, editor);
    const asEditor = await workflowCallerFor(editor);
    const headingOnly = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Only a heading" }] },
        { type: "paragraph" },
      ],
    };
    const emptied = await db.article.update({
      where: { id: article.id },
      data: { body: headingOnly, version: { increment: 1 } },
    });
    expect((await fail(asEditor.workflow.publish({ id: article.id, version: emptied.version })))?.message).toBe(
      "This article cannot be published yet. Missing: a body with at least one paragraph.",
    );
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("APPROVED");
    const written = await db.article.update({
      where: { id: article.id },
      data: {
        body: {
          type: "doc",
          content: [
            { type: "paragraph" },
            { type: "paragraph", content: [{ type: "text", text: "Now a paragraph." }] },
          ],
        },
        version: { increment: 1 },
      },
    });
    await asEditor.workflow.publish({ id: article.id, version: written.version });
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("PUBLISHED");
  });

  it("hold a legal review until an editor signs it off", async () => {
    const article = await articleIn("APPROVED", writer, editor);
    const asEditor = await workflowCallerFor(editor);
    const marked = await asEditor.workflow.setLegalReview({ ...article, required: true });
    expect((await fail(asEditor.workflow.publish({ id: article.id, version: marked.version })))?.message).toContain(
      "a legal sign-off",
    );
    const signed = await asEditor.workflow.signOffLegal({
      id: article.id,
      version: marked.version,
      note: "Cleared by counsel",
    });
    await asEditor.workflow.publish({ id: article.id, version: signed.version });
    const events = await db.workflowEvent.findMany({
      where: { articleId: article.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(events.map((e) => e.action)).toEqual([
      "CREATE",
      "SUBMIT",
      "APPROVE",
      "LEGAL_REVIEW_REQUIRED",
      "LEGAL_SIGN_OFF",
      "PUBLISH",
    ]);
  });

  it("an embargo refuses publishing before its time, and scheduling before it", async () => {
    const article = await articleIn("APPROVED", writer, editor);
    const asEditor = await workflowCallerFor(editor);
    const embargoed = await asEditor.workflow.setEmbargo({ ...article, until: "2026-11-27T09:00" });
    const early = await fail(asEditor.workflow.publish({ id: article.id, version: embargoed.version }));
    expect(early?.message).toBe(
      "This article is embargoed until 27 Nov 2026, 09:00 UTC: it cannot be published before then.",
    );
    expect(
      (
        await fail(
          asEditor.workflow.schedule({ id: article.id, version: embargoed.version, scheduledFor: "2026-11-27T08:00" }),
        )
      )?.code,
    ).toBe("BAD_REQUEST");
    await asEditor.workflow.schedule({ id: article.id, version: embargoed.version, scheduledFor: "2026-11-27T09:00" });
  });
});

describe("what the public sees", () => {
  it("edits after publishing stay in the working copy until an editor publishes the update", async () => {
    const article = await articleIn("PUBLISHED", writer, editor, "Original headline");
    const asEditor = await workflowCallerFor(editor);
    const edited = await asEditor.article.update({
      id: article.id,
      version: article.version,
      headline: "Updated headline",
      standfirst: "New standfirst",
      sectionId: (await db.article.findUniqueOrThrow({ where: { id: article.id } })).sectionId,
      body: paragraphs(["New body"]),
      heroImageCaption: null,
      heroImageCredit: null,
      heroImageAlt: null,
    });
    const live = await getPublishedBySlug(db, article.slug);
    expect(live.headline).toBe("Original headline");
    expect(live.contentUpdatedAt).toBeNull();

    const later = new Date(FIXED_NOW.getTime() + 600_000);
    await (await workflowCallerFor(editor, later)).workflow.publishUpdate({ id: article.id, version: edited.version });
    const updated = await getPublishedBySlug(db, article.slug);
    expect(updated.headline).toBe("Updated headline");
    expect(updated.contentUpdatedAt).toEqual(later);
    const versions = (await (await workflowCallerFor(writer)).article.revisions({ id: article.id })).filter(
      (v) => v.kind === "PUBLISHED",
    );
    expect(versions.map((v) => [v.headline, v.live])).toEqual([
      ["Updated headline", true],
      ["Original headline", false],
    ]);
    const original = await (
      await workflowCallerFor(writer)
    ).article.revision({ id: article.id, revisionId: versions[1]?.id ?? "" });
    expect(original.headline).toBe("Original headline");
  });

  it("corrections are shown in order and can never be changed or removed", async () => {
    const article = await articleIn("PUBLISHED", writer, editor);
    const asEditor = await workflowCallerFor(editor);
    const first = await asEditor.workflow.addCorrection({ ...article, text: "First correction." });
    await (
      await workflowCallerFor(editor, new Date(FIXED_NOW.getTime() + 1000))
    ).workflow.addCorrection({ id: article.id, version: first.version, text: "Second correction." });
    expect((await getPublishedBySlug(db, article.slug)).corrections.map((c) => c.text)).toEqual([
      "First correction.",
      "Second correction.",
    ]);
    await expect(db.correction.updateMany({ data: { text: "rewritten" } })).rejects.toThrow();
    await expect(db.correction.deleteMany({})).rejects.toThrow();
    await expect(db.workflowEvent.updateMany({ data: { note: "rewritten" } })).rejects.toThrow();
    await expect(db.workflowEvent.deleteMany({})).rejects.toThrow();
    expect(await db.correction.count()).toBe(2);
  });

  it("an unpublished article is gone from the public and needs a reason", async () => {
    const article = await articleIn("PUBLISHED", writer, editor);
    await (await workflowCallerFor(editor)).workflow.unpublish({ ...article, note: "Legal complaint" });
    await expect(getPublishedBySlug(db, article.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const event = await db.workflowEvent.findFirstOrThrow({ where: { articleId: article.id, action: "UNPUBLISH" } });
    expect(event).toMatchObject({
      note: "Legal complaint",
      actorId: editor.id,
      fromStatus: "PUBLISHED",
      toStatus: "UNPUBLISHED",
    });
  });
});

describe("notifications", () => {
  it("editors hear of submissions; the writer hears of being sent back, with the note, and of publishing", async () => {
    const article = await makeReadyDraft(writer);
    const minute = (n: number) => new Date(FIXED_NOW.getTime() + n * 60_000);
    const asWriter = await workflowCallerFor(writer, minute(1));
    const submitted = await asWriter.workflow.submit({ id: article.id, version: article.version });
    const asEditor = await workflowCallerFor(editor, minute(2));
    expect((await asEditor.notification.list()).map((n) => n.message)).toEqual([
      `${writer.displayName} submitted “${"Council approves harbour plan"}” for review.`,
    ]);
    const back = await asEditor.workflow.requestChanges({
      id: article.id,
      version: submitted.version,
      note: "Add a quote from the mayor",
    });
    const again = await (
      await workflowCallerFor(writer, minute(3))
    ).workflow.submit({ id: article.id, version: back.version });
    await (await workflowCallerFor(editor, minute(4))).workflow.publish({ id: article.id, version: again.version });
    const messages = (await asWriter.notification.list()).map((n) => n.message);
    expect(messages).toEqual([
      `${editor.displayName} published “Council approves harbour plan”.`,
      `${editor.displayName} sent back “Council approves harbour plan”: Add a quote from the mayor`,
    ]);
    expect(await asWriter.notification.unreadCount()).toBe(2);
    await asWriter.notification.markRead();
    expect(await asWriter.notification.unreadCount()).toBe(0);
  });

  it("the writer hears of unpublishing with the reason, and of spiking; opening one article reads only its notices", async () => {
    const first = { ...(await articleIn("PUBLISHED", writer, editor, "Ferry strike")), headline: "Ferry strike" };
    const second = { ...(await articleIn("APPROVED", writer, editor, "Bridge works")), headline: "Bridge works" };
    const asEditor = await workflowCallerFor(editor);
    await asEditor.workflow.unpublish({ id: first.id, version: first.version, note: "The source withdrew consent." });
    await asEditor.workflow.spike({ id: second.id, version: second.version });
    const asWriter = await workflowCallerFor(writer);
    const told = await asWriter.notification.list();
    const about = (id: string) => told.filter((n) => n.articleId === id && n.readAt === null).map((n) => n.message);
    expect(about(first.id)).toContain(
      `${editor.displayName} unpublished “${first.headline}”: The source withdrew consent.`,
    );
    expect(about(second.id)).toContain(`${editor.displayName} spiked “${second.headline}”.`);

    const unread = await asWriter.notification.unreadCount();
    const read = await asWriter.notification.markRead({ articleId: first.id });
    expect(read).toBe(about(first.id).length);
    expect(await asWriter.notification.unreadCount()).toBe(unread - read);
    // Someone else's notices about that article are theirs to read.
    expect(await asEditor.notification.markRead({ articleId: first.id })).toBe(0);
  });
});

describe("notes on steps", () => {
  it("submit, approve and publish carry an optional note to the timeline and the notification", async () => {
    const article = await makeReadyDraft(writer, "Harbour vote");
    const minute = (n: number) => new Date(FIXED_NOW.getTime() + n * 60_000);
    const asWriter = await workflowCallerFor(writer, minute(1));
    const asEditor = await workflowCallerFor(editor, minute(2));
    const submitted = await asWriter.workflow.submit({
      id: article.id,
      version: article.version,
      note: "Quotes checked with the mayor's office.",
    });
    const approved = await asEditor.workflow.approve({ id: article.id, version: submitted.version, note: "  " });
    await (
      await workflowCallerFor(editor, minute(3))
    ).workflow.publish({ id: article.id, version: approved.version, note: "Leads the site tonight." });
    const events = await db.workflowEvent.findMany({
      where: { articleId: article.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, note: true },
    });
    expect(events).toEqual([
      { action: "CREATE", note: null },
      { action: "SUBMIT", note: "Quotes checked with the mayor's office." },
      { action: "APPROVE", note: null },
      { action: "PUBLISH", note: "Leads the site tonight." },
    ]);
    expect((await asEditor.notification.list()).map((n) => n.message)).toContain(
      `${writer.displayName} submitted “Harbour vote” for review: Quotes checked with the mayor's office.`,
    );
    expect((await asWriter.notification.list()).map((n) => n.message)).toEqual([
      `${editor.displayName} published “Harbour vote”: Leads the site tonight.`,
      `${editor.displayName} approved “Harbour vote”.`,
    ]);
  });
});

describe("the scheduler", () => {
  async function scheduleMany(count: number, at: Date) {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const article = await articleIn("APPROVED", writer, editor, `Scheduled story ${i}`);
      await transition(
        db,
        editor,
        { articleId: article.id, action: "schedule", version: article.version, scheduledFor: at },
        env(),
      );
      ids.push(article.id);
    }
    return ids;
  }

  it("two schedulers racing over 100 due articles publish each exactly once", async () => {
    const at = new Date(FIXED_NOW.getTime() + 60_000);
    const ids = await scheduleMany(100, at);
    const clock = () => new Date(at.getTime() + 1000);
    // Two app instances, each with its own client and connections.
    const [one, two] = [createDb(inject("databaseUrl"), { max: 4 }), createDb(inject("databaseUrl"), { max: 4 })];
    // Both connect before the race starts, so on a busy machine one cannot finish every batch
    // while the other is still opening its first connection.
    await Promise.all([one.$queryRaw`SELECT 1`, two.$queryRaw`SELECT 1`]);
    const [a, b] = await Promise.all([publishDueArticles(one, clock, "UTC"), publishDueArticles(two, clock, "UTC")]);
    await Promise.all([one.$disconnect(), two.$disconnect()]);
    // Both did work: the race was real.
    expect(a.published.length).toBeGreaterThan(0);
    expect(b.published.length).toBeGreaterThan(0);
    expect(a.published.length + b.published.length).toBe(100);
    expect(new Set([...a.published, ...b.published])).toEqual(new Set(ids));
    expect(await db.workflowEvent.count({ where: { action: "SCHEDULED_PUBLISH" } })).toBe(100);
    expect(await db.article.count({ where: { status: "PUBLISHED", liveRevisionId: { not: null } } })).toBe(100);
    expect(await publishDueArticles(db, clock, "UTC")).toEqual({ published: [], failed: [] });
  }, 120_000);

  it("leaves articles that are not due, and publishes late ones on start, saying they were late", async () => {
    const at = new Date(FIXED_NOW.getTime() + 60_000);
    const [id] = await scheduleMany(1, at);
    expect(await publishDueArticles(db, () => new Date(at.getTime() - 1), "UTC")).toEqual({
      published: [],
      failed: [],
    });
    const afterDowntime = new Date(at.getTime() + 3 * 3600_000);
    expect((await publishDueArticles(db, () => afterDowntime, "UTC")).published).toEqual([id]);
    const event = await db.workflowEvent.findFirstOrThrow({ where: { articleId: id, action: "SCHEDULED_PUBLISH" } });
    expect(event.note).toBe("Published 3 h 0 min late: the app was not running at the scheduled time.");
    expect(event.actorId).toBeNull();
  });

  it("does not publish an article that fails its gates at its time, and flags it with the reason", async () => {
    const at = new Date(FIXED_NOW.getTime() + 60_000);
    const [id] = await scheduleMany(1, at);
    await db.article.update({ where: { id }, data: { standfirst: "" } });
    const run = await publishDueArticles(db, () => new Date(at.getTime() + 1000), "UTC");
    expect(run).toEqual({ published: [], failed: [id] });
    const article = await db.article.findUniqueOrThrow({ where: { id } });
    expect(article.status).toBe("SCHEDULED");
    expect(article.scheduleFailure).toBe("This article cannot be published yet. Missing: a standfirst.");
    const desk = await (await workflowCallerFor(editor)).article.dashboard();
    expect(desk.find((g) => g.key === "failed")?.rows.map((r) => r.scheduleFailure)).toEqual([article.scheduleFailure]);
  });
});
