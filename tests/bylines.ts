import { paragraphs } from "@/lib/content/document";
import type { createCaller } from "@/server/api/root";
import { db } from "./db";

/** Saves a story's byline as the caller would from the workspace (its other fields as they are). */
export async function saveByline(caller: ReturnType<typeof createCaller>, id: string, authorIds: string[]) {
  const stored = await db.article.findUniqueOrThrow({ where: { id } });
  return caller.article.update({
    id,
    version: stored.version,
    headline: stored.headline,
    standfirst: stored.standfirst,
    body: paragraphs(["The ferries stopped at noon."]),
    sectionId: stored.sectionId,
    heroImageUrl: null,
    heroImageCaption: null,
    heroImageCredit: null,
    heroImageAlt: null,
    authorIds,
    tags: [],
  });
}
