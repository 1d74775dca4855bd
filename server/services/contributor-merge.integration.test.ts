import { beforeEach, describe, expect, it } from "vitest";
import type { ContributorFields } from "@/lib/schemas/contributor";
import { WHOLE_SITE } from "@/server/cache/tags";
import { authorMovedTo, createContributor, mergeContributors } from "@/server/services/contributors";
import { feedFor } from "@/server/services/public-feeds";
import { getPublishedBySlug, listingFor } from "@/server/services/public-articles";
import { saveByline } from "@/tests/bylines";
import { db, outcome, resetTablesBeforeEach, versionOf } from "@/tests/db";
import { callAs, EDITORS_AND_ADMINS, makeRoleUsers, type Actor, type RoleUsers } from "@/tests/roles";
import { articleIn } from "@/tests/workflow-states";

// A duplicate credit ("Reuters" and "Reuters." typed by two people) merged into the other, and
// a credit added by mistake deleted.

let users: RoleUsers;
resetTablesBeforeEach();
beforeEach(async () => {
  users = await makeRoleUsers();
});
const call = (actor: Actor) => callAs(users, actor);
const agency = (name: string) => createContributor(db, { kind: "AGENCY", name, bio: "", photoUrl: null });
const person = (name: string): Promise<{ id: string; slug: string }> =>
  createContributor(db, { kind: "PERSON", name, bio: "", photoUrl: null } satisfies ContributorFields);
const UNKNOWN = "018f0000-0000-7000-8000-000000000000";

/** A draft by the writer with this byline; published when asked. */
async function story(authorIds: string[], publish = false) {
  const article = await articleIn("DRAFT", users.writer, users.editor, `Ferry strike ${authorIds.length}`);
  await saveByline(await call("writer"), article.id, authorIds);
  if (publish) {
    const editor = await call("editor");
    await editor.workflow.submit({ id: article.id, version: await versionOf(article.id) });
    await editor.workflow.publish({ id: article.id, version: await versionOf(article.id) });
  }
  return db.article.findUniqueOrThrow({ where: { id: article.id }, select: { id: true, slug: true } });
}
const bylineOf = async (id: string) =>
  (await (await call("editor")).article.get({ id })).byline.map((b) => b.displayName);

describe("who may merge and delete", () => {
  const expected = EDITORS_AND_ADMINS;
  it.each(Object.entries(expected) as [Actor, string][])("contributor.merge as %s → %s", async (actor, want) => {
    const [kept, duplicate] = [await agency("Reuters"), await agency("Reuters.")];
    const credited = await story([duplicate.id]);
    expect(await outcome((await call(actor)).contributor.merge({ fromId: duplicate.id, intoId: kept.id }))).toBe(want);
    expect(await db.contributor.count()).toBe(want === "ok" ? 1 : 2);
    expect(await bylineOf(credited.id)).toEqual([want === "ok" ? "Reuters" : "Reuters."]);
  });
  it.each(Object.entries(expected) as [Actor, string][])("contributor.delete as %s → %s", async (actor, want) => {
    const mistake = await person("Fran Freelancee");
    expect(await outcome((await call(actor)).contributor.delete({ id: mistake.id }))).toBe(want);
    expect(await db.contributor.count()).toBe(want === "ok" ? 0 : 1);
  });
});

describe("merging", () => {
  it("every byline credits the other in its place, once, and readers' pages and bylines follow", async () => {
    const [kept, duplicate] = [await agency("Reuters"), await agency("Reuters.")];
    const live = await story([users.writer.id, duplicate.id], true);
    const both = await story([duplicate.id, users.writer.id, kept.id]);
    expect((await listingFor(db, "author", duplicate.slug, 1))?.items).toHaveLength(1);

    const editor = await call("editor");
    expect(await editor.contributor.merge({ fromId: duplicate.id, intoId: kept.id })).toEqual({
      into: { id: kept.id, name: "Reuters", slug: kept.slug },
      moved: 2,
    });
    // In the duplicate's place; where a story had both, once, at the earlier place.
    expect(await bylineOf(live.id)).toEqual([users.writer.displayName, "Reuters"]);
    expect(await bylineOf(both.id)).toEqual(["Reuters", users.writer.displayName]);
    expect((await getPublishedBySlug(db, live.slug)).authors.map((a) => a.slug)).toEqual([
      (await db.user.findUniqueOrThrow({ where: { id: users.writer.id } })).slug,
      kept.slug,
    ]);
    // The duplicate's page and feed are gone; its address leads to the kept page, which lists the story.
    expect(await listingFor(db, "author", duplicate.slug, 1)).toBeNull();
    expect(await feedFor(db, { kind: "author", slug: duplicate.slug })).toBeNull();
    expect(await authorMovedTo(db, duplicate.slug)).toBe(kept.slug);
    expect((await listingFor(db, "author", kept.slug, 1))?.items.map((s) => s.id)).toEqual([live.id]);
    // The editors' list says where it answers.
    expect((await editor.contributor.list()).map((c) => [c.name, c._count.credits, c.merged])).toEqual([
      ["Reuters", 2, [{ slug: duplicate.slug }]],
    ]);
  });

  it("a byline saved afterwards from a workspace opened before the merge gets the kept credit", async () => {
    const [kept, duplicate] = [await agency("AFP"), await agency("A.F.P.")];
    const draft = await story([users.writer.id, duplicate.id]);
    await (await call("editor")).contributor.merge({ fromId: duplicate.id, intoId: kept.id });
    await saveByline(await call("writer"), draft.id, [users.writer.id, duplicate.id, kept.id]);
    expect(await bylineOf(draft.id)).toEqual([users.writer.displayName, "AFP"]);
  });

  it("an old address is never given to anyone again, and follows a second merge", async () => {
    const [first, second, third] = [await agency("Wire"), await agency("Wire Service"), await agency("Newswire")];
    await (await call("editor")).contributor.merge({ fromId: first.id, intoId: second.id });
    // A new credit called "Wire" gets another address: /authors/wire still leads to the merged one.
    const again = await agency("Wire");
    expect(again.slug).toBe(`${first.slug}-2`);
    expect(await authorMovedTo(db, first.slug)).toBe(second.slug);
    await (await call("admin")).contributor.merge({ fromId: second.id, intoId: third.id });
    expect(await authorMovedTo(db, first.slug)).toBe(third.slug);
    expect(await authorMovedTo(db, second.slug)).toBe(third.slug);
    expect(await authorMovedTo(db, "nobody")).toBeNull();
  });

  it("refreshes the whole site when the merged one was credited, only its old address otherwise", async () => {
    const [a, b, c] = [await person("Ann One"), await person("Ann  One"), await person("Ann Uno")];
    await story([b.id]);
    expect((await mergeContributors(db, b.id, a.id)).publicChange).toEqual(WHOLE_SITE);
    expect((await mergeContributors(db, c.id, a.id)).publicChange).toEqual({
      tags: [`author:${c.slug}`],
      takedown: false,
    });
  });

  it("refuses the same credit twice, an unknown one and malformed ids, changing nothing", async () => {
    const [kept, duplicate] = [await agency("Reuters"), await agency("Reuters.")];
    await story([duplicate.id]);
    const editor = await call("editor");
    expect(await outcome(editor.contributor.merge({ fromId: kept.id, intoId: kept.id }))).toBe("BAD_REQUEST");
    expect(await outcome(editor.contributor.merge({ fromId: duplicate.id, intoId: UNKNOWN }))).toBe("NOT_FOUND");
    expect(await outcome(editor.contributor.merge({ fromId: UNKNOWN, intoId: kept.id }))).toBe("NOT_FOUND");
    for (const bad of [{ fromId: "x", intoId: kept.id }, { fromId: duplicate.id }, {}, null])
      expect(await outcome(editor.contributor.merge(bad as { fromId: string; intoId: string }))).toBe("BAD_REQUEST");
    expect(await db.contributor.count()).toBe(2);
    expect(await db.articleContributor.count({ where: { contributorId: duplicate.id } })).toBe(1);
    expect(await db.mergedContributor.count()).toBe(0);
  });

  it("two merges of the same pair at once: one merges, the other finds nothing to merge", async () => {
    const [kept, duplicate] = [await agency("Reuters"), await agency("Reuters.")];
    await story([duplicate.id]);
    const [editor, admin] = [await call("editor"), await call("admin")];
    const results = await Promise.all([
      outcome(editor.contributor.merge({ fromId: duplicate.id, intoId: kept.id })),
      outcome(admin.contributor.merge({ fromId: duplicate.id, intoId: kept.id })),
    ]);
    expect(results.sort()).toEqual(["NOT_FOUND", "ok"]);
    expect(await db.articleContributor.count({ where: { contributorId: kept.id } })).toBe(1);
  });
});

describe("deleting", () => {
  it("takes away a credit no story carries; one on any byline, even a draft's, is refused with why", async () => {
    const [unused, onDraft] = [await person("Typo Person"), await person("Fran Freelance")];
    await story([users.writer.id, onDraft.id]);
    const editor = await call("editor");
    expect(await editor.contributor.delete({ id: unused.id })).toEqual({ name: "Typo Person" });
    await expect(editor.contributor.delete({ id: onDraft.id })).rejects.toThrow(
      "“Fran Freelance” is on the byline of 1 story: merge it into another credit instead, or take it off those bylines first.",
    );
    expect(await outcome(editor.contributor.delete({ id: unused.id }))).toBe("NOT_FOUND");
    for (const bad of [{ id: "not-an-id" }, {}, { id: 7 }])
      expect(await outcome(editor.contributor.delete(bad as { id: string }))).toBe("BAD_REQUEST");
    expect((await editor.contributor.list()).map((c) => c.name)).toEqual(["Fran Freelance"]);
  });
});
