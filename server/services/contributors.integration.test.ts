import { beforeEach, describe, expect, it } from "vitest";
import type { ContributorFields } from "@/lib/schemas/contributor";
import { newsArticleData } from "@/components/public/structured-data";
import { WHOLE_SITE } from "@/server/cache/tags";
import { createContributor, updateContributor } from "@/server/services/contributors";
import { createUser } from "@/server/services/users";
import { feedFor } from "@/server/services/public-feeds";
import { everySitemapEntry } from "@/server/services/public-sitemaps";
import { getPublishedBySlug, listingFor } from "@/server/services/public-articles";
import { saveByline as saveBylineAs } from "@/tests/bylines";
import { db, makeUser, outcome, resetTablesBeforeEach, versionOf } from "@/tests/db";
import { callAs, makeRoleUsers, type Actor, type RoleUsers } from "@/tests/roles";
import { articleIn } from "@/tests/workflow-states";

// Contributors and agency credits: bylines without a newsroom account, with author pages.

let users: RoleUsers;
resetTablesBeforeEach();
beforeEach(async () => {
  users = await makeRoleUsers();
});
const call = (actor: Actor) => callAs(users, actor);
const fields = (over: Partial<ContributorFields> = {}): ContributorFields => ({
  kind: "PERSON",
  name: "Fran Freelance",
  bio: "Covers the islands.",
  photoUrl: null,
  ...over,
});

describe("who may do what", () => {
  const table: [string, (actor: Actor) => Promise<unknown>, Record<Actor, string>][] = [
    [
      "list",
      async (actor) => (await call(actor)).contributor.list(),
      { signedOut: "UNAUTHORIZED", writer: "ok", otherWriter: "ok", editor: "ok", admin: "ok" },
    ],
    [
      "create",
      async (actor) => (await call(actor)).contributor.create(fields({ name: `Guest ${actor}` })),
      { signedOut: "UNAUTHORIZED", writer: "FORBIDDEN", otherWriter: "FORBIDDEN", editor: "ok", admin: "ok" },
    ],
    [
      "update",
      async (actor) => {
        const made = await createContributor(db, fields({ name: `Guest of ${actor}` }));
        return (await call(actor)).contributor.update({ id: made.id, ...fields({ name: `Renamed by ${actor}` }) });
      },
      { signedOut: "UNAUTHORIZED", writer: "FORBIDDEN", otherWriter: "FORBIDDEN", editor: "ok", admin: "ok" },
    ],
  ];
  for (const [name, run, expected] of table)
    it.each(Object.entries(expected) as [Actor, string][])(`contributor.${name} as %s → %s`, async (actor, want) => {
      expect(await outcome(run(actor))).toBe(want);
      if (want !== "ok" && name !== "list")
        expect(await db.contributor.count({ where: { name: { startsWith: "Renamed" } } })).toBe(0);
    });
});

describe("adding and changing", () => {
  it("an author page address no user has, kept when the name changes; a user's new address avoids theirs", async () => {
    const writerSlug = (await db.user.findUniqueOrThrow({ where: { id: users.writer.id } })).slug;
    const asEditor = await call("editor");
    const namesake = await asEditor.contributor.create(
      fields({ name: (await db.user.findUniqueOrThrow({ where: { id: users.writer.id } })).displayName }),
    );
    expect(namesake.slug).toBe(`${writerSlug}-2`);
    const renamed = await asEditor.contributor.update({ id: namesake.id, ...fields({ name: "Someone Else" }) });
    expect(renamed.slug).toBe(namesake.slug);
    const agency = await asEditor.contributor.create(fields({ kind: "AGENCY", name: "Reuters", bio: "" }));
    expect(agency).toMatchObject({ slug: "reuters", kind: "AGENCY" });
    // A newsroom account called Reuters later gets another address.
    const person = await createUser(db, {
      email: "reuters.person@example.com",
      displayName: "Reuters",
      role: "WRITER",
      password: "a long enough password",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).slug).toBe("reuters-2");
    expect((await asEditor.contributor.list()).map((c) => c.name)).toEqual(["Reuters", "Someone Else"]);
  });

  it("refuses a second credit of one kind with the same name, a photo not in the library, and bad input", async () => {
    const asEditor = await call("editor");
    await asEditor.contributor.create(fields({ kind: "AGENCY", name: "Staff" }));
    expect(await outcome(asEditor.contributor.create(fields({ kind: "AGENCY", name: " staff " })))).toBe("CONFLICT");
    // A person called Staff is another credit.
    expect(await outcome(asEditor.contributor.create(fields({ name: "Staff" })))).toBe("ok");
    expect(await outcome(asEditor.contributor.create(fields({ photoUrl: "/media/not-there.jpg" })))).toBe(
      "BAD_REQUEST",
    );
    for (const bad of [
      { ...fields(), name: "   " },
      { ...fields(), name: "x".repeat(101) },
      { ...fields(), bio: "x".repeat(1001) },
      { ...fields(), kind: "ROBOT" },
      { ...fields(), photoUrl: "https://elsewhere.example/p.jpg" },
      { name: "No kind" },
    ])
      expect(await outcome(asEditor.contributor.create(bad as ContributorFields))).toBe("BAD_REQUEST");
    expect(
      await outcome(asEditor.contributor.update({ id: "018f0000-0000-7000-8000-000000000000", ...fields() })),
    ).toBe("NOT_FOUND");
    expect(await db.contributor.count()).toBe(2);
  });
});

/** Saves the story's byline as `actor` would from the workspace (its other fields as they are). */
const saveByline = async (actor: Actor, id: string, authorIds: string[]) =>
  saveBylineAs(await call(actor), id, authorIds);

describe("on a byline", () => {
  async function story(authorIds: string[]) {
    const article = await articleIn("DRAFT", users.writer, users.editor, "Ferry strike");
    await saveByline("writer", article.id, authorIds);
    return article.id;
  }

  it("keeps the order given across accounts, contributors and agencies, in the newsroom and for readers", async () => {
    const fran = await createContributor(db, fields());
    const reuters = await createContributor(db, fields({ kind: "AGENCY", name: "Reuters" }));
    const id = await story([fran.id, users.writer.id, reuters.id]);
    const view = await (await call("writer")).article.get({ id });
    expect(view.byline.map((b) => [b.displayName, b.kind])).toEqual([
      ["Fran Freelance", "PERSON"],
      [users.writer.displayName, "STAFF"],
      ["Reuters", "AGENCY"],
    ]);
    // The writer is still an author: the story stays theirs.
    expect(view.canEdit).toBe(true);

    const asEditor = await call("editor");
    await asEditor.workflow.submit({ id, version: await versionOf(id) });
    await asEditor.workflow.publish({ id, version: await versionOf(id) });
    const { slug } = await db.article.findUniqueOrThrow({ where: { id } });
    const live = await getPublishedBySlug(db, slug);
    expect(live.authors.map((a) => a.slug)).toEqual([fran.slug, view.byline[1]?.slug, "reuters"]);
    const data = newsArticleData("https://news.example", live, "", "en");
    expect(data.author).toEqual([
      { "@type": "Person", name: "Fran Freelance", url: `https://news.example/authors/${fran.slug}` },
      { "@type": "Person", name: users.writer.displayName, url: expect.stringContaining("/authors/") },
      { "@type": "Organization", name: "Reuters", url: "https://news.example/authors/reuters" },
    ]);

    // Their author pages, feeds and the sitemap.
    const page = await listingFor(db, "author", fran.slug, 1);
    expect(page?.owner).toMatchObject({ name: "Fran Freelance", bio: "Covers the islands." });
    expect(page?.items.map((c) => c.id)).toEqual([id]);
    expect((await feedFor(db, { kind: "author", slug: "reuters" }))?.title).toBe("Stories by Reuters");
    const paths = (await everySitemapEntry(db)).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining([`/authors/${fran.slug}`, "/authors/reuters"]));
    // Someone credited on no live story has no public page.
    const unused = await createContributor(db, fields({ name: "Not yet published" }));
    expect(await listingFor(db, "author", unused.slug, 1)).toBeNull();
  });

  it("an agency alone may carry a story to publication; an unknown name is refused and nothing changes", async () => {
    const staff = await createContributor(db, fields({ kind: "AGENCY", name: "Staff" }));
    const id = await story([staff.id]);
    const asEditor = await call("editor");
    const version = await versionOf(id);
    expect(await outcome(saveByline("editor", id, [staff.id, "018f0000-0000-7000-8000-000000000000"]))).toBe(
      "BAD_REQUEST",
    );
    expect(await versionOf(id)).toBe(version);
    await asEditor.workflow.submit({ id, version });
    expect(await outcome(asEditor.workflow.publish({ id, version: await versionOf(id) }))).toBe("ok");
    const { slug } = await db.article.findUniqueOrThrow({ where: { id } });
    expect((await getPublishedBySlug(db, slug)).authors.map((a) => a.displayName)).toEqual(["Staff"]);
  });

  it("changing a credited contributor refreshes their page, or every byline when the name changes", async () => {
    const fran = await createContributor(db, fields());
    const unused = await createContributor(db, fields({ name: "Unused" }));
    expect((await updateContributor(db, { id: unused.id, ...fields({ name: "Still unused" }) })).publicChange).toBe(
      null,
    );
    await story([fran.id]);
    const bio = await updateContributor(db, { id: fran.id, ...fields({ bio: "Now on the mainland." }) });
    expect(bio.publicChange).toEqual({ tags: [`author:${fran.slug}`], takedown: false });
    const same = await updateContributor(db, { id: fran.id, ...fields({ bio: "Now on the mainland." }) });
    expect(same.publicChange).toBe(null);
    const renamed = await updateContributor(db, { id: fran.id, ...fields({ name: "Fran Island" }) });
    expect(renamed.publicChange).toEqual(WHOLE_SITE);
  });
});

it("a deactivated account cannot be put on a byline, a contributor can", async () => {
  const gone = await makeUser("WRITER", { active: false });
  const fran = await createContributor(db, fields());
  const article = await articleIn("DRAFT", users.writer, users.editor);
  expect(await outcome(saveByline("writer", article.id, [users.writer.id, gone.id]))).toBe("BAD_REQUEST");
  expect(await outcome(saveByline("writer", article.id, [users.writer.id, fran.id]))).toBe("ok");
});
