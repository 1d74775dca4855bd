import { beforeEach, describe, expect, it } from "vitest";
import { paragraphs } from "@/lib/content/document";
import { SAVE_COALESCE_MS } from "@/server/services/article-edit";
import type { SessionUser } from "@/server/services/users";
import { db, FIXED_NOW, makeDraft, makeUser, resetTablesBeforeEach, versionOf, workflowCallerFor } from "@/tests/db";
import { articleIn } from "@/tests/workflow-states";

let writer: SessionUser;
let editor: SessionUser;
resetTablesBeforeEach();
beforeEach(async () => {
  writer = await makeUser("WRITER");
  editor = await makeUser("EDITOR");
});

const at = (ms: number) => new Date(FIXED_NOW.getTime() + ms);
async function save(user: SessionUser, id: string, text: string, when: Date) {
  await (
    await workflowCallerFor(user, when)
  ).article.update({
    id,
    version: await versionOf(id),
    headline: "Harbour",
    standfirst: "",
    sectionId: null,
    body: paragraphs([text]),
    heroImageCaption: null,
    heroImageCredit: null,
    heroImageAlt: null,
  });
}
const saves = (articleId: string) =>
  db.articleRevision.findMany({
    where: { articleId, kind: "SAVE" },
    orderBy: { createdAt: "asc" },
    select: { bodyText: true, createdById: true },
  });

describe("every accepted save can be recovered", () => {
  it("one person's rapid saves share a revision holding the latest text; later saves start a new one", async () => {
    const draft = await makeDraft(writer, "Harbour");
    await save(writer, draft.id, "First words", at(0));
    await save(writer, draft.id, "First words, more", at(60_000));
    expect(await saves(draft.id)).toEqual([{ bodyText: "First words, more", createdById: writer.id }]);
    await save(writer, draft.id, "Much later", at(SAVE_COALESCE_MS + 1000));
    expect((await saves(draft.id)).map((r) => r.bodyText)).toEqual(["First words, more", "Much later"]);
  });

  it("another person's save never folds into someone else's revision", async () => {
    const draft = await makeDraft(writer, "Harbour");
    await save(writer, draft.id, "Writer's text", at(0));
    await save(editor, draft.id, "Editor's text", at(1000));
    expect(await saves(draft.id)).toEqual([
      { bodyText: "Writer's text", createdById: writer.id },
      { bodyText: "Editor's text", createdById: editor.id },
    ]);
  });

  it("each workflow step snapshots the working copy", async () => {
    const article = await articleIn("PUBLISHED", writer, editor);
    const kinds = await db.articleRevision.findMany({
      where: { articleId: article.id },
      orderBy: { createdAt: "asc" },
      select: { kind: true },
    });
    expect(kinds.map((k) => k.kind)).toEqual(["TRANSITION", "PUBLISHED"]);
  });

  it("revisions cannot be deleted, and published or workflow snapshots cannot be changed", async () => {
    const article = await articleIn("PUBLISHED", writer, editor);
    await expect(db.articleRevision.deleteMany({ where: { articleId: article.id } })).rejects.toThrow();
    await expect(
      db.articleRevision.updateMany({
        where: { articleId: article.id, kind: "PUBLISHED" },
        data: { headline: "Rewritten" },
      }),
    ).rejects.toThrow();
    await expect(
      db.articleRevision.updateMany({
        where: { articleId: article.id, kind: "TRANSITION" },
        data: { headline: "Rewritten" },
      }),
    ).rejects.toThrow();
    expect(await db.articleRevision.count({ where: { articleId: article.id, headline: "Rewritten" } })).toBe(0);
  });
});
