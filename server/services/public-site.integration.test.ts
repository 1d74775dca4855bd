import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import type { PublicCache, PublicChange } from "@/server/public-cache";
import { lookupArticle } from "@/server/services/public-articles";
import { SEARCH_LIMIT } from "@/server/services/public-search";
import type { SessionUser } from "@/server/services/users";
import { paragraphs } from "@/lib/content/document";
import { transition } from "@/server/services/workflow";
import { jsonDoc, db, env, FIXED_NOW, makeUser, outcome, resetTablesBeforeEach, versionOf } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";

let writer: SessionUser;
let editor: SessionUser;
let changes: PublicChange[] = [];
const recorder: PublicCache = { changed: async (change) => void changes.push(change) };
const callerAs = async (user: SessionUser | null) =>
  createCaller({
    ...(await createContext({ db, userId: user?.id ?? null, publicCache: recorder })),
    clock: () => FIXED_NOW,
    timeZone: "UTC",
  });

resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
  changes = [];
});

describe("a published story's address", () => {
  it("changes with “Change address”; every old address answers 301 to the newest", async () => {
    const story = await articleIn("PUBLISHED", writer, editor, "Harbour vote");
    const caller = await callerAs(editor);
    await caller.article.changeSlug({ id: story.id, version: await versionOf(story.id), slug: "harbour-vote-result" });
    await caller.article.changeSlug({ id: story.id, version: await versionOf(story.id), slug: "harbour-vote-final" });
    expect(await lookupArticle(db, story.slug)).toEqual({ kind: "moved", slug: "harbour-vote-final" });
    expect(await lookupArticle(db, "harbour-vote-result")).toEqual({ kind: "moved", slug: "harbour-vote-final" });
    expect((await lookupArticle(db, "harbour-vote-final")).kind).toBe("live");
    expect(changes.length).toBe(2);
  });

  it("going back to an old address makes it live again, not a redirect", async () => {
    const story = await articleIn("PUBLISHED", writer, editor, "Harbour vote");
    const caller = await callerAs(editor);
    await caller.article.changeSlug({ id: story.id, version: await versionOf(story.id), slug: "moved-away" });
    await caller.article.changeSlug({ id: story.id, version: await versionOf(story.id), slug: story.slug });
    expect((await lookupArticle(db, story.slug)).kind).toBe("live");
    expect(await lookupArticle(db, "moved-away")).toEqual({ kind: "moved", slug: story.slug });
  });

  it("refuses an address another story has or had, and changes nothing", async () => {
    const a = await articleIn("PUBLISHED", writer, editor, "First story");
    const b = await articleIn("PUBLISHED", writer, editor, "Second story");
    const caller = await callerAs(editor);
    await caller.article.changeSlug({ id: a.id, version: await versionOf(a.id), slug: "first-story-moved" });
    expect(await outcome(caller.article.changeSlug({ id: b.id, version: await versionOf(b.id), slug: a.slug }))).toBe(
      "CONFLICT",
    );
    expect(
      await outcome(caller.article.changeSlug({ id: b.id, version: await versionOf(b.id), slug: "first-story-moved" })),
    ).toBe("CONFLICT");
    expect((await db.article.findUniqueOrThrow({ where: { id: b.id } })).slug).toBe(b.slug);
    // A new draft never takes a reserved old address either.
    const draft = await (await callerAs(writer)).article.create({ headline: "First story" });
    expect(draft.slug).not.toBe(a.slug);
  });

  it("is not changed by an autosave after publishing", async () => {
    const story = await articleIn("PUBLISHED", writer, editor, "Harbour vote");
    const current = await (await callerAs(editor)).article.get({ id: story.id });
    const result = await outcome(
      (await callerAs(editor)).article.update({
        id: story.id,
        version: current.version,
        headline: current.headline,
        standfirst: current.standfirst,
        sectionId: current.sectionId,
        body: current.body,
        heroImageCaption: null,
        heroImageCredit: null,
        heroImageAlt: null,
        slug: "sneaky-new-slug",
      }),
    );
    expect(result).toBe("BAD_REQUEST");
    expect(await db.articleSlugRedirect.count()).toBe(0);
  });
});

describe("refreshing the public site", () => {
  it("happens after publishing, unpublishing, corrections and edits readers see at once, not after other autosaves", async () => {
    const draft = await articleIn("APPROVED", writer, editor, "Harbour vote");
    const editorCaller = await callerAs(editor);
    const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Text." }] }] };
    const save = async (id: string, change: Partial<Parameters<typeof editorCaller.article.update>[0]> = {}) => {
      const a = await editorCaller.article.get({ id });
      return editorCaller.article.update({
        id,
        version: a.version,
        headline: a.headline,
        standfirst: a.standfirst,
        sectionId: a.sectionId,
        body,
        heroImageCaption: null,
        heroImageCredit: null,
        heroImageAlt: null,
        ...change,
      });
    };
    await save(draft.id);
    expect(changes.length).toBe(0);
    await editorCaller.workflow.publish({ id: draft.id, version: await versionOf(draft.id) });
    expect(changes.length).toBe(1);
    // Headline and body edits stay in the working copy until an editor publishes the update.
    await save(draft.id, { headline: "Harbour vote: the count", body: paragraphs(["New text."]) });
    await save(draft.id);
    expect(changes.length).toBe(1);
    // Section, tags, bylines and share texts come straight from the article: readers see them at once.
    const sport = await db.section.create({ data: { slug: "sport", name: "Sport" } });
    await save(draft.id, { sectionId: sport.id });
    expect(changes.length).toBe(2);
    // Sport had no live story: the section menu on every page changes, so the whole site.
    expect(changes[1]).toEqual({ tags: [], takedown: false });
    await save(draft.id, { tags: ["Harbour"] });
    expect(changes.length).toBe(3);
    // Only the pages that show the story: its address, its lists (section, tag, bylines), feeds and sitemaps.
    const bylines = await db.articleAuthor.findMany({ where: { articleId: draft.id }, select: { user: true } });
    expect(changes[2]).toEqual({
      tags: [
        `article:${draft.slug}`,
        ...bylines.map((b) => `author:${b.user.slug}`),
        "feed",
        "home",
        "section:sport",
        "sitemap",
        "tag:harbour",
      ].sort(),
      takedown: false,
    });
    await save(draft.id, { tags: ["harbour "] }); // the same tag
    expect(changes.length).toBe(3);
    await save(draft.id, { authorIds: [editor.id, writer.id] });
    expect(changes.length).toBe(4);
    await save(draft.id, { authorIds: [writer.id, editor.id] }); // the byline order changes
    expect(changes.length).toBe(5);
    await save(draft.id, { seoTitle: "Harbour vote counted" });
    await save(draft.id, { seoTitle: "Harbour vote counted" });
    expect(changes.length).toBe(6);
    await editorCaller.workflow.addCorrection({
      id: draft.id,
      version: await versionOf(draft.id),
      text: "An earlier version misspelt a name.",
    });
    expect(changes.length).toBe(7);
    await editorCaller.workflow.unpublish({ id: draft.id, version: await versionOf(draft.id), note: "Legal" });
    expect(changes.length).toBe(8);
    expect(changes[7]?.takedown).toBe(true);
    expect(changes.slice(0, 7).every((change) => !change.takedown)).toBe(true);
    // An unpublished story's edits reach no reader.
    await save(draft.id, { sectionId: sport.id, tags: ["Elections"] });
    expect(changes.length).toBe(8);
  });

  it("does not happen for steps readers cannot see, or for a profile saved unchanged", async () => {
    const story = await articleIn("DRAFT", writer, editor, "Harbour vote");
    const mine = await callerAs(writer);
    const desk = await callerAs(editor);
    const ref = async () => ({ id: story.id, version: await versionOf(story.id) });
    await mine.workflow.submit(await ref());
    await mine.workflow.withdraw(await ref());
    await mine.workflow.submit(await ref());
    await desk.workflow.requestChanges({ ...(await ref()), note: "Add a quote" });
    await mine.workflow.submit(await ref());
    await desk.workflow.setLegalReview({ ...(await ref()), required: true });
    await desk.workflow.signOffLegal({ ...(await ref()), note: "Fine" });
    await desk.workflow.approve(await ref());
    await desk.workflow.setEmbargo({ ...(await ref()), until: "2026-11-27T09:00" });
    await desk.workflow.schedule({ ...(await ref()), scheduledFor: "2026-11-27T10:00" });
    await desk.workflow.unschedule(await ref());
    await desk.workflow.setEmbargo({ ...(await ref()), until: null });
    expect(changes.length).toBe(0);

    await mine.user.updateProfile({ bio: "Covers the harbour.", photoUrl: null });
    expect(changes.length).toBe(1);
    await mine.user.updateProfile({ bio: "Covers the harbour.", photoUrl: null });
    expect(changes.length).toBe(1);

    await desk.workflow.publish(await ref());
    expect(changes.length).toBe(2);
  });

  it("does not happen when the change is refused", async () => {
    const story = await articleIn("PUBLISHED", writer, editor, "Harbour vote");
    expect(
      await outcome(
        (await callerAs(writer)).workflow.unpublish({ id: story.id, version: await versionOf(story.id), note: "No" }),
      ),
    ).toBe("FORBIDDEN");
    expect(changes.length).toBe(0);
  });
});

describe("the home page's lead", () => {
  it("is the newest story, or the one an editor pinned; only live stories can be pinned", async () => {
    const older = await articleIn("PUBLISHED", writer, editor, "Older story");
    await db.article.update({
      where: { id: older.id },
      data: { publishedAt: new Date(FIXED_NOW.getTime() - 3600_000) },
    });
    const newer = await articleIn("PUBLISHED", writer, editor, "Newer story");
    const site = (await callerAs(null)).site;
    expect((await site.home()).lead?.id).toBe(newer.id);
    await (await callerAs(editor)).article.pin({ id: older.id, pinned: true });
    expect((await site.home()).lead?.id).toBe(older.id);
    expect((await site.home()).latest.map((c) => c.id)).toEqual([newer.id]);
    const draft = await articleIn("DRAFT", writer, editor, "A draft");
    expect(await outcome((await callerAs(editor)).article.pin({ id: draft.id, pinned: true }))).toBe("BAD_REQUEST");
    await (await callerAs(editor)).article.pin({ id: older.id, pinned: false });
    expect((await site.home()).lead?.id).toBe(newer.id);
  });
});

describe("search", () => {
  it("ranks a headline match above a body match, highlights the words, and takes any characters", async () => {
    const inBody = await articleIn("APPROVED", writer, editor, "Council budget");
    const text = "The minister, Sergei Lavrov, was not mentioned in the budget.";
    await db.article.update({ where: { id: inBody.id }, data: { body: jsonDoc(paragraphs([text])), bodyText: text } });
    await transition(
      db,
      editor,
      { articleId: inBody.id, action: "publish", version: await versionOf(inBody.id) },
      env(),
    );
    const inHeadline = await articleIn("PUBLISHED", writer, editor, "Lavrov visits the harbour");
    const site = (await callerAs(null)).site;
    const found = await site.search({ q: "Lavrov", page: 1 });
    expect(found?.results.map((r) => r.card.id)).toEqual([inHeadline.id, inBody.id]);
    expect(found?.results[1]?.snippet).toContainEqual({ text: "Lavrov", hit: true });
    for (const q of [
      '\'); DROP TABLE "Article"; --',
      "<script>alert(1)</script>",
      "a & | ! :* (",
      "\u0002",
      '"unclosed',
      "-",
      "or or or",
    ]) {
      const result = await site.search({ q, page: 1 });
      expect(result, q).not.toBeNull();
    }
    expect(await outcome(site.search({ q: "x".repeat(201), page: 1 }))).toBe("BAD_REQUEST");
    // A NUL is refused with a message like in any other text field (the /search page strips it).
    expect(await outcome(site.search({ q: "\u0000\u0002", page: 1 }))).toBe("BAD_REQUEST");
    expect(await site.search({ q: "Lavrov", page: 99 })).toBeNull();
  });

  it("indexes the live revision only: an autosave changes nothing readers find", async () => {
    const story = await articleIn("PUBLISHED", writer, editor, "Lavrov visits the harbour");
    const caller = await callerAs(editor);
    const a = await caller.article.get({ id: story.id });
    await caller.article.update({
      id: story.id,
      version: a.version,
      headline: "Lavrov leaves the harbour",
      standfirst: a.standfirst,
      sectionId: a.sectionId,
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Draft text." }] }] },
      heroImageCaption: null,
      heroImageCredit: null,
      heroImageAlt: null,
    });
    expect(await db.articleRevision.count({ where: { articleId: story.id, kind: "SAVE" } })).toBe(1);
    expect(await db.searchDocument.count({ where: { articleId: story.id } })).toBe(1);
    // Readers find what is live, not the unpublished edit.
    const site = (await callerAs(null)).site;
    expect((await site.search({ q: "visits", page: 1 }))?.results.map((r) => r.card.id)).toEqual([story.id]);
    expect((await site.search({ q: "leaves", page: 1 }))?.results).toEqual([]);
  });
});

describe("search from one address", () => {
  it("is limited: a burst, then a clear 429 message; other addresses and server calls go on", async () => {
    await articleIn("PUBLISHED", writer, editor, "Harbour vote");
    const from = async (clientAddress: string | null) =>
      createCaller({
        ...(await createContext({ db, userId: null, publicCache: recorder, clientAddress })),
        clock: () => FIXED_NOW,
      });
    const busy = await from("192.0.2.55");
    for (let i = 0; i < SEARCH_LIMIT.burst; i += 1)
      expect(await busy.site.search({ q: "harbour", page: 1 })).not.toBeNull();
    const refused = await busy.site.search({ q: "harbour", page: 1 }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "TOO_MANY_REQUESTS", message: expect.stringMatching(/^Too many searches/) });
    expect(await (await from("198.51.100.77")).site.search({ q: "harbour", page: 1 })).not.toBeNull();
    expect(await (await from(null)).site.search({ q: "harbour", page: 1 })).not.toBeNull();
  });
});

describe("author pages", () => {
  it("show the author's own bio and photo; a photo must come from the library, and a refused save changes nothing", async () => {
    await articleIn("PUBLISHED", writer, editor, "Harbour vote");
    const caller = await callerAs(writer);
    await caller.user.updateProfile({ bio: "Covers the harbour <b>and</b> the council.", photoUrl: null });
    expect(changes.length).toBe(1);
    const slug = (await caller.user.profile()).slug;
    const page = await (await callerAs(null)).site.list({ kind: "author", slug, page: 1 });
    expect(page?.owner).toMatchObject({ bio: "Covers the harbour <b>and</b> the council.", photoUrl: null });
    expect(await outcome(caller.user.updateProfile({ bio: "Changed", photoUrl: "/media/not-in-library.jpg" }))).toBe(
      "BAD_REQUEST",
    );
    expect(await outcome(caller.user.updateProfile({ bio: "x".repeat(1001), photoUrl: null }))).toBe("BAD_REQUEST");
    expect((await caller.user.profile()).bio).toBe("Covers the harbour <b>and</b> the council.");
  });

  it("exist only for people with a live story", async () => {
    await articleIn("DRAFT", writer, editor, "Only a draft");
    const slug = (await (await callerAs(writer)).user.profile()).slug;
    expect(await (await callerAs(null)).site.list({ kind: "author", slug, page: 1 })).toBeNull();
  });
});
