import { beforeEach, describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/content/document";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import type { PublicCache, PublicChange } from "@/server/public-cache";
import type { SessionUser } from "@/server/services/users";
import { transition } from "@/server/services/workflow";
import { db, env, FIXED_NOW, makeReadyDraft, makeUser, outcome, resetTablesBeforeEach, versionOf } from "@/tests/db";

// Live blogs: entries by whoever may edit the story, on record, newest first on the page with
// the pinned one and key events; each change refreshes only the live blog's own address.

let writer: SessionUser;
let editor: SessionUser;
let changes: PublicChange[] = [];
const recorder: PublicCache = { changed: async (change) => void changes.push(change) };
let minute = 0;
const callerAs = async (user: SessionUser | null) =>
  createCaller({
    ...(await createContext({ db, userId: user?.id ?? null, publicCache: recorder })),
    // Each call a minute later: entries have distinct times.
    clock: () => new Date(FIXED_NOW.getTime() + (minute += 1) * 60_000),
    timeZone: "UTC",
  });
const entry = (text: string) => paragraphs([text]);

resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
  changes = [];
  minute = 0;
});

async function publish(articleId: string) {
  for (const action of ["submit", "publish"] as const)
    await transition(db, editor, { articleId, action, version: await versionOf(articleId) }, env());
}

/** A live blog by the writer, its intro written, in `state`. */
async function liveBlog(state: "draft" | "published") {
  const draft = await makeReadyDraft(writer, "Election night, live");
  await db.article.update({ where: { id: draft.id }, data: { kind: "LIVE" } });
  if (state === "published") await publish(draft.id);
  return await db.article.findUniqueOrThrow({ where: { id: draft.id }, select: { id: true, slug: true } });
}

describe("live blog entries", () => {
  it("an editor adds, pins and marks key events; readers get them newest first; each refreshes only the blog", async () => {
    const blog = await liveBlog("published");
    const desk = await callerAs(editor);
    const first = await desk.liveblog.add({
      articleId: blog.id,
      body: entry("Polls have closed."),
      keyEvent: "Polls close",
    });
    const second = await desk.liveblog.add({
      articleId: blog.id,
      body: entry("First result: Harbour ward."),
      keyEvent: null,
    });
    await desk.liveblog.add({ articleId: blog.id, body: entry("Turnout is 61%."), keyEvent: "Turnout 61%" });
    await desk.liveblog.pin({ id: second.id, pinned: true });
    expect(changes).toHaveLength(4);
    expect(changes.every((c) => c.tags.join() === `article:${blog.slug}` && !c.takedown)).toBe(true);

    const page = await (await callerAs(null)).site.article({ slug: blog.slug });
    if (page.kind !== "live" || !page.live) throw new Error("the live blog is not live");
    expect(page.article.kind).toBe("LIVE");
    expect(page.live.entries.map((e) => e.body)).toEqual([
      entry("Turnout is 61%."),
      entry("First result: Harbour ward."),
      entry("Polls have closed."),
    ]);
    expect(page.live.pinned?.id).toBe(second.id);
    expect(page.live.keyEvents.map((k) => k.line)).toEqual(["Turnout 61%", "Polls close"]);
    expect(page.live.entries[2]).toMatchObject({ id: first.id, author: expect.any(String) });
    // Pinning another unpins the first.
    await desk.liveblog.pin({ id: first.id, pinned: true });
    const again = await (await callerAs(null)).site.article({ slug: blog.slug });
    expect(again.kind === "live" ? again.live?.pinned?.id : null).toBe(first.id);
  });

  it("edits and deletions are on record; a stale edit is refused; a deletion is a takedown", async () => {
    const blog = await liveBlog("published");
    const desk = await callerAs(editor);
    const added = await desk.liveblog.add({ articleId: blog.id, body: entry("Turnout is 16%."), keyEvent: null });
    const edited = await desk.liveblog.edit({
      id: added.id,
      version: added.version,
      body: entry("Turnout is 61%."),
      keyEvent: null,
    });
    expect(edited.version).toBe(2);
    expect(
      await outcome(desk.liveblog.edit({ id: added.id, version: 1, body: entry("Older edit."), keyEvent: null })),
    ).toBe("CONFLICT");
    changes = [];
    await desk.liveblog.delete({ id: added.id, version: 2 });
    expect(changes).toEqual([{ tags: [`article:${blog.slug}`], takedown: true }]);
    const page = await (await callerAs(null)).site.article({ slug: blog.slug });
    expect(page.kind === "live" ? page.live?.entries : null).toEqual([]);
    const record = await db.liveEntryRevision.findMany({ where: { entryId: added.id }, orderBy: { createdAt: "asc" } });
    expect(record.map((r) => [r.action, r.body])).toEqual([
      ["ADDED", entry("Turnout is 16%.")],
      ["EDITED", entry("Turnout is 61%.")],
      ["DELETED", entry("Turnout is 61%.")],
    ]);
    expect(await outcome(desk.liveblog.delete({ id: added.id, version: 3 }))).toBe("NOT_FOUND");
  });

  it("who may add: editors; the writer while it is their draft; nobody else; bad entries change nothing", async () => {
    const draft = await liveBlog("draft");
    const mine = await callerAs(writer);
    await mine.liveblog.add({ articleId: draft.id, body: entry("Prepared before polls close."), keyEvent: null });
    const other = await callerAs(await makeUser("WRITER"));
    expect(await outcome(other.liveblog.add({ articleId: draft.id, body: entry("Not mine."), keyEvent: null }))).toBe(
      "NOT_FOUND",
    );
    expect(
      await outcome((await callerAs(null)).liveblog.add({ articleId: draft.id, body: entry("x"), keyEvent: null })),
    ).toBe("UNAUTHORIZED");
    // Not live yet: readers see nothing of it.
    expect((await (await callerAs(null)).site.article({ slug: draft.slug })).kind).toBe("missing");
    await publish(draft.id);
    expect(await outcome(mine.liveblog.add({ articleId: draft.id, body: entry("Now live."), keyEvent: null }))).toBe(
      "FORBIDDEN",
    );
    const desk = await callerAs(editor);
    for (const [body, keyEvent] of [
      [{ type: "doc", content: [{ type: "script", text: "alert(1)" }] }, null],
      [{ type: "doc", content: [{ type: "paragraph" }] }, null],
      [entry("Fine text."), "x".repeat(121)],
      [entry("Fine text."), "Bell\u0007"],
    ] as const) {
      expect(await outcome(desk.liveblog.add({ articleId: draft.id, body, keyEvent })), JSON.stringify(body)).toBe(
        "BAD_REQUEST",
      );
    }
    expect(await db.liveEntry.count({ where: { articleId: draft.id } })).toBe(1);
    // A story is not a live blog.
    const story = await makeReadyDraft(writer, "A plain story");
    expect(await outcome(desk.liveblog.add({ articleId: story.id, body: entry("x"), keyEvent: null }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("ending the coverage closes it: no more entries, and the page says when it ended", async () => {
    const blog = await liveBlog("published");
    const desk = await callerAs(editor);
    await desk.liveblog.add({ articleId: blog.id, body: entry("Final result declared."), keyEvent: "Result" });
    await desk.liveblog.endCoverage({ articleId: blog.id });
    expect(await outcome(desk.liveblog.add({ articleId: blog.id, body: entry("One more."), keyEvent: null }))).toBe(
      "CONFLICT",
    );
    expect(await outcome(desk.liveblog.endCoverage({ articleId: blog.id }))).toBe("CONFLICT");
    const page = await (await callerAs(null)).site.article({ slug: blog.slug });
    expect(page.kind === "live" ? page.article.coverageEndedAt : null).toBeInstanceOf(Date);
  });
});
