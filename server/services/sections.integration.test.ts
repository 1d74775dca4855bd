import { beforeEach, describe, expect, it } from "vitest";
import { db, outcome, resetTablesBeforeEach, versionOf } from "@/tests/db";
import { callAs, makeRoleUsers, type Actor, type RoleUsers } from "@/tests/roles";
import { budgetLine } from "@/tests/budget";
import { articleIn } from "@/tests/workflow-states";

let users: RoleUsers;
resetTablesBeforeEach();
beforeEach(async () => {
  users = await makeRoleUsers();
});

const call = (actor: Actor) => callAs(users, actor);

const section = (name: string, position = 0) =>
  db.section.create({ data: { name, slug: name.toLowerCase(), position } });

describe("who may manage sections and the newsroom's settings", () => {
  const ADMIN_ONLY: Record<Actor, string> = {
    signedOut: "UNAUTHORIZED",
    writer: "FORBIDDEN",
    otherWriter: "FORBIDDEN",
    editor: "FORBIDDEN",
    admin: "ok",
  };
  type Caller = Awaited<ReturnType<typeof call>>;
  const cases: { name: string; run: (c: Caller) => Promise<unknown>; expected: Record<Actor, string> }[] = [
    { name: "list sections", run: (c) => c.section.list(), expected: ADMIN_ONLY },
    { name: "create a section", run: (c) => c.section.create({ name: "Climate" }), expected: ADMIN_ONLY },
    {
      name: "rename a section",
      run: async (c) => c.section.rename({ id: (await section("Sport")).id, name: "Sports" }),
      expected: ADMIN_ONLY,
    },
    {
      name: "reorder sections",
      run: async (c) => {
        const [a, b] = [await section("Sport"), await section("Arts")];
        return c.section.reorder({ ids: [b.id, a.id] });
      },
      expected: ADMIN_ONLY,
    },
    {
      name: "retire a section",
      run: async (c) => c.section.setRetired({ id: (await section("Sport")).id, retired: true }),
      expected: ADMIN_ONLY,
    },
    {
      name: "read the settings",
      run: (c) => c.settings.get(),
      expected: { signedOut: "UNAUTHORIZED", writer: "ok", otherWriter: "ok", editor: "ok", admin: "ok" },
    },
    { name: "change the settings", run: (c) => c.settings.update({ colleaguesCanRead: false }), expected: ADMIN_ONLY },
  ];
  const rows = cases.flatMap((c) =>
    (Object.keys(c.expected) as Actor[]).map((actor) => ({ ...c, actor, want: c.expected[actor] })),
  );
  it.each(rows)("$actor: $name → $want", async ({ actor, run, want }) => {
    const before = await db.section.findMany({ orderBy: { id: "asc" } });
    expect(await outcome(run(await call(actor)))).toBe(want);
    if (want !== "ok") {
      // Refused: the sections are as the test made them (a setup section may have been added).
      const after = await db.section.findMany({ orderBy: { id: "asc" } });
      for (const s of after.filter((row) => before.some((b) => b.id === row.id)))
        expect(before.find((b) => b.id === s.id)).toEqual(s);
      expect(after.every((s) => s.retiredAt === null && s.name !== "Sports" && s.name !== "Climate")).toBe(true);
      expect((await db.newsroomSettings.findUnique({ where: { id: 1 } }))?.colleaguesCanRead ?? true).toBe(true);
    }
  });
});

describe("sections through their life", () => {
  it("an admin adds, renames and reorders sections; the address stays and the menu follows the order", async () => {
    const admin = await call("admin");
    const world = await admin.section.create({ name: "World" });
    const climate = await admin.section.create({ name: "Climate" });
    expect(climate.slug).toBe("climate");
    expect((await admin.section.list()).map((s) => s.name)).toEqual(["World", "Climate"]);

    const renamed = await admin.section.rename({ id: climate.id, name: "Climate and energy" });
    expect(renamed).toEqual({ id: climate.id, name: "Climate and energy", slug: "climate" });
    await admin.section.reorder({ ids: [climate.id, world.id] });
    // Both have a live story: the public menu lists them in the admin's order.
    for (const id of [world.id, climate.id]) {
      const story = await articleIn("PUBLISHED", users.writer, users.editor, `Story ${id}`);
      await db.article.update({ where: { id: story.id }, data: { sectionId: id } });
    }
    expect((await (await call("signedOut")).site.sections()).map((s) => s.name)).toEqual([
      "Climate and energy",
      "World",
    ]);
  });

  it("refuses a clashing name, an order missing a section, and bad input, changing nothing", async () => {
    const admin = await call("admin");
    const [sport, arts] = [await section("Sport", 1), await section("Arts", 2)];
    const before = await db.section.findMany({ orderBy: { id: "asc" } });
    expect(await outcome(admin.section.create({ name: "sport" }))).toBe("CONFLICT");
    expect(await outcome(admin.section.rename({ id: arts.id, name: "SPORT" }))).toBe("CONFLICT");
    expect(await outcome(admin.section.reorder({ ids: [arts.id] }))).toBe("CONFLICT");
    expect(await outcome(admin.section.reorder({ ids: [arts.id, arts.id] }))).toBe("BAD_REQUEST");
    expect(await outcome(admin.section.create({ name: "  " }))).toBe("BAD_REQUEST");
    expect(await outcome(admin.section.create({ name: "!!!" }))).toBe("BAD_REQUEST");
    expect(await outcome(admin.section.create({ name: "x".repeat(61) }))).toBe("BAD_REQUEST");
    expect(await outcome(admin.section.rename({ id: "0190a8f0-0000-7000-8000-000000000000", name: "X" }))).toBe(
      "NOT_FOUND",
    );
    expect(await db.section.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(sport.id).not.toBe(arts.id);
  });

  it("a retired section keeps its stories and their addresses, leaves the menu, and is offered to no new story", async () => {
    const admin = await call("admin");
    const sport = await section("Sport");
    const other = await section("Arts");
    const live = await articleIn("PUBLISHED", users.writer, users.editor, "Cup final tonight");
    await db.article.update({ where: { id: live.id }, data: { sectionId: sport.id } });
    const draft = await articleIn("DRAFT", users.writer, users.editor, "Transfer rumours");
    const reader = await call("signedOut");
    expect((await reader.site.sections()).map((s) => s.slug)).toContain("sport");

    await admin.section.setRetired({ id: sport.id, retired: true });

    // Its story and its page are where they were; the menu no longer offers it.
    expect((await reader.site.article({ slug: live.slug })).kind).toBe("live");
    const page = await reader.site.list({ kind: "section", slug: "sport", page: 1 });
    expect(page?.items.map((i) => i.headline)).toEqual(["Cup final tonight"]);
    expect((await reader.site.sections()).map((s) => s.slug)).not.toContain("sport");
    expect((await admin.article.sections()).find((s) => s.id === sport.id)?.retired).toBe(true);

    // A story already in it keeps it when saved; no other story or budget line may move into it.
    const editor = await call("editor");
    const keep = await editor.article.update({
      id: live.id,
      version: await versionOf(live.id),
      sharedText: true,
      sectionId: sport.id,
      heroImageCaption: null,
      heroImageCredit: null,
      heroImageAlt: null,
    });
    expect(keep.version).toBeGreaterThan(0);
    const moveIn = editor.article.update({
      id: draft.id,
      version: await versionOf(draft.id),
      sharedText: true,
      sectionId: sport.id,
      heroImageCaption: null,
      heroImageCredit: null,
      heroImageAlt: null,
    });
    await expect(moveIn).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That section is retired: choose another.",
    });
    const bulk = editor.article.bulk({ action: "setSection", ids: [draft.id], sectionId: sport.id });
    expect(await outcome(bulk)).toBe("BAD_REQUEST");
    expect(await outcome(editor.budget.create(budgetLine({ title: "Cup preview", sectionId: sport.id })))).toBe(
      "BAD_REQUEST",
    );
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).sectionId).not.toBe(sport.id);

    // Brought back, it is offered again.
    await admin.section.setRetired({ id: sport.id, retired: false });
    expect((await reader.site.sections()).map((s) => s.slug)).toContain("sport");
    expect(other.id).not.toBe(sport.id);
  });
});
