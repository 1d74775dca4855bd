import { beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { paragraphs } from "@/lib/content/document";
import { PAGE_SIZE } from "@/server/services/public-articles";
import { CANDIDATES } from "@/server/services/public-search";
import { syncSearchLanguage } from "@/server/services/search-language";
import type { SessionUser } from "@/server/services/users";
import { transition } from "@/server/services/workflow";
import { db, env, FIXED_NOW, jsonDoc, makeUser, resetTablesBeforeEach, versionOf } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";

// Public search in each story's language, and its bounded, recency-aware ranking.

let writer: SessionUser;
let editor: SessionUser;

resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
});

/** A live story with this headline and body, in `language` (null: the newsroom's). */
async function live(headline: string, body: string, language: string | null = null) {
  const story = await articleIn("APPROVED", writer, editor, headline);
  await db.article.update({
    where: { id: story.id },
    data: { body: jsonDoc(paragraphs([body])), bodyText: body, language },
  });
  await transition(db, editor, { articleId: story.id, action: "publish", version: await versionOf(story.id) }, env());
  return story.id;
}

async function found(q: string, page = 1): Promise<string[]> {
  const site = createCaller({
    ...(await createContext({ db, userId: null })),
    clock: () => FIXED_NOW,
    timeZone: "UTC",
  }).site;
  return (await site.search({ q, page }))?.results.map((r) => r.card.id) ?? [];
}

const configOf = async (id: string) =>
  (await db.searchDocument.findUnique({ where: { articleId: id }, select: { config: true } }))?.config;

describe("search in each story's language", () => {
  it("stems each story in its own language and folds accents both ways", async () => {
    const french = await live("Les élections municipales", "Les électeurs votent dimanche à Lyon.", "fr");
    const english = await live("Council elections", "Voters chose a new council on Sunday.");
    expect(await configOf(french)).toBe("masthead_french");
    expect(await configOf(english)).toBe("masthead_english");
    // Typed with or without the accent, singular or plural: both stories.
    expect((await found("elections")).sort()).toEqual([french, english].sort());
    expect((await found("élection")).sort()).toEqual([french, english].sort());
    // Singular for plural, with or without the accent.
    expect(await found("municipale")).toEqual([french]);
    expect(await found("electeur")).toEqual([french]);
    expect(await found("council")).toEqual([english]);
  });

  it("finds Russian words in any grammatical case, and a language PostgreSQL cannot stem word for word", async () => {
    const russian = await live("Выборы в Москве", "Москвичи выбрали новый городской совет.", "ru");
    const hebrew = await live("בחירות בירושלים", "תושבי ירושלים בחרו מועצה חדשה.", "he");
    expect(await configOf(russian)).toBe("masthead_russian");
    expect(await configOf(hebrew)).toBe("masthead_simple");
    expect(await found("выборах")).toEqual([russian]);
    expect(await found("совета")).toEqual([russian]);
    expect(await found("ירושלים")).toEqual([hebrew]);
    expect(await found("בחירות")).toEqual([hebrew]);
  });

  it("re-indexes a live story whose language changes, and those in the newsroom's when it changes", async () => {
    const story = await live("Les élections municipales", "Les électeurs votent dimanche.");
    expect(await configOf(story)).toBe("masthead_english");
    await db.article.update({ where: { id: story }, data: { language: "fr" } });
    expect(await configOf(story)).toBe("masthead_french");
    expect(await found("municipale")).toEqual([story]);
    await db.article.update({ where: { id: story }, data: { language: null } });
    expect(await configOf(story)).toBe("masthead_english");

    // The newsroom starts in French: stories without their own language follow; then back.
    expect(await syncSearchLanguage(db, "fr")).toBe(1);
    expect(await configOf(story)).toBe("masthead_french");
    expect(await syncSearchLanguage(db, "fr")).toBe(0);
    expect(await syncSearchLanguage(db, "fr-CA")).toBe(0);
    expect(await syncSearchLanguage(db, "en")).toBe(1);
    expect(await configOf(story)).toBe("masthead_english");
  });

  it("keeps an entry exactly while a story is live", async () => {
    const story = await articleIn("PUBLISHED", writer, editor, "Harbour dredging begins");
    expect(await found("dredging")).toEqual([story.id]);
    await transition(
      db,
      editor,
      { articleId: story.id, action: "unpublish", version: await versionOf(story.id), note: "Legal" },
      env(),
    );
    expect(await db.searchDocument.count()).toBe(0);
    expect(await found("dredging")).toEqual([]);
  });
});

describe("ranking", () => {
  it("weighs relevance by age: a headline beats a body mention a day newer, not one a year newer", async () => {
    const day = 86_400_000;
    const headlineOld = await live("Ferry strike called off", "Talks ended at noon.");
    const headlineRecent = await live("Ferry strike ends", "Talks ended late.");
    const bodyNewest = await live("Port news", "Crews mentioned the ferry strike in passing.");
    const at = async (id: string, ms: number) =>
      db.article.update({ where: { id }, data: { publishedAt: new Date(FIXED_NOW.getTime() - ms) } });
    await at(bodyNewest, 0);
    await at(headlineRecent, day);
    await at(headlineOld, 400 * day);
    expect(await found("ferry strike")).toEqual([headlineRecent, bodyNewest, headlineOld]);
  });

  it(`ranks the ${CANDIDATES} most recent matches and says there are more`, async () => {
    // Bulk: CANDIDATES + 5 live stories mentioning "regatta", one a minute, the newest last.
    await db.$executeRaw`
      INSERT INTO "Article" (id, slug, headline, standfirst, body, "bodyText", status, "createdById", "updatedAt", "publishedAt")
      SELECT gen_random_uuid(), 'regatta-' || n, 'Regatta day ' || n, '', '{"type":"doc","content":[]}'::jsonb,
        'The regatta went on.', 'UNPUBLISHED', ${writer.id}::uuid, now(), ${FIXED_NOW}::timestamp - (${CANDIDATES + 5} - n) * interval '1 minute'
      FROM generate_series(1, ${CANDIDATES + 5}) AS n`;
    await db.$executeRaw`
      INSERT INTO "ArticleRevision" (id, kind, "articleId", headline, standfirst, body, "bodyText", "createdById")
      SELECT gen_random_uuid(), 'PUBLISHED', id, headline, standfirst, body, "bodyText", "createdById" FROM "Article"`;
    await db.$executeRaw`
      UPDATE "Article" a SET status = 'PUBLISHED', "liveRevisionId" = r.id FROM "ArticleRevision" r WHERE r."articleId" = a.id`;
    const site = createCaller({
      ...(await createContext({ db, userId: null })),
      clock: () => FIXED_NOW,
      timeZone: "UTC",
    }).site;
    const first = await site.search({ q: "regatta", page: 1 });
    expect(first).toMatchObject({ total: CANDIDATES, more: true, pageCount: CANDIDATES / PAGE_SIZE });
    // Equal relevance: newest first.
    expect(first?.results.map((r) => r.card.headline).slice(0, 2)).toEqual([
      `Regatta day ${CANDIDATES + 5}`,
      `Regatta day ${CANDIDATES + 4}`,
    ]);
    const last = await site.search({ q: "regatta", page: CANDIDATES / PAGE_SIZE });
    expect(last?.results.at(-1)?.card.headline).toBe("Regatta day 6");
    expect(await site.search({ q: "regatta", page: CANDIDATES / PAGE_SIZE + 1 })).toBeNull();
    // A narrower search reaches the older ones.
    expect((await site.search({ q: "regatta day 3", page: 1 }))?.results[0]?.card.headline).toBe("Regatta day 3");
  });
});
