import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeEach, describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/content/document";
import type { SessionUser } from "@/server/services/users";
import { transition } from "@/server/services/workflow";
import { API_ORIGIN, apiGet, apiKeyFor } from "@/tests/content-api";
import { db, env, FIXED_NOW, jsonDoc, makeUser, outcome, resetTablesBeforeEach, versionOf } from "@/tests/db";
import { ninjsErrors, ninjsValidator } from "@/tests/ninjs-validator";
import { callAs, makeRoleUsers } from "@/tests/roles";
import { articleIn } from "@/tests/workflow-states";

// The content API (/api/v1) through its route handler against the real database: keys, lists
// and cursors, filters, single stories and ninjs, refusals, 304s, rate limits, and answers
// checked against the OpenAPI document it serves.

let writer: SessionUser;
let editor: SessionUser;
let admin: SessionUser;
let key: string;

resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
  admin = await makeUser("ADMIN");
  key = await apiKeyFor(admin);
});

const minutes = (n: number) => new Date(FIXED_NOW.getTime() + n * 60_000);

/** A live story published `at`, in `language`; in section "world" (else the draft's) and tagged "harbour" when asked. */
async function live(headline: string, at: Date, opts: { language?: string; tagged?: boolean; section?: boolean } = {}) {
  const story = await articleIn("APPROVED", writer, editor, headline);
  const section = opts.section
    ? await db.section.upsert({ where: { slug: "world" }, update: {}, create: { slug: "world", name: "World" } })
    : null;
  await db.article.update({
    where: { id: story.id },
    data: {
      language: opts.language ?? null,
      ...(section ? { sectionId: section.id } : {}),
      body: jsonDoc(paragraphs([`Text of ${headline}.`])),
      bodyText: `Text of ${headline}.`,
    },
  });
  if (opts.tagged) {
    const tag = await db.tag.upsert({
      where: { slug: "harbour" },
      update: {},
      create: { slug: "harbour", name: "Harbour" },
    });
    await db.articleTag.create({ data: { articleId: story.id, tagId: tag.id } });
  }
  await transition(db, editor, { articleId: story.id, action: "publish", version: await versionOf(story.id) }, env(at));
  return story;
}

type StoryList = { stories: { id: string; headline: string; language: string }[]; nextCursor: string | null };

describe("keys", () => {
  it("only admins make, list and revoke them; the key is shown once and only its hash is kept", async () => {
    const users = await makeRoleUsers();
    for (const role of ["writer", "editor"] as const) {
      const caller = await callAs(users, role);
      expect(await outcome(caller.apiKey.create({ name: "Partner", perMinute: 60 }))).toBe("FORBIDDEN");
      expect(await outcome(caller.apiKey.list())).toBe("FORBIDDEN");
    }
    expect(await outcome((await callAs(users, "signedOut")).apiKey.list())).toBe("UNAUTHORIZED");
    const caller = await callAs(users, "admin");
    const made = await caller.apiKey.create({ name: "  Daily Herald  ", perMinute: 60 });
    expect(made.key).toMatch(/^mh_[A-Za-z0-9_-]{43}$/);
    expect(made.apiKey).toMatchObject({ name: "Daily Herald", prefix: made.key.slice(0, 11), perMinute: 60 });
    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: made.apiKey.id } });
    expect(stored.hash).not.toContain(made.key);
    expect(JSON.stringify(await caller.apiKey.list())).not.toContain(made.key);
    // Bad input: a clear refusal, nothing made.
    const before = await db.apiKey.count();
    for (const input of [
      { name: "", perMinute: 60 },
      { name: "x".repeat(101), perMinute: 60 },
      { name: "Tab\there", perMinute: 60 },
      { name: "Partner", perMinute: 0 },
      { name: "Partner", perMinute: 6001 },
      { name: "Partner", perMinute: 1.5 },
    ])
      expect(await outcome(caller.apiKey.create(input)), JSON.stringify(input)).toBe("BAD_REQUEST");
    expect(await db.apiKey.count()).toBe(before);

    expect((await apiGet("stories", made.key)).status).toBe(200);
    expect(await outcome((await callAs(users, "editor")).apiKey.revoke({ id: made.apiKey.id }))).toBe("FORBIDDEN");
    await caller.apiKey.revoke({ id: made.apiKey.id });
    expect(await outcome(caller.apiKey.revoke({ id: made.apiKey.id }))).toBe("CONFLICT");
    const refused = await apiGet("stories", made.key);
    expect(refused.status).toBe(401);
    expect(refused.json).toEqual({ error: { status: 401, message: "That API key is unknown or was revoked." } });
  });

  it("every request needs one: none, a wrong one or a malformed header is 401", async () => {
    for (const [authorization, status] of [
      [null, 401],
      ["Bearer mh_not-a-key", 401],
      ["Basic dXNlcjpwYXNz", 401],
      [`Bearer ${"x".repeat(5000)}`, 401],
      [`Bearer ${key}`, 200],
    ] as const) {
      const answer = await apiGet("stories", null, { headers: authorization ? { Authorization: authorization } : {} });
      expect(answer.status, authorization ?? "none").toBe(status);
      if (status === 401) expect(answer.headers.get("www-authenticate")).toContain("Bearer");
    }
  });

  it("counts requests a minute per key across the database; past the limit 429 with Retry-After", async () => {
    const small = await apiKeyFor(admin, 3);
    for (let i = 0; i < 3; i += 1) expect((await apiGet("sections", small, { now: minutes(0) })).status).toBe(200);
    const limited = await apiGet("sections", small, { now: new Date(FIXED_NOW.getTime() + 20_000) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("40");
    expect(limited.json).toMatchObject({ error: { message: expect.stringMatching(/3 requests a minute/) } });
    // Another key is not held up; a minute later this one works again.
    expect((await apiGet("sections", key, { now: minutes(0) })).status).toBe(200);
    const later = await apiGet("sections", small, { now: minutes(1) });
    expect(later.status).toBe(200);
    expect(later.headers.get("ratelimit-remaining")).toBe("2");
  });
});

describe("stories", () => {
  it("lists live stories newest first, a page at a time by cursor, each once", async () => {
    const stories = [];
    for (let i = 0; i < 5; i += 1) stories.push(await live(`Story ${i}`, minutes(i)));
    await articleIn("APPROVED", writer, editor, "Not yet live");
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const answer = await apiGet(`stories?limit=2${cursor ? `&cursor=${cursor}` : ""}`, key);
      expect(answer.status).toBe(200);
      const page = answer.json as StoryList;
      seen.push(...page.stories.map((s) => s.headline));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(["Story 4", "Story 3", "Story 2", "Story 1", "Story 0"]);
  });

  it("filters by section, tag, author, language and time of last change", async () => {
    const french = await live("Élections à Lyon", minutes(1), { language: "fr", tagged: true });
    const english = await live("Council vote", minutes(2), { section: true });
    const colleague = await makeUser("WRITER");
    const theirs = await articleIn("PUBLISHED", colleague, editor, "A colleague's story");
    const headlines = async (query: string) =>
      ((await apiGet(`stories?${query}`, key)).json as StoryList).stories.map((s) => s.id);
    expect(await headlines("tag=harbour")).toEqual([french.id]);
    expect(await headlines("section=world")).toEqual([english.id]);
    expect(await headlines("language=fr")).toEqual([french.id]);
    // The newsroom's language takes in stories without their own.
    expect((await headlines("language=en")).sort()).toEqual([english.id, theirs.id].sort());
    const colleagueSlug = (await db.user.findUniqueOrThrow({ where: { id: colleague.id } })).slug;
    expect(await headlines(`author=${colleagueSlug}`)).toEqual([theirs.id]);
    expect(await headlines(`updatedSince=${encodeURIComponent(minutes(2).toISOString())}`)).toEqual([english.id]);
    expect(await headlines("tag=nothing-here")).toEqual([]);

    // Earlier addresses keep naming the same stories: a renamed tag, a merged contributor.
    const asEditor = await callAs(await makeRoleUsers(), "editor");
    const harbour = await db.tag.findUniqueOrThrow({ where: { slug: "harbour" } });
    await asEditor.tag.rename({ id: harbour.id, name: "Harbours" });
    expect(await headlines("tag=harbour")).toEqual([french.id]);
    expect(await headlines("tag=harbours")).toEqual([french.id]);
    const agency = (name: string, slug: string) => db.contributor.create({ data: { kind: "AGENCY", name, slug } });
    const kept = await agency("Reuters", "reuters");
    const duplicate = await agency("Reuters.", "reuters-2");
    await db.articleContributor.create({ data: { articleId: english.id, contributorId: duplicate.id, position: 1 } });
    expect(await headlines("author=reuters-2")).toEqual([english.id]);
    await asEditor.contributor.merge({ fromId: duplicate.id, intoId: kept.id });
    expect(await headlines("author=reuters-2")).toEqual([english.id]);
    expect(await headlines("author=reuters")).toEqual([english.id]);
  });

  it("refuses bad parameters with a message naming them, and answers nothing else", async () => {
    for (const [query, field] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=ten", "limit"],
      ["language=xx", "language"],
      ["language=%3Cscript%3E", "language"],
      ["updatedSince=yesterday", "updatedSince"],
      ["section=World%20News", "section"],
      ["colour=blue", "colour"],
      ["limit=2&limit=3", null],
      ["cursor=bm90LWEtY3Vyc29y", null],
      [`cursor=${"x".repeat(300)}`, "cursor"],
    ] as const) {
      const answer = await apiGet(`stories?${query}`, key);
      expect(answer.status, query).toBe(400);
      const error = (answer.json as { error: { message: string; fields?: Record<string, string[]> } }).error;
      expect(error.message.length, query).toBeGreaterThan(5);
      if (field) expect(Object.keys(error.fields ?? {}), query).toContain(field);
    }
  });

  it("gives one live story by id or address, whole, and in ninjs 3.1 that IPTC's schema accepts", async () => {
    const story = await live("Harbour plan approved", minutes(0), { tagged: true, section: true, language: "fr" });
    // An edit not yet published stays out.
    await db.article.update({
      where: { id: story.id },
      data: { headline: "Unpublished edit", hasUnpublishedChanges: true },
    });
    const byId = await apiGet(`stories/${story.id}`, key);
    expect(byId.status).toBe(200);
    expect(byId.json).toMatchObject({
      id: story.id,
      headline: "Harbour plan approved",
      url: `${API_ORIGIN}/articles/${story.slug}`,
      language: "fr",
      section: { slug: "world", name: "World", url: `${API_ORIGIN}/sections/world` },
      tags: [{ slug: "harbour", name: "Harbour", url: `${API_ORIGIN}/tags/harbour` }],
      publishedAt: minutes(0).toISOString(),
      corrections: [],
      bodyText: "Text of Harbour plan approved.",
    });
    expect((byId.json as { bodyHtml: string }).bodyHtml).toContain("<p>Text of Harbour plan approved.");
    expect((await apiGet(`stories/${story.slug}`, key)).json).toEqual(byId.json);

    const validate = ninjsValidator();
    for (const answer of [
      await apiGet(`stories/${story.id}.ninjs.json`, key),
      await apiGet(`stories/${story.id}`, key, { headers: { Accept: "application/ninjs+json" } }),
    ]) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe("application/ninjs+json");
      expect(validate(answer.json), ninjsErrors(validate)).toBe(true);
      expect(answer.json).toMatchObject({ uri: `urn:uuid:${story.id}`, language: "fr" });
    }

    const draft = await articleIn("APPROVED", writer, editor, "A draft");
    for (const path of [
      `stories/${draft.id}`,
      `stories/${draft.slug}`,
      `stories/${draft.id}.ninjs.json`,
      "stories/00000000-0000-0000-0000-000000000000",
      `stories/${"x".repeat(400)}`,
      `stories/${story.id}/more`,
      "nothing",
    ]) {
      const answer = await apiGet(path, key);
      expect(answer.status, path).toBe(404);
      expect(answer.json, path).toMatchObject({ error: { status: 404 } });
    }
  });

  it("answers 304 to a client that has the answer already, and only reads", async () => {
    await live("Harbour plan approved", minutes(0));
    const first = await apiGet("stories", key);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\/"/);
    const again = await apiGet("stories", key, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    await live("Ferry strike", minutes(1));
    expect((await apiGet("stories", key, { headers: { "If-None-Match": etag } })).status).toBe(200);
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const refused = await apiGet("stories", key, { method });
      expect(refused.status, method).toBe(405);
      expect(refused.headers.get("allow")).toBe("GET, HEAD");
    }
  });
});

describe("sections, authors and tags", () => {
  it("list only those with live stories, authors and tags a page at a time", async () => {
    await live("Council vote", minutes(0), { section: true, tagged: true });
    await db.section.create({ data: { slug: "empty", name: "Empty" } });
    await db.tag.create({ data: { slug: "unused", name: "Unused" } });
    const sections = (await apiGet("sections", key)).json as { sections: { slug: string; url: string }[] };
    expect(sections.sections).toContainEqual({ slug: "world", name: "World", url: `${API_ORIGIN}/sections/world` });
    expect(sections.sections.map((s) => s.slug)).not.toContain("empty");
    expect((await apiGet("tags", key)).json).toEqual({
      tags: [{ slug: "harbour", name: "Harbour", url: `${API_ORIGIN}/tags/harbour` }],
      nextCursor: null,
    });
    const writerSlug = (await db.user.findUniqueOrThrow({ where: { id: writer.id } })).slug;
    const colleague = await makeUser("WRITER");
    await articleIn("PUBLISHED", colleague, editor, "Another");
    const first = (await apiGet("authors?limit=1", key)).json as { authors: { slug: string }[]; nextCursor: string };
    const second = (await apiGet(`authors?limit=1&cursor=${first.nextCursor}`, key)).json as {
      authors: { slug: string }[];
      nextCursor: string | null;
    };
    expect([...first.authors, ...second.authors].map((a) => a.slug).sort()).toContain(writerSlug);
    expect(second.nextCursor).toBeNull();
  });
});

describe("the OpenAPI document", () => {
  it("is served without a key, is OpenAPI 3.1, and describes the answers the API gives", async () => {
    const served = await apiGet("openapi.json", null);
    expect(served.status).toBe(200);
    const document = served.json as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, object> };
    };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual([
      "/authors",
      "/sections",
      "/stories",
      "/stories/{id}",
      "/stories/{id}.ninjs.json",
      "/tags",
    ]);
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const check = (schema: string, value: unknown) => {
      const validate = ajv.compile(document.components.schemas[schema] ?? {});
      expect(validate(value), `${schema}: ${JSON.stringify(validate.errors)}`).toBe(true);
    };
    const story = await live("Harbour plan approved", minutes(0), { tagged: true, section: true });
    check("StoryList", (await apiGet("stories", key)).json);
    check("Story", (await apiGet(`stories/${story.id}`, key)).json);
    check("SectionList", (await apiGet("sections", key)).json);
    check("AuthorList", (await apiGet("authors", key)).json);
    check("TagList", (await apiGet("tags", key)).json);
    check("Error", (await apiGet("stories?limit=0", key)).json);
    check("Error", (await apiGet("stories", null)).json);
    // The document is not a StoryList: the check can fail.
    expect(ajv.compile(document.components.schemas.StoryList ?? {})(document)).toBe(false);
  });
});
