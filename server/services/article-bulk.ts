import type { BulkActionInput, BulkOutcome } from "@/lib/schemas/article-bulk";
import { slugify } from "@/lib/slugify";
import type { PublicChange } from "../cache/changes";
import { storyChange, storyFootprint } from "../cache/tags";
import type { Db } from "../db/client";
import { badRequest, DomainError } from "../errors";
import { updateArticle } from "./article-edit";
import { visibleTo } from "./articles";
import { sectionRefusal } from "./sections";
import type { SessionUser } from "./users";
import { transition, type WorkflowEnv } from "./workflow";

/** A story carries at most this many tags (as the editor's Tags field allows). */
const MAX_TAGS = 20;

const targetSelect = {
  id: true,
  headline: true,
  version: true,
  sectionId: true,
  heroImageCaption: true,
  heroImageCredit: true,
  heroImageAlt: true,
  publishedAt: true,
  tags: { select: { tag: { select: { name: true, slug: true } } } },
} as const;

type Target = NonNullable<Awaited<ReturnType<typeof loadTarget>>>;

function loadTarget(db: Db, actor: SessionUser, id: string) {
  return db.article.findFirst({ where: { id, ...visibleTo(actor) }, select: targetSelect });
}

/** A details-only save (no text) of one article, through the same checks as the editor's form. */
function saveDetails(
  db: Db,
  actor: SessionUser,
  target: Target,
  change: { sectionId?: string; tags?: string[] },
  env: WorkflowEnv,
) {
  return updateArticle(
    db,
    actor,
    {
      id: target.id,
      version: target.version,
      sharedText: true,
      sectionId: change.sectionId ?? target.sectionId,
      heroImageCaption: target.heroImageCaption,
      heroImageCredit: target.heroImageCredit,
      heroImageAlt: target.heroImageAlt,
      ...(change.tags ? { tags: change.tags } : {}),
    },
    env,
  );
}

/** What one article's change did: nothing to change, or changed (and what readers may see). */
type Applied = { changed: false } | { changed: true; publicChange: PublicChange | null };

/**
 * Applies the change to one article; throws the DomainError changing it alone would give when
 * it is refused (nothing of it changed then).
 */
async function applyTo(
  db: Db,
  actor: SessionUser,
  target: Target,
  input: BulkActionInput,
  env: WorkflowEnv,
): Promise<Applied> {
  const tagNames = target.tags.map((t) => t.tag.name);
  const tagSlugs = target.tags.map((t) => t.tag.slug);
  const saved = async (change: { sectionId?: string; tags?: string[] }): Promise<Applied> => ({
    changed: true,
    publicChange: (await saveDetails(db, actor, target, change, env)).publicChange,
  });
  switch (input.action) {
    case "setSection":
      if (target.sectionId === input.sectionId) return { changed: false };
      return saved({ sectionId: input.sectionId });
    case "addTag":
      if (tagSlugs.includes(slugify(input.tag))) return { changed: false };
      if (tagNames.length >= MAX_TAGS) throw badRequest(`It already has ${MAX_TAGS} tags, the most a story can carry.`);
      return saved({ tags: [...tagNames, input.tag] });
    case "removeTag": {
      const slug = slugify(input.tag);
      if (!tagSlugs.includes(slug)) return { changed: false };
      return saved({ tags: tagNames.filter((_, i) => tagSlugs[i] !== slug) });
    }
    case "spike": {
      // Only a story that was once live has public addresses a spike changes (410 from now on).
      const before = target.publishedAt ? await storyFootprint(db, target.id) : null;
      await transition(
        db,
        actor,
        { articleId: target.id, action: "spike", version: target.version, note: input.note || undefined },
        env,
      );
      return {
        changed: true,
        publicChange: before ? storyChange([before], [await storyFootprint(db, target.id)], true) : null,
      };
    }
  }
}

/** Several changes as one refresh: the union of their pages (the whole site if any is). */
function mergeChanges(changes: PublicChange[]): PublicChange | null {
  if (changes.length === 0) return null;
  const wholeSite = changes.some((c) => c.tags.length === 0);
  return {
    tags: wholeSite ? [] : [...new Set(changes.flatMap((c) => c.tags))].sort(),
    takedown: changes.some((c) => c.takedown),
  };
}

/**
 * One change to many articles, each in its own transaction with the same permission and workflow
 * checks as one at a time: what is allowed is done, what is refused is left exactly as it was,
 * and every article's outcome is reported. The change readers may see comes back for the caller
 * to refresh the public site once.
 */
export async function bulkChange(
  db: Db,
  actor: SessionUser,
  input: BulkActionInput,
  env: WorkflowEnv,
): Promise<{ outcomes: BulkOutcome[]; publicChange: PublicChange | null }> {
  if (input.action === "setSection") {
    const problem = await sectionRefusal(db, input.sectionId, null);
    if (problem) throw badRequest(`${problem}.`, { sectionId: [problem] });
  }
  if ((input.action === "addTag" || input.action === "removeTag") && !slugify(input.tag)) {
    throw badRequest("A tag needs at least one letter or digit.", { tag: ["Use letters or digits"] });
  }
  const outcomes: BulkOutcome[] = [];
  const publicChanges: PublicChange[] = [];
  for (const id of input.ids) {
    const target = await loadTarget(db, actor, id);
    if (!target) {
      outcomes.push({ id, headline: null, ok: false, reason: "That article was not found." });
      continue;
    }
    try {
      const applied = await applyTo(db, actor, target, input, env);
      outcomes.push({ id, headline: target.headline, ok: true, unchanged: !applied.changed });
      if (applied.changed && applied.publicChange) publicChanges.push(applied.publicChange);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes.push({ id, headline: target.headline, ok: false, reason: error.message });
    }
  }
  return { outcomes, publicChange: mergeChanges(publicChanges) };
}
