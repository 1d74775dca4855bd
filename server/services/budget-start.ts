import { EMPTY_DOCUMENT } from "@/lib/content/document";
import { slugify } from "@/lib/slugify";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { isSlugClash, uniqueSlug } from "./articles";
import { lockLine, refuse } from "./budget";
import type { SessionUser } from "./users";

const START_ATTEMPTS = 10;

/**
 * "Start writing": the line's story, a draft carrying its working title, section, reporters
 * (as the byline, in order) and target length, linked to the line. One transaction; a slug
 * taken by someone else at the same moment is retried with the next free one.
 */
export async function startWriting(
  db: Db,
  actor: SessionUser,
  input: { id: string; version: number },
  now: Date,
): Promise<{ articleId: string }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(async (tx) => {
        const row = await lockLine(tx, actor, input.id, input.version);
        refuse("startWriting", row, actor);
        const reporters = row.assignees.filter((a) => a.role === "REPORTER").map((a) => a.user.id);
        const article = await tx.article.create({
          data: {
            slug: await uniqueSlug(tx, slugify(row.title)),
            headline: row.title,
            body: EMPTY_DOCUMENT as unknown as Prisma.InputJsonObject,
            sectionId: row.section?.id ?? null,
            targetWords: row.targetWords,
            createdById: actor.id,
            authors: { create: reporters.map((userId, position) => ({ userId, position })) },
            events: {
              create: [
                {
                  action: "CREATE",
                  fromStatus: "DRAFT",
                  toStatus: "DRAFT",
                  actorId: actor.id,
                  note: "Started from the story budget",
                  createdAt: now,
                },
              ],
            },
          },
          select: { id: true },
        });
        await tx.budgetItem.update({
          where: { id: row.id },
          data: { articleId: article.id, version: { increment: 1 } },
        });
        return { articleId: article.id };
      });
    } catch (error) {
      if (!isSlugClash(error) || attempt >= START_ATTEMPTS) throw error;
    }
  }
}
