import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/services/users";
import { callerFor, db, makeDraft, makeUser, resetTablesBeforeEach } from "@/tests/db";

type Caller = Awaited<ReturnType<typeof callerFor>>;
// Inputs arrive from the network as arbitrary JSON; the casts let the tests send it.
type Loose = (input: unknown) => Promise<unknown>;
const loose = (fn: unknown) => fn as Loose;

const ARTICLE_ID = "018f0000-0000-7000-8000-000000000001";
let admin: SessionUser;
resetTablesBeforeEach();
beforeEach(async () => {
  admin = await makeUser("ADMIN");
});

const garbage: unknown[] = [undefined, null, 42, "text", [], {}, { id: { $ne: null } }, { email: "x".repeat(100_000) }];

const cases: { name: string; fn: (c: Caller) => Loose; inputs: unknown[] }[] = [
  {
    name: "article.create",
    fn: (c) => loose(c.article.create),
    inputs: [...garbage, { headline: "" }, { headline: "   " }, { headline: "x".repeat(201) }, { headline: 7 }],
  },
  {
    name: "article.get",
    fn: (c) => loose(c.article.get),
    inputs: [...garbage, { id: "not-a-uuid" }, { id: '\'; DROP TABLE "Article"; --' }],
  },
  {
    name: "site.latest",
    fn: (c) => loose(c.site.latest),
    inputs: [{ page: 0 }, { page: -1 }, { page: "2" }, { page: 1.5 }, { page: 10_001 }],
  },
  {
    name: "site.article",
    fn: (c) => loose(c.site.article),
    inputs: [...garbage, { slug: "../etc/passwd" }, { slug: "UPPER" }, { slug: "a".repeat(500) }, { slug: "<script>" }],
  },
  {
    name: "site.list",
    fn: (c) => loose(c.site.list),
    inputs: [
      ...garbage,
      { kind: "user", slug: "x", page: 1 },
      { kind: "section", slug: "../x", page: 1 },
      { kind: "tag", slug: "ok", page: 0 },
    ],
  },
  {
    name: "site.search",
    fn: (c) => loose(c.site.search),
    inputs: [...garbage, { q: "x".repeat(201), page: 1 }, { q: 5, page: 1 }, { q: "ok", page: "1" }],
  },
  {
    name: "site.feed",
    fn: (c) => loose(c.site.feed),
    inputs: [...garbage, { scope: { kind: "tag", slug: "x" } }, { scope: { kind: "section", slug: "<x>" } }],
  },
  {
    name: "article.changeSlug",
    fn: (c) => loose(c.article.changeSlug),
    inputs: [
      ...garbage,
      { id: "00000000-0000-7000-8000-000000000000", version: 1, slug: "Bad Slug" },
      { id: "00000000-0000-7000-8000-000000000000", version: 1, slug: "-x" },
    ],
  },
  {
    name: "article.pin",
    fn: (c) => loose(c.article.pin),
    inputs: [...garbage, { id: "00000000-0000-7000-8000-000000000000", pinned: "yes" }],
  },
  {
    name: "invitation.create",
    fn: (c) => loose(c.invitation.create),
    inputs: [
      ...garbage,
      { email: "not-an-email", displayName: "A", role: "WRITER" },
      { email: "a@b.test", displayName: "", role: "WRITER" },
      { email: "a@b.test", displayName: "A", role: "OWNER" },
    ],
  },
  {
    name: "account.resetPassword",
    fn: (c) => loose(c.account.resetPassword),
    inputs: [...garbage, { token: "", password: "long enough pw" }, { token: "x".repeat(101), password: "x" }],
  },
  {
    name: "user.update",
    fn: (c) => loose(c.user.update),
    inputs: [...garbage, { userId: "not-a-uuid", email: "a@b.test", displayName: "A" }],
  },
  {
    name: "user.changeRole",
    fn: (c) => loose(c.user.changeRole),
    inputs: [
      ...garbage,
      { userId: "nope", role: "EDITOR" },
      { userId: "018f0000-0000-7000-8000-000000000000", role: "KING" },
    ],
  },
  { name: "user.deactivate", fn: (c) => loose(c.user.deactivate), inputs: [...garbage, { userId: 1 }] },
  ...(
    [
      "submit",
      "withdraw",
      "approve",
      "publish",
      "publishUpdate",
      "unschedule",
      "republish",
      "restore",
      "requestChanges",
      "unpublish",
      "spike",
      "schedule",
      "reschedule",
      "setLegalReview",
      "signOffLegal",
      "setEmbargo",
      "addCorrection",
    ] as const
  ).map((name) => ({
    name: `workflow.${name}`,
    fn: (c: Caller) => loose(c.workflow[name]),
    inputs: [
      ...garbage,
      { id: "not-a-uuid", version: 1 },
      { id: ARTICLE_ID, version: 0 },
      { id: ARTICLE_ID, version: "1" },
      { id: ARTICLE_ID, version: 1.5 },
    ],
  })),
  ...(["submit", "approve", "publish", "publishUpdate"] as const).map((name) => ({
    name: `workflow.${name} (notes)`,
    fn: (c: Caller) => loose(c.workflow[name]),
    inputs: [
      { id: ARTICLE_ID, version: 1, note: "x".repeat(2001) },
      { id: ARTICLE_ID, version: 1, note: 5 },
      { id: ARTICLE_ID, version: 1, note: ["a"] },
    ],
  })),
  ...(["schedule", "reschedule"] as const).map((name) => ({
    name: `workflow.${name} (times)`,
    fn: (c: Caller) => loose(c.workflow[name]),
    inputs: [
      { id: ARTICLE_ID, version: 1, scheduledFor: "tomorrow" },
      { id: ARTICLE_ID, version: 1, scheduledFor: "2026-11-27 10:00" },
      { id: ARTICLE_ID, version: 1 },
    ],
  })),
  {
    name: "workflow notes",
    fn: (c) => loose(c.workflow.requestChanges),
    inputs: [
      { id: ARTICLE_ID, version: 1 },
      { id: ARTICLE_ID, version: 1, note: "" },
      { id: ARTICLE_ID, version: 1, note: "x".repeat(2001) },
    ],
  },
  {
    name: "article.update",
    fn: (c) => loose(c.article.update),
    inputs: [
      ...garbage,
      {
        id: ARTICLE_ID,
        version: 1,
        headline: "",
        standfirst: "",
        sectionId: null,
        body: {},
        heroImageCaption: null,
        heroImageCredit: null,
        heroImageAlt: null,
      },
      {
        id: ARTICLE_ID,
        version: 1,
        headline: "H",
        standfirst: "x".repeat(401),
        sectionId: null,
        body: {},
        heroImageCaption: null,
        heroImageCredit: null,
        heroImageAlt: null,
      },
      {
        id: ARTICLE_ID,
        version: 1,
        headline: "H",
        standfirst: "",
        sectionId: "nope",
        body: {},
        heroImageCaption: null,
        heroImageCredit: null,
        heroImageAlt: null,
      },
    ],
  },
  { name: "article.revisions", fn: (c) => loose(c.article.revisions), inputs: [...garbage, { id: "x" }] },
  {
    name: "article.revision",
    fn: (c) => loose(c.article.revision),
    inputs: [...garbage, { id: ARTICLE_ID }, { id: ARTICLE_ID, revisionId: "x" }],
  },
  {
    name: "article.importMarkdown",
    fn: (c) => loose(c.article.importMarkdown),
    inputs: [...garbage, { markdown: "" }, { markdown: "x".repeat(1_000_001) }, { markdown: 12 }],
  },
  { name: "article.heartbeat", fn: (c) => loose(c.article.heartbeat), inputs: [...garbage, { id: "x" }] },
  { name: "article.leave", fn: (c) => loose(c.article.leave), inputs: [...garbage, { id: 5 }] },
  { name: "article.pulse", fn: (c) => loose(c.article.pulse), inputs: [...garbage, { id: "x" }] },
  {
    name: "media.list",
    fn: (c) => loose(c.media.list),
    inputs: [{ limit: 0 }, { limit: 1000 }, { query: "x".repeat(201) }, 5],
  },
  {
    name: "media.describe",
    fn: (c) => loose(c.media.describe),
    inputs: [
      ...garbage,
      { id: ARTICLE_ID, caption: "", credit: "", alt: "" },
      { id: "x", caption: "", credit: "", alt: "a" },
    ],
  },
  {
    name: "notification.markRead",
    fn: (c) => loose(c.notification.markRead),
    inputs: [{ ids: [] }, { ids: ["x"] }, { ids: "all" }, 5, { articleId: "x" }, { articleId: 5 }, { other: true }],
  },
  { name: "user.reactivate", fn: (c) => loose(c.user.reactivate), inputs: [...garbage, { userId: "" }] },
];

describe.each(cases)("$name with malformed input", ({ fn, inputs }) => {
  it("answers BAD_REQUEST with field messages and changes nothing", async () => {
    const before = { users: await db.user.count(), articles: await db.article.count() };
    const caller = await callerFor(admin);
    for (const input of inputs) {
      const error = await fn(caller)(input).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, `input ${JSON.stringify(input)?.slice(0, 60)}`).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code, `input ${JSON.stringify(input)?.slice(0, 60)}`).toBe("BAD_REQUEST");
    }
    expect({ users: await db.user.count(), articles: await db.article.count() }).toEqual(before);
  });
});

describe("expected failures map to the right codes", () => {
  it("unknown ids are NOT_FOUND, not 500", async () => {
    const caller = await callerFor(admin);
    const missing = "018f0000-0000-7000-8000-000000000000";
    await expect(caller.article.get({ id: missing })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.user.changeRole({ userId: missing, role: "EDITOR" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.user.deactivate({ userId: missing })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a duplicate email is CONFLICT with a message on the email field", async () => {
    const caller = await callerFor(admin);
    const input = { email: "Same@Example.test", displayName: "One", role: "WRITER" as const };
    await caller.invitation.create(input);
    const error = await caller.invitation.create({ ...input, email: " same@example.TEST " }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("CONFLICT");
    expect(await db.accountToken.count({ where: { email: "same@example.test" } })).toBe(1);
    const taken = await caller.invitation.create({ ...input, email: admin.email }).catch((e: unknown) => e);
    expect((taken as TRPCError).code).toBe("CONFLICT");
  });
});

describe("text the database cannot store is refused with a message, and nothing changes", () => {
  const NUL = "Harbour\u0000news";
  const HALF_EMOJI = "Harbour \uD83D news";

  it("in an article's headline, body and tags", async () => {
    const writer = await makeUser("WRITER");
    const draft = await makeDraft(writer);
    const caller = await callerFor(writer);
    const before = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
    const base = {
      id: draft.id,
      version: before.version,
      headline: "Fine",
      standfirst: "",
      sectionId: null,
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Fine" }] }] },
      heroImageCaption: null,
      heroImageCredit: null,
      heroImageAlt: null,
    };
    const bad = [
      { ...base, headline: NUL },
      { ...base, headline: HALF_EMOJI },
      { ...base, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: NUL }] }] } },
      { ...base, tags: ["ok", NUL] },
    ];
    for (const input of bad) {
      const error = await loose(caller.article.update)(input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      expect((error as TRPCError).message).not.toMatch(/prisma|invocation|22P05|22021/i);
    }
    const after = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after.version).toBe(before.version);
    expect(after.headline).toBe(before.headline);
  });

  it("names the field, so the form can show it there", async () => {
    const caller = await callerFor(await makeUser("WRITER"));
    const error = (await loose(caller.article.create)({ headline: NUL }).catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("Text may not contain the NUL character (\\0). Remove it and try again.");
    expect(await db.article.count()).toBe(0);
  });

  it("in a media search, a profile and a public search", async () => {
    const writer = await makeUser("WRITER");
    const caller = await callerFor(writer);
    const calls = [
      () => loose(caller.media.list)({ query: NUL, limit: 10 }),
      () => loose(caller.user.updateProfile)({ bio: NUL, photoUrl: null }),
      () => loose(caller.site.search)({ q: NUL, page: 1 }),
    ];
    for (const call of calls) {
      const error = (await call().catch((e: unknown) => e)) as TRPCError;
      expect(error.code).toBe("BAD_REQUEST");
    }
    const stored = await db.user.findUniqueOrThrow({ where: { id: writer.id } });
    expect(stored.bio ?? "").not.toContain("\u0000");
  });
});
