import { beforeEach, describe, expect, it } from "vitest";
import { db, outcome, resetTablesBeforeEach, versionOf } from "@/tests/db";
import { callAs, makeRoleUsers, type Actor, type RoleUsers } from "@/tests/roles";
import { articleIn } from "@/tests/workflow-states";

let users: RoleUsers;
resetTablesBeforeEach();
beforeEach(async () => {
  users = await makeRoleUsers();
});

const call = (actor: Actor) => callAs(users, actor);

async function tag(name: string, ...articleIds: string[]) {
  const created = await db.tag.create({ data: { name, slug: name.toLowerCase().replace(/\s+/g, "-") } });
  for (const articleId of articleIds) await db.articleTag.create({ data: { articleId, tagId: created.id } });
  return created;
}

const tagsOf = async (articleId: string) =>
  (await db.articleTag.findMany({ where: { articleId }, select: { tag: { select: { slug: true } } } }))
    .map((t) => t.tag.slug)
    .sort();

describe("who may rename and merge tags", () => {
  const EDITORS: Record<Actor, string> = {
    signedOut: "UNAUTHORIZED",
    writer: "FORBIDDEN",
    otherWriter: "FORBIDDEN",
    editor: "ok",
    admin: "ok",
  };
  type Caller = Awaited<ReturnType<typeof call>>;
  const cases: { name: string; run: (c: Caller) => Promise<unknown> }[] = [
    { name: "list tags", run: (c) => c.tag.list({ q: "" }) },
    { name: "rename a tag", run: async (c) => c.tag.rename({ id: (await tag("Flood")).id, name: "Floods" }) },
    {
      name: "merge two tags",
      run: async (c) => c.tag.merge({ fromId: (await tag("Flood")).id, intoId: (await tag("Floods")).id }),
    },
  ];
  const rows = cases.flatMap((c) =>
    (Object.keys(EDITORS) as Actor[]).map((actor) => ({ ...c, actor, want: EDITORS[actor] })),
  );
  it.each(rows)("$actor: $name → $want", async ({ actor, name, run, want }) => {
    expect(await outcome(run(await call(actor)))).toBe(want);
    if (want !== "ok") {
      // Refused: no tag renamed, merged away or redirected.
      expect(await db.tagSlugRedirect.count()).toBe(0);
      const left = await db.tag.findMany({ select: { name: true, slug: true } });
      expect(left.every((t) => t.slug === t.name.toLowerCase())).toBe(true);
      if (name === "merge two tags") expect(left).toHaveLength(2);
    }
  });
});

describe("renaming a tag", () => {
  it("gives it the new name and address; the old address leads there, and renaming back takes it back", async () => {
    const story = await articleIn("PUBLISHED", users.writer, users.editor, "Rivers rise");
    const flood = await tag("Flood", story.id);
    const editor = await call("editor");
    const reader = await call("signedOut");

    const renamed = await editor.tag.rename({ id: flood.id, name: "Flooding" });
    expect(renamed).toEqual({ id: flood.id, name: "Flooding", slug: "flooding" });
    expect(await reader.site.tagMovedTo({ slug: "flood" })).toBe("flooding");
    expect((await reader.site.list({ kind: "tag", slug: "flooding", page: 1 }))?.items.map((i) => i.headline)).toEqual([
      "Rivers rise",
    ]);
    expect(await reader.site.list({ kind: "tag", slug: "flood", page: 1 })).toBeNull();
    expect((await reader.site.article({ slug: story.slug })).kind === "live").toBe(true);

    // Only the name's case: the address stays, nothing to redirect.
    await editor.tag.rename({ id: flood.id, name: "FLOODING" });
    expect(await db.tagSlugRedirect.findMany({ select: { slug: true } })).toEqual([{ slug: "flood" }]);

    // Back to the first name: its address is the tag's own again, and the other leads to it.
    await editor.tag.rename({ id: flood.id, name: "Flood" });
    expect(await reader.site.tagMovedTo({ slug: "flood" })).toBeNull();
    expect(await reader.site.tagMovedTo({ slug: "flooding" })).toBe("flood");
  });

  it("refuses a name another tag has (merge instead), and bad input, changing nothing", async () => {
    const [flood, floods] = [await tag("Flood"), await tag("Floods")];
    const editor = await call("editor");
    await expect(editor.tag.rename({ id: flood.id, name: "floods" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "“Floods” already has that address: merge the two tags instead.",
    });
    expect(await outcome(editor.tag.rename({ id: flood.id, name: " " }))).toBe("BAD_REQUEST");
    expect(await outcome(editor.tag.rename({ id: flood.id, name: "???" }))).toBe("BAD_REQUEST");
    expect(await outcome(editor.tag.rename({ id: flood.id, name: "x".repeat(51) }))).toBe("BAD_REQUEST");
    expect(await outcome(editor.tag.merge({ fromId: flood.id, intoId: flood.id }))).toBe("BAD_REQUEST");
    expect(await outcome(editor.tag.merge({ fromId: flood.id, intoId: "0190a8f0-0000-7000-8000-000000000000" }))).toBe(
      "NOT_FOUND",
    );
    expect(await db.tag.findMany({ orderBy: { slug: "asc" } })).toEqual(
      [flood, floods].sort((a, b) => a.slug.localeCompare(b.slug)),
    );
    expect(await db.tagSlugRedirect.count()).toBe(0);
  });
});

describe("merging tags", () => {
  it("moves its stories (once each), points its addresses and earlier ones at the other tag, and is gone", async () => {
    const one = await articleIn("PUBLISHED", users.writer, users.editor, "Rivers rise");
    const both = await articleIn("PUBLISHED", users.writer, users.editor, "Dams hold");
    const draft = await articleIn("DRAFT", users.writer, users.editor, "Draft about rain");
    const flood = await tag("Flood", one.id, both.id, draft.id);
    const floods = await tag("Floods", both.id);
    const editor = await call("editor");
    // The tag had an older address already.
    await editor.tag.rename({ id: flood.id, name: "Flood water" });

    const merged = await editor.tag.merge({ fromId: flood.id, intoId: floods.id });
    expect(merged).toEqual({ into: { id: floods.id, name: "Floods", slug: "floods" }, moved: 2 });
    for (const id of [one.id, both.id, draft.id]) expect(await tagsOf(id)).toEqual(["floods"]);
    expect(await db.tag.findUnique({ where: { id: flood.id } })).toBeNull();
    const reader = await call("signedOut");
    expect(await reader.site.tagMovedTo({ slug: "flood" })).toBe("floods");
    expect(await reader.site.tagMovedTo({ slug: "flood-water" })).toBe("floods");
    expect(
      (await reader.site.list({ kind: "tag", slug: "floods", page: 1 }))?.items.map((i) => i.headline).sort(),
    ).toEqual(["Dams hold", "Rivers rise"]);

    // A story saved with the old name (an editor had it open) gets the tag it became.
    await editor.article.update({
      id: draft.id,
      version: await versionOf(draft.id),
      sharedText: true,
      sectionId: null,
      heroImageCaption: null,
      heroImageCredit: null,
      heroImageAlt: null,
      tags: ["Flood", "Flood water", "Rain"],
    });
    expect(await tagsOf(draft.id)).toEqual(["floods", "rain"]);
    expect(await db.tag.count({ where: { slug: { in: ["flood", "flood-water"] } } })).toBe(0);
  });
});
