import { validateDocument } from "@/lib/content/validate";
import type { UpdateArticleInput } from "@/lib/schemas/article";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { badRequest, forbidden } from "../errors";
import { canEdit } from "../workflow/machine";
import type { SessionUser } from "./users";
import { lockArticle, type WorkflowEnv } from "./workflow";

/**
 * Saves the working copy. Refused (and nothing stored) when the user may not edit in this
 * state, when someone saved in between (CONFLICT), or when the body fails validation.
 * After publishing, edits stay in the working copy until an editor publishes the update.
 */
export async function updateArticle(db: Db, actor: SessionUser, input: UpdateArticleInput, env: WorkflowEnv): Promise<{ version: number }> {
  const body = validateDocument(input.body);
  if (!body.ok) throw badRequest(body.error, { body: [body.error] });
  return db.$transaction(async (tx) => {
    const { article, workflowActor } = await lockArticle(tx, actor, input.id, input.version, env.timeZone);
    if (!canEdit(article, workflowActor)) {
      throw forbidden("This article is with the editors now: you can edit it again if it is sent back to you.");
    }
    if (input.sectionId && !(await tx.section.findUnique({ where: { id: input.sectionId }, select: { id: true } }))) {
      throw badRequest("That section does not exist.", { sectionId: ["Choose a section from the list"] });
    }
    return tx.article.update({
      where: { id: article.id },
      data: {
        headline: input.headline,
        standfirst: input.standfirst,
        sectionId: input.sectionId,
        body: body.document as unknown as Prisma.InputJsonObject,
        bodyText: body.text,
        heroImageCaption: input.heroImageCaption,
        heroImageCredit: input.heroImageCredit,
        heroImageAlt: input.heroImageAlt,
        version: { increment: 1 },
        updatedById: actor.id,
        ...(article.status === "PUBLISHED" || article.status === "UNPUBLISHED" ? { hasUnpublishedChanges: true } : {}),
      },
      select: { version: true },
    });
  });
}
