import { beforeEach, describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/content/document";
import { importArticle } from "@/server/services/articles";
import type { SessionUser } from "@/server/services/users";
import { callerFor, db, makeDraft, makeUser, resetTablesBeforeEach, outcome, type Outcome } from "@/tests/db";

type Caller = Awaited<ReturnType<typeof callerFor>>;
type Actor = "signedOut" | "writer" | "otherWriter" | "editor" | "admin";

interface Fixtures {
  users: Record<Exclude<Actor, "signedOut">, SessionUser>;
  draft: { id: string; slug: string };
  published: { id: string; slug: string };
  target: SessionUser;
}

let f: Fixtures;
resetTablesBeforeEach();
beforeEach(async () => {
  const users = {
    writer: await makeUser("WRITER"),
    otherWriter: await makeUser("WRITER"),
    editor: await makeUser("EDITOR"),
    admin: await makeUser("ADMIN"),
  };
  const draft = await makeDraft(users.writer);
  const published = await importArticle(db, {
    headline: "Published story",
    standfirst: "",
    tags: [],
    body: paragraphs(["Out in the world."]),
    createdById: users.writer.id,
    authorIds: [users.writer.id],
    status: "PUBLISHED",
    publishedAt: new Date(),
  });
  f = { users, draft, published, target: await makeUser("WRITER") };
});

const ADMIN_ONLY: Record<Actor, Outcome> = {
  signedOut: "UNAUTHORIZED",
  writer: "FORBIDDEN",
  otherWriter: "FORBIDDEN",
  editor: "FORBIDDEN",
  admin: "ok",
};
const SIGNED_IN: Record<Actor, Outcome> = {
  signedOut: "UNAUTHORIZED",
  writer: "ok",
  otherWriter: "ok",
  editor: "ok",
  admin: "ok",
};
const EVERYONE: Record<Actor, Outcome> = {
  signedOut: "ok",
  writer: "ok",
  otherWriter: "ok",
  editor: "ok",
  admin: "ok",
};

// Writers may read colleagues' stories (read-only) unless an admin turns it off: on by default,
// so another writer gets the draft and its preview, and nothing that changes or follows it.
const procedures: { name: string; call: (c: Caller) => Promise<unknown>; expected: Record<Actor, Outcome> }[] = [
  { name: "article.create", call: (c) => c.article.create({ headline: "New story" }), expected: SIGNED_IN },
  { name: "article.list", call: (c) => c.article.list(), expected: SIGNED_IN },
  {
    name: "article.get (the writer's draft)",
    call: (c) => c.article.get({ id: f.draft.id }),
    expected: { signedOut: "UNAUTHORIZED", writer: "ok", otherWriter: "ok", editor: "ok", admin: "ok" },
  },
  {
    name: "article.pulse (the writer's draft)",
    call: (c) => c.article.pulse({ id: f.draft.id }),
    expected: { signedOut: "UNAUTHORIZED", writer: "ok", otherWriter: "NOT_FOUND", editor: "ok", admin: "ok" },
  },
  {
    name: "article.preview (the writer's draft)",
    call: (c) => c.article.preview({ id: f.draft.id }),
    expected: { signedOut: "UNAUTHORIZED", writer: "ok", otherWriter: "ok", editor: "ok", admin: "ok" },
  },
  {
    name: "article.changeSlug (the writer's published story)",
    call: async (c) =>
      c.article.changeSlug({
        id: f.published.id,
        version: (await db.article.findUniqueOrThrow({ where: { id: f.published.id } })).version,
        slug: "a-new-address",
      }),
    expected: { signedOut: "UNAUTHORIZED", writer: "FORBIDDEN", otherWriter: "NOT_FOUND", editor: "ok", admin: "ok" },
  },
  {
    name: "article.pin (a published story)",
    call: (c) => c.article.pin({ id: f.published.id, pinned: true }),
    expected: { signedOut: "UNAUTHORIZED", writer: "FORBIDDEN", otherWriter: "FORBIDDEN", editor: "ok", admin: "ok" },
  },
  { name: "site.home", call: (c) => c.site.home(), expected: EVERYONE },
  { name: "site.latest", call: (c) => c.site.latest({ page: 1 }), expected: EVERYONE },
  { name: "site.article (published)", call: (c) => c.site.article({ slug: f.published.slug }), expected: EVERYONE },
  { name: "site.search", call: (c) => c.site.search({ q: "world", page: 1 }), expected: EVERYONE },
  { name: "site.feed", call: (c) => c.site.feed({ scope: { kind: "site" } }), expected: EVERYONE },
  { name: "site.sitemapIndex", call: (c) => c.site.sitemapIndex(), expected: EVERYONE },
  {
    name: "site.sitemapPart",
    call: (c) => c.site.sitemapPart({ part: { kind: "pages" } }),
    expected: EVERYONE,
  },
  { name: "user.me", call: (c) => c.user.me(), expected: SIGNED_IN },
  { name: "user.profile", call: (c) => c.user.profile(), expected: SIGNED_IN },
  {
    name: "user.updateProfile",
    call: (c) => c.user.updateProfile({ bio: "Covers the harbour.", photoUrl: null }),
    expected: SIGNED_IN,
  },
  { name: "user.list", call: (c) => c.user.list(), expected: ADMIN_ONLY },
  {
    name: "invitation.create",
    call: (c) => c.invitation.create({ email: "new.person@example.test", displayName: "New Person", role: "WRITER" }),
    expected: ADMIN_ONLY,
  },
  { name: "invitation.list", call: (c) => c.invitation.list(), expected: ADMIN_ONLY },
  {
    name: "invitation.revoke (an unknown one)",
    call: (c) => c.invitation.revoke({ id: "00000000-0000-7000-8000-000000000000" }),
    expected: { ...ADMIN_ONLY, admin: "NOT_FOUND" },
  },
  {
    name: "invitation.resend (an unknown one)",
    call: (c) => c.invitation.resend({ id: "00000000-0000-7000-8000-000000000000" }),
    expected: { ...ADMIN_ONLY, admin: "NOT_FOUND" },
  },
  {
    name: "user.update",
    call: (c) => c.user.update({ userId: f.target.id, email: "renamed@example.test", displayName: "Renamed" }),
    expected: ADMIN_ONLY,
  },
  { name: "user.startReset", call: (c) => c.user.startReset({ userId: f.target.id }), expected: ADMIN_ONLY },
  { name: "mail.outbox", call: (c) => c.mail.outbox(), expected: ADMIN_ONLY },
  { name: "apiKey.list", call: (c) => c.apiKey.list(), expected: ADMIN_ONLY },
  { name: "apiKey.create", call: (c) => c.apiKey.create({ name: "Partner", perMinute: 60 }), expected: ADMIN_ONLY },
  {
    name: "apiKey.revoke (an unknown one)",
    call: (c) => c.apiKey.revoke({ id: "00000000-0000-7000-8000-000000000000" }),
    expected: { ...ADMIN_ONLY, admin: "NOT_FOUND" },
  },
  { name: "webhook.list", call: (c) => c.webhook.list(), expected: ADMIN_ONLY },
  {
    name: "webhook.create",
    call: (c) => c.webhook.create({ name: "Partner", url: "https://93.184.215.14/hooks", events: ["PUBLISHED"] }),
    expected: ADMIN_ONLY,
  },
  {
    name: "webhook.setEnabled (an unknown one)",
    call: (c) => c.webhook.setEnabled({ id: "00000000-0000-7000-8000-000000000000", enabled: false }),
    expected: { ...ADMIN_ONLY, admin: "NOT_FOUND" },
  },
  {
    name: "webhook.deliveries (an unknown one)",
    call: (c) => c.webhook.deliveries({ id: "00000000-0000-7000-8000-000000000000" }),
    expected: { ...ADMIN_ONLY, admin: "NOT_FOUND" },
  },
  {
    name: "webhook.redeliver (an unknown one)",
    call: (c) => c.webhook.redeliver({ deliveryId: "00000000-0000-7000-8000-000000000000" }),
    expected: { ...ADMIN_ONLY, admin: "NOT_FOUND" },
  },
  {
    name: "account.changePassword (a wrong current password)",
    call: (c) => c.account.changePassword({ currentPassword: "not it", newPassword: "a quiet harbour at dawn" }),
    expected: {
      signedOut: "UNAUTHORIZED",
      writer: "BAD_REQUEST",
      otherWriter: "BAD_REQUEST",
      editor: "BAD_REQUEST",
      admin: "BAD_REQUEST",
    },
  },
  { name: "account.signOutEverywhere", call: (c) => c.account.signOutEverywhere(), expected: SIGNED_IN },
  { name: "account.mailPreferences", call: (c) => c.account.mailPreferences(), expected: SIGNED_IN },
  {
    name: "account.setMailPreferences",
    call: (c) => c.account.setMailPreferences({ actions: ["PUBLISH"] }),
    expected: SIGNED_IN,
  },
  {
    name: "account.requestReset",
    call: (c) => c.account.requestReset({ email: "someone@example.test" }),
    expected: EVERYONE,
  },
  {
    name: "account.invitation (an unknown link)",
    call: (c) => c.account.invitation({ token: "x".repeat(43) }),
    expected: EVERYONE,
  },
  ...(["resetPassword", "acceptInvitation"] as const).map((name) => ({
    name: `account.${name} (an unknown link)`,
    call: (c: Caller) => c.account[name]({ token: "x".repeat(43), password: "a quiet harbour at dawn" }),
    expected: {
      signedOut: "BAD_REQUEST",
      writer: "BAD_REQUEST",
      otherWriter: "BAD_REQUEST",
      editor: "BAD_REQUEST",
      admin: "BAD_REQUEST",
    } as Record<Actor, Outcome>,
  })),
  {
    name: "user.changeRole",
    call: (c) => c.user.changeRole({ userId: f.target.id, role: "EDITOR" }),
    expected: ADMIN_ONLY,
  },
  { name: "user.deactivate", call: (c) => c.user.deactivate({ userId: f.target.id }), expected: ADMIN_ONLY },
  { name: "user.reactivate", call: (c) => c.user.reactivate({ userId: f.target.id }), expected: ADMIN_ONLY },
];

const actors: Actor[] = ["signedOut", "writer", "otherWriter", "editor", "admin"];

describe.each(procedures)("$name", ({ call, expected }) => {
  it.each(actors)("as %s", async (actor) => {
    const caller = await callerFor(actor === "signedOut" ? null : f.users[actor]);
    expect(await outcome(call(caller))).toBe(expected[actor]);
  });
});

describe("what each role sees", () => {
  it("a writer's list holds colleagues' articles too, or only their own when an admin turns reading off; an editor's holds all", async () => {
    await makeDraft(f.users.otherWriter, "Someone else's draft");
    expect((await (await callerFor(f.users.writer)).article.list()).articles).toHaveLength(3);
    await (await callerFor(f.users.admin)).settings.update({ colleaguesCanRead: false });
    const mine = await (await callerFor(f.users.writer)).article.list();
    expect(mine.articles.map((a) => a.id).sort()).toEqual([f.draft.id, f.published.id].sort());
    const all = await (await callerFor(f.users.editor)).article.list();
    expect(all.articles).toHaveLength(3);
  });

  it("the public list never includes drafts", async () => {
    const list = await (await callerFor(null)).site.latest({ page: 1 });
    expect(list?.items.map((a) => a.slug)).toEqual([f.published.slug]);
  });

  it("a created draft belongs to its creator and gets a unique slug", async () => {
    const caller = await callerFor(f.users.writer);
    const first = await caller.article.create({ headline: "  Harbour plan: what's next?  " });
    const second = await caller.article.create({ headline: "Harbour plan: what's next?" });
    expect(first).toMatchObject({
      headline: "Harbour plan: what's next?",
      slug: "harbour-plan-whats-next",
      status: "DRAFT",
      version: 1,
    });
    expect(second.slug).toBe("harbour-plan-whats-next-2");
    expect(first.authors.map((a) => a.user.id)).toEqual([f.users.writer.id]);
  });

  it("simultaneous drafts with the same headline all succeed, each with its own slug", async () => {
    const caller = await callerFor(f.users.writer);
    const drafts = await Promise.all(
      Array.from({ length: 8 }, () => caller.article.create({ headline: "Storm warning" })),
    );
    expect(new Set(drafts.map((d) => d.slug)).size).toBe(8);
  });

  it("user.list never sends password hashes", async () => {
    const list = await (await callerFor(f.users.admin)).user.list();
    expect(list.length).toBeGreaterThan(0);
    for (const user of list) expect(Object.keys(user)).not.toContain("passwordHash");
  });
});

describe("role changes and deactivation apply on the next call", () => {
  it("a demoted admin loses user management at once", async () => {
    await makeUser("ADMIN");
    const admin = f.users.admin;
    expect(await outcome((await callerFor(admin)).user.list())).toBe("ok");
    await (await callerFor(admin)).user.changeRole({ userId: admin.id, role: "WRITER" });
    expect(await outcome((await callerFor(admin)).user.list())).toBe("FORBIDDEN");
  });

  it("a deactivated writer is treated as signed out; reactivated, they are back", async () => {
    const admin = await callerFor(f.users.admin);
    await admin.user.deactivate({ userId: f.users.writer.id });
    expect(await outcome((await callerFor(f.users.writer)).article.list())).toBe("UNAUTHORIZED");
    await admin.user.reactivate({ userId: f.users.writer.id });
    expect(await outcome((await callerFor(f.users.writer)).article.list())).toBe("ok");
  });

  it("a promoted writer can read other writers' drafts (with colleagues' reading off)", async () => {
    await (await callerFor(f.users.admin)).settings.update({ colleaguesCanRead: false });
    expect(await outcome((await callerFor(f.users.otherWriter)).article.get({ id: f.draft.id }))).toBe("NOT_FOUND");
    await (await callerFor(f.users.admin)).user.changeRole({ userId: f.users.otherWriter.id, role: "EDITOR" });
    expect(await outcome((await callerFor(f.users.otherWriter)).article.get({ id: f.draft.id }))).toBe("ok");
  });
});
