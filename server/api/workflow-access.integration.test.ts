import { beforeEach, describe, expect, it } from "vitest";
import type { ArticleStatusName } from "@/lib/article-status";
import type { SessionUser } from "@/server/services/users";
import { db, makeUser, resetTablesBeforeEach, workflowCallerFor, outcome, type Outcome } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";

type Caller = Awaited<ReturnType<typeof workflowCallerFor>>;
type Actor = "signedOut" | "author" | "otherWriter" | "editor" | "admin";
type Ref = { id: string; version: number };

let users: Record<Exclude<Actor, "signedOut">, SessionUser>;
resetTablesBeforeEach();
beforeEach(async () => {
  users = {
    author: await makeUser("WRITER"),
    otherWriter: await makeUser("WRITER"),
    editor: await makeUser("EDITOR"),
    admin: await makeUser("ADMIN"),
  };
});

const EDITORS_ONLY: Record<Actor, Outcome> = {
  signedOut: "UNAUTHORIZED",
  author: "FORBIDDEN",
  otherWriter: "NOT_FOUND",
  editor: "ok",
  admin: "ok",
};
const AUTHOR_AND_EDITORS: Record<Actor, Outcome> = { ...EDITORS_ONLY, author: "ok" };
const AUTHOR_ONLY: Record<Actor, Outcome> = { ...EDITORS_ONLY, author: "ok", editor: "FORBIDDEN", admin: "FORBIDDEN" };

const IN_AN_HOUR = "2026-11-26T13:00";
const IN_TWO_HOURS = "2026-11-26T14:00";
const cases: {
  name: string;
  state: ArticleStatusName;
  call: (c: Caller, a: Ref) => Promise<unknown>;
  expected: Record<Actor, Outcome>;
}[] = [
  { name: "workflow.submit", state: "DRAFT", call: (c, a) => c.workflow.submit(a), expected: AUTHOR_AND_EDITORS },
  { name: "workflow.withdraw", state: "IN_REVIEW", call: (c, a) => c.workflow.withdraw(a), expected: AUTHOR_ONLY },
  {
    name: "workflow.requestChanges",
    state: "IN_REVIEW",
    call: (c, a) => c.workflow.requestChanges({ ...a, note: "Tighten the intro" }),
    expected: EDITORS_ONLY,
  },
  { name: "workflow.approve", state: "IN_REVIEW", call: (c, a) => c.workflow.approve(a), expected: EDITORS_ONLY },
  {
    name: "workflow.publish (approved)",
    state: "APPROVED",
    call: (c, a) => c.workflow.publish(a),
    expected: EDITORS_ONLY,
  },
  {
    name: "workflow.publish (straight from review)",
    state: "IN_REVIEW",
    call: (c, a) => c.workflow.publish(a),
    expected: EDITORS_ONLY,
  },
  {
    name: "workflow.schedule",
    state: "APPROVED",
    call: (c, a) => c.workflow.schedule({ ...a, scheduledFor: IN_AN_HOUR }),
    expected: EDITORS_ONLY,
  },
  {
    name: "workflow.reschedule",
    state: "SCHEDULED",
    call: (c, a) => c.workflow.reschedule({ ...a, scheduledFor: IN_TWO_HOURS }),
    expected: EDITORS_ONLY,
  },
  { name: "workflow.unschedule", state: "SCHEDULED", call: (c, a) => c.workflow.unschedule(a), expected: EDITORS_ONLY },
  {
    name: "workflow.unpublish",
    state: "PUBLISHED",
    call: (c, a) => c.workflow.unpublish({ ...a, note: "Legal complaint" }),
    expected: EDITORS_ONLY,
  },
  { name: "workflow.republish", state: "UNPUBLISHED", call: (c, a) => c.workflow.republish(a), expected: EDITORS_ONLY },
  { name: "workflow.spike (draft)", state: "DRAFT", call: (c, a) => c.workflow.spike(a), expected: AUTHOR_AND_EDITORS },
  {
    name: "workflow.spike (in review)",
    state: "IN_REVIEW",
    call: (c, a) => c.workflow.spike(a),
    expected: EDITORS_ONLY,
  },
  { name: "workflow.restore", state: "SPIKED", call: (c, a) => c.workflow.restore(a), expected: EDITORS_ONLY },
  {
    name: "workflow.setLegalReview",
    state: "APPROVED",
    call: (c, a) => c.workflow.setLegalReview({ ...a, required: true }),
    expected: EDITORS_ONLY,
  },
  {
    name: "workflow.setEmbargo (draft)",
    state: "DRAFT",
    call: (c, a) => c.workflow.setEmbargo({ ...a, until: IN_AN_HOUR }),
    expected: AUTHOR_AND_EDITORS,
  },
  {
    name: "workflow.setEmbargo (in review)",
    state: "IN_REVIEW",
    call: (c, a) => c.workflow.setEmbargo({ ...a, until: IN_AN_HOUR }),
    expected: EDITORS_ONLY,
  },
  {
    name: "workflow.addCorrection",
    state: "PUBLISHED",
    call: (c, a) => c.workflow.addCorrection({ ...a, text: "An earlier version misspelled a name." }),
    expected: EDITORS_ONLY,
  },
  {
    name: "article.update (draft)",
    state: "DRAFT",
    call: (c, a) =>
      c.article.update({
        ...a,
        headline: "New headline",
        standfirst: "S",
        sectionId: null,
        body: { type: "doc", content: [{ type: "paragraph" }] },
        heroImageCaption: null,
        heroImageCredit: null,
        heroImageAlt: null,
      }),
    expected: AUTHOR_AND_EDITORS,
  },
  {
    name: "article.update (in review)",
    state: "IN_REVIEW",
    call: (c, a) =>
      c.article.update({
        ...a,
        headline: "New headline",
        standfirst: "S",
        sectionId: null,
        body: { type: "doc", content: [{ type: "paragraph" }] },
        heroImageCaption: null,
        heroImageCredit: null,
        heroImageAlt: null,
      }),
    expected: EDITORS_ONLY,
  },
];

describe.each(cases)("$name", ({ state, call, expected }) => {
  it.each(Object.keys(expected) as Actor[])("as %s", async (actor) => {
    const article = await articleIn(state, users.author, users.editor);
    const before = await db.workflowEvent.count();
    const caller = await workflowCallerFor(actor === "signedOut" ? null : users[actor]);
    const result = await outcome(call(caller, article));
    expect(result).toBe(expected[actor]);
    if (result !== "ok") {
      // A refused request changes nothing.
      expect(await db.workflowEvent.count()).toBe(before);
      expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).version).toBe(article.version);
    }
  });
});

const READERS: Record<Actor, Outcome> = {
  signedOut: "UNAUTHORIZED",
  author: "ok",
  otherWriter: "NOT_FOUND",
  editor: "ok",
  admin: "ok",
};

describe("published versions", () => {
  it.each(Object.keys(READERS) as Actor[])("as %s", async (actor) => {
    const article = await articleIn("PUBLISHED", users.author, users.editor);
    const caller = await workflowCallerFor(actor === "signedOut" ? null : users[actor]);
    expect(await outcome(caller.article.revisions({ id: article.id }))).toBe(READERS[actor]);
    const [revision] = await db.articleRevision.findMany({ where: { articleId: article.id } });
    expect(await outcome(caller.article.revision({ id: article.id, revisionId: revision?.id ?? "" }))).toBe(
      READERS[actor],
    );
  });
});

describe("signing off legal review", () => {
  it.each(["signedOut", "author", "otherWriter", "editor", "admin"] as Actor[])("as %s", async (actor) => {
    const article = await articleIn("APPROVED", users.author, users.editor);
    const marked = await (
      await workflowCallerFor(users.editor)
    ).workflow.setLegalReview({ ...article, required: true });
    const caller = await workflowCallerFor(actor === "signedOut" ? null : users[actor]);
    expect(await outcome(caller.workflow.signOffLegal({ id: article.id, version: marked.version }))).toBe(
      EDITORS_ONLY[actor],
    );
  });
});

describe("notifications", () => {
  it("belong to their reader: listing and marking read never touch someone else's", async () => {
    await articleIn("IN_REVIEW", users.author, users.author);
    const editor = await workflowCallerFor(users.editor);
    expect(await editor.notification.unreadCount()).toBe(1);
    const other = await workflowCallerFor(users.otherWriter);
    expect(await other.notification.list()).toEqual([]);
    const [note] = await editor.notification.list();
    expect(await other.notification.markRead({ ids: [note?.id ?? ""] })).toBe(0);
    expect(await editor.notification.unreadCount()).toBe(1);
    expect(await outcome((await workflowCallerFor(null)).notification.list())).toBe("UNAUTHORIZED");
  });
});
