import { beforeEach, describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/content/document";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import type { PublicChange } from "@/server/public-cache";
import { getPublishedBySlug } from "@/server/services/public-articles";
import { newsSitemapEntries } from "@/server/services/public-sitemaps";
import { db, FIXED_NOW, outcome, resetTablesBeforeEach, versionOf } from "@/tests/db";
import { callAs, makeRoleUsers, type RoleUsers } from "@/tests/roles";

// Stories in any language: their addresses, their tags, their language on record.

let users: RoleUsers;
resetTablesBeforeEach();
beforeEach(async () => {
  users = await makeRoleUsers();
});

type Caller = Awaited<ReturnType<typeof callAs>>;
type Update = Parameters<Caller["article"]["update"]>[0];

/** A save from the story form: everything as it is, with `change`. */
async function save(caller: Caller, id: string, change: Partial<Update>) {
  const a = await caller.article.get({ id });
  return caller.article.update({
    id,
    version: a.version,
    headline: a.headline,
    standfirst: a.standfirst,
    sectionId: a.sectionId,
    body: a.body,
    heroImageCaption: null,
    heroImageCredit: null,
    heroImageAlt: null,
    ...change,
  } as Update);
}

const stored = (id: string) =>
  db.article.findUniqueOrThrow({
    where: { id },
    select: {
      slug: true,
      language: true,
      version: true,
      tags: { select: { tag: { select: { name: true, slug: true } } } },
    },
  });

describe("a story in Arabic, with tags in Arabic and Russian", () => {
  it("gets a readable address, keeps every tag and its language", async () => {
    const writer = await callAs(users, "writer");
    const draft = await writer.article.create({ headline: "العالم العربي يترقب" });
    expect(draft.slug).toBe("alealm-alerby-ytrqb");
    const saved = await save(writer, draft.id, {
      standfirst: "موسكو تستضيف القيادة السورية الجديدة",
      body: paragraphs(["نص القصة."]),
      language: "AR",
      tags: ["العالم العربي", "Россия", "Syria"],
    });
    const row = await stored(draft.id);
    expect(row.version).toBe(saved.version);
    expect(row.language).toBe("ar");
    expect(row.tags.map((t) => [t.tag.name, t.tag.slug]).sort()).toEqual([
      ["Syria", "syria"],
      ["Россия", "rossiya"],
      ["العالم العربي", "alealm-alerby"],
    ]);
    // A Russian headline of another story.
    expect((await writer.article.create({ headline: "Россия и Сирия" })).slug).toBe("rossiya-i-siriya");
  });

  it("refuses, changing nothing, a language that is not one and a tag with no letter or digit", async () => {
    const writer = await callAs(users, "writer");
    const draft = await writer.article.create({ headline: "Harbour vote" });
    await save(writer, draft.id, { tags: ["Harbour"], language: "en-GB" });
    const before = await stored(draft.id);
    for (const input of [
      { language: "English" },
      { language: "xx" },
      { language: "<script>" },
      { tags: ["Harbour", "!!!"] },
    ]) {
      expect(await outcome(save(writer, draft.id, input)), JSON.stringify(input)).toBe("BAD_REQUEST");
      expect(await stored(draft.id)).toEqual(before);
    }
    const refused = await save(writer, draft.id, { tags: ["🎉"] }).catch((error: unknown) => error);
    expect(String(refused)).toContain("“🎉” cannot be a tag: a tag needs a letter or digit.");
    // Back to the newsroom's language.
    await save(writer, draft.id, { language: null });
    expect((await stored(draft.id)).language).toBeNull();
  });

  it("reaches readers in its language: the live story and the News sitemap; a change of language is a public change", async () => {
    const writer = await callAs(users, "writer");
    const editor = await callAs(users, "editor");
    const draft = await writer.article.create({ headline: "Россия и Сирия" });
    const world = await db.section.create({ data: { slug: "world", name: "World" } });
    const filled = await save(writer, draft.id, {
      sectionId: world.id,
      standfirst: "Переговоры в Москве.",
      body: paragraphs(["Текст."]),
      language: "ru",
    });
    await writer.workflow.submit({ id: draft.id, version: filled.version });
    await editor.workflow.publish({ id: draft.id, version: await versionOf(draft.id) });
    expect((await getPublishedBySlug(db, draft.slug)).language).toBe("ru");
    const news = await newsSitemapEntries(db, new Date(FIXED_NOW.getTime() + 60_000));
    expect(news.find((e) => e.path === `/articles/${draft.slug}`)?.language).toBe("ru");
    // Readers see the new language at once (as they do a new section): the story's pages are refreshed.
    const changes: PublicChange[] = [];
    const recorded = createCaller({
      ...(await createContext({
        db,
        userId: users.editor.id,
        publicCache: { changed: async (change) => void changes.push(change) },
      })),
      clock: () => FIXED_NOW,
      timeZone: "UTC",
    });
    await save(recorded, draft.id, { language: "uk" });
    expect((await getPublishedBySlug(db, draft.slug)).language).toBe("uk");
    expect(changes).toHaveLength(1);
    expect(changes[0]?.tags).toContain(`article:${draft.slug}`);
    await save(recorded, draft.id, { language: "uk" });
    expect(changes).toHaveLength(1);
  });
});
