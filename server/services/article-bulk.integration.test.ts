import { beforeEach, describe, expect, it } from "vitest";
import type { BulkActionInput } from "@/lib/schemas/article-bulk";
import type { PublicChange } from "@/server/cache/changes";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import type { PublicCache } from "@/server/public-cache";
import { db, FIXED_NOW, outcome, resetTablesBeforeEach } from "@/tests/db";
import { callAs, EDITORS_AND_ADMINS, makeRoleUsers, type Actor, type RoleUsers } from "@/tests/roles";
import { articleIn } from "@/tests/workflow-states";

let users: RoleUsers;
let sport: string;
resetTablesBeforeEach();
beforeEach(async () => {
  users = await makeRoleUsers();
  sport = (await db.section.create({ data: { slug: "sport", name: "Sport" } })).id;
});

const call = (actor: Actor) => callAs(users, actor);

/** The public-site refreshes an admin's calls ask for. */
let refreshes: PublicChange[] = [];
const recorder: PublicCache = { changed: async (change) => void refreshes.push(change) };
const adminRecorded = async () =>
  createCaller({
    ...(await createContext({ db, userId: users.admin.id, publicCache: recorder })),
    clock: () => FIXED_NOW,
    timeZone: "UTC",
  });

/** What a bulk action must leave alone when it refuses an article. */
function snapshot(id: string) {
  return db.article.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      version: true,
      sectionId: true,
      tags: { select: { tag: { select: { slug: true } } }, orderBy: { tagId: "asc" } },
      _count: { select: { events: true, revisions: true } },
    },
  });
}

async function tagged(id: string, names: string[]) {
  for (const name of names) {
    const slug = name.toLowerCase().replace(/\s+/g, "-");
    const tag = await db.tag.upsert({ where: { slug }, update: {}, create: { slug, name } });
    await db.articleTag.create({ data: { articleId: id, tagId: tag.id } });
  }
}

describe("who may run a bulk action", () => {
  const expected = EDITORS_AND_ADMINS;
  const actions: { name: string; make: (id: string) => BulkActionInput }[] = [
    { name: "move to a section", make: (id) => ({ action: "setSection", ids: [id], sectionId: sport }) },
    { name: "add a tag", make: (id) => ({ action: "addTag", ids: [id], tag: "Harbour" }) },
    { name: "remove a tag", make: (id) => ({ action: "removeTag", ids: [id], tag: "Harbour" }) },
    { name: "spike", make: (id) => ({ action: "spike", ids: [id] }) },
  ];
  const rows = actions.flatMap((a) =>
    (Object.keys(expected) as Actor[]).map((actor) => ({ ...a, actor, want: expected[actor] })),
  );
  it.each(rows)("$actor: $name on the writer's draft → $want", async ({ make, actor, want }) => {
    const draft = await articleIn("DRAFT", users.writer, users.editor);
    const before = await snapshot(draft.id);
    const input = make(draft.id);
    expect(await outcome((await call(actor)).article.bulk(input))).toBe(want);
    if (want !== "ok") expect(await snapshot(draft.id)).toEqual(before);
  });
});

describe("a bulk action over a mix of articles", () => {
  it("spikes what may be spiked, reports each refusal, and leaves the refused articles exactly as they were", async () => {
    const draft = await articleIn("DRAFT", users.writer, users.editor, "Draft to drop");
    const inReview = await articleIn("IN_REVIEW", users.writer, users.editor, "Review to drop");
    const live = await articleIn("PUBLISHED", users.writer, users.editor, "Live story");
    const spiked = await articleIn("SPIKED", users.writer, users.editor, "Already spiked");
    const unknown = "0190a8f0-0000-7000-8000-000000000000";
    const [liveBefore, spikedBefore] = [await snapshot(live.id), await snapshot(spiked.id)];

    const { outcomes } = await (
      await call("editor")
    ).article.bulk({
      action: "spike",
      ids: [draft.id, live.id, inReview.id, spiked.id, unknown],
      note: "Duplicates of the agency copy",
    });

    expect(outcomes.map((o) => [o.id, o.headline, o.ok])).toEqual([
      [draft.id, "Draft to drop", true],
      [live.id, "Live story", false],
      [inReview.id, "Review to drop", true],
      [spiked.id, "Already spiked", false],
      [unknown, null, false],
    ]);
    const reasons = outcomes.flatMap((o) => (o.ok ? [] : [o.reason]));
    expect(reasons).toHaveLength(3);
    for (const reason of reasons) expect(reason).toMatch(/\w+/);
    expect(reasons[2]).toBe("That article was not found.");

    for (const id of [draft.id, inReview.id]) {
      const row = await db.article.findUniqueOrThrow({
        where: { id },
        select: {
          status: true,
          events: { where: { action: "SPIKE" }, select: { action: true, note: true } },
        },
      });
      expect(row).toEqual({ status: "SPIKED", events: [{ action: "SPIKE", note: "Duplicates of the agency copy" }] });
    }
    expect(await snapshot(live.id)).toEqual(liveBefore);
    expect(await snapshot(spiked.id)).toEqual(spikedBefore);
  });

  it("adds a tag: new on some, already there on one, refused where it has twenty; the live story refreshes the public site", async () => {
    const draft = await articleIn("DRAFT", users.writer, users.editor, "Draft");
    const live = await articleIn("PUBLISHED", users.writer, users.editor, "Live");
    const has = await articleIn("DRAFT", users.otherWriter, users.editor, "Has it");
    const full = await articleIn("DRAFT", users.writer, users.editor, "Full");
    await tagged(has.id, ["Floods"]);
    await tagged(
      full.id,
      Array.from({ length: 20 }, (_, i) => `Topic ${i}`),
    );
    const fullBefore = await snapshot(full.id);
    refreshes = [];

    const { outcomes } = await (
      await adminRecorded()
    ).article.bulk({ action: "addTag", ids: [draft.id, live.id, has.id, full.id], tag: " floods " });

    expect(outcomes).toEqual([
      { id: draft.id, headline: "Draft", ok: true, unchanged: false },
      { id: live.id, headline: "Live", ok: true, unchanged: false },
      { id: has.id, headline: "Has it", ok: true, unchanged: true },
      { id: full.id, headline: "Full", ok: false, reason: "It already has 20 tags, the most a story can carry." },
    ]);
    for (const id of [draft.id, live.id, has.id]) {
      expect((await snapshot(id)).tags.map((t) => t.tag.slug)).toEqual(["floods"]);
    }
    // One tag, not a second "floods" tag with a different spelling.
    expect(await db.tag.count({ where: { slug: "floods" } })).toBe(1);
    expect(await snapshot(full.id)).toEqual(fullBefore);
    // The live story's pages (its tag's among them) are refreshed, once for the whole action.
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.takedown).toBe(false);
    expect(refreshes[0]?.tags).toEqual(expect.arrayContaining(["tag:floods"]));
  });

  it("spiking a story that was once live takes its address down on every instance; drafts refresh nothing", async () => {
    const draft = await articleIn("DRAFT", users.writer, users.editor, "Draft");
    const pulled = await articleIn("UNPUBLISHED", users.writer, users.editor, "Pulled");
    refreshes = [];
    const admin = await adminRecorded();
    await admin.article.bulk({ action: "spike", ids: [draft.id] });
    expect(refreshes).toEqual([]);
    await admin.article.bulk({ action: "spike", ids: [pulled.id] });
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.takedown).toBe(true);
    expect(refreshes[0]?.tags).toEqual(expect.arrayContaining([`article:${pulled.slug}`]));
  });

  it("removes a tag where it is, and moves stories to a section, saving each as a new version", async () => {
    const one = await articleIn("DRAFT", users.writer, users.editor, "One");
    const two = await articleIn("APPROVED", users.otherWriter, users.editor, "Two");
    await tagged(one.id, ["Floods", "Weather"]);
    const editor = await call("editor");

    const removed = await editor.article.bulk({ action: "removeTag", ids: [one.id, two.id], tag: "Floods" });
    expect(removed.outcomes.map((o) => o.ok && o.unchanged)).toEqual([false, true]);
    expect((await snapshot(one.id)).tags.map((t) => t.tag.slug)).toEqual(["weather"]);

    const versions = [(await snapshot(one.id)).version, (await snapshot(two.id)).version];
    const moved = await editor.article.bulk({ action: "setSection", ids: [one.id, two.id], sectionId: sport });
    expect(moved.outcomes.every((o) => o.ok && !o.unchanged)).toBe(true);
    expect([(await snapshot(one.id)).sectionId, (await snapshot(two.id)).sectionId]).toEqual([sport, sport]);
    expect([(await snapshot(one.id)).version, (await snapshot(two.id)).version]).toEqual(versions.map((v) => v + 1));
    // The other tag stayed.
    expect((await snapshot(one.id)).tags.map((t) => t.tag.slug)).toEqual(["weather"]);
  });

  it("refuses bad input as a whole, changing nothing", async () => {
    const draft = await articleIn("DRAFT", users.writer, users.editor);
    const before = await snapshot(draft.id);
    const editor = await call("editor");
    const bad: unknown[] = [
      { action: "setSection", ids: [draft.id], sectionId: "0190a8f0-0000-7000-8000-000000000000" },
      { action: "setSection", ids: [draft.id], sectionId: "not-a-uuid" },
      { action: "addTag", ids: [draft.id], tag: "   " },
      { action: "addTag", ids: [draft.id], tag: "!!!" },
      { action: "addTag", ids: [draft.id], tag: "x".repeat(51) },
      { action: "spike", ids: [] },
      { action: "spike", ids: [draft.id, draft.id] },
      { action: "spike", ids: Array.from({ length: 101 }, () => draft.id) },
      { action: "spike", ids: ["nope"] },
      { action: "delete", ids: [draft.id] },
    ];
    for (const input of bad) {
      // Malformed on purpose, as a client could send it.
      const sent = input as BulkActionInput;
      expect(await outcome(editor.article.bulk(sent)), JSON.stringify(input)).toBe("BAD_REQUEST");
    }
    expect(await snapshot(draft.id)).toEqual(before);
  });
});
